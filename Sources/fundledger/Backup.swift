import ArgumentParser
import FundApp
import FundPostgres
import FundStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Copy the whole book, or with --org the part under one organisation, to one self-contained file, consistently even while others write, and print its SHA-256.", "把整个账套（或用 --org 只取一个单位及其下属单位的部分）复制为一个独立文件（他人写入时也保持一致），并打印其 SHA-256。"),
        discussion: bilingual("""
            Without --org the backup is the whole book, for who may read all of it (the \
            administrator, a role over every organisation, or the superior of every top-level \
            union); anyone else is refused and pointed to --org. With --org CODE the backup is a new \
            SQLite book of CODE and every organisation below it, for who may read that subtree: \
            their vouchers with their seals, turnovers, budgets, subsidy items they grant, \
            committees, reviews, assets, bank statements, the roles granted on them and every event \
            of their chains (whole, so their heads are the book's), the standard charts and the \
            calendar. CODE loses its parent link; organisations outside that its rows name (a \
            counterpart) are kept as bare rows (code, name, level); nothing else of any other \
            organisation is there, nor the book's own event chain with the book-wide roles, the \
            access log or the desk's logins. The part starts a chain of its own with one event: you, \
            granted the reading of the whole part. It is verified before it is written.

            From a book in PostgreSQL (--book postgresql://...) the backup is a SQLite book file: the \
            book is read in one snapshot (a read-only, repeatable-read transaction) into a temporary \
            SQLite file in a folder only you can read, and the backup, whole or part, is made from \
            that file with the same rules as from a book file; the temporary file is removed in \
            every case. The database administrator's backup of the whole database is pg_dump and \
            pg_restore.
            """, """
            不带 --org 时备份整个账套，只有能读全部账套的用户可以备份（账套管理员、覆盖全部单位的角色，\
            或每个顶层工会的上级工会）；其他用户会被拒绝并提示使用 --org。带 --org 单位 时，备份为一个新的 \
            SQLite 账套，包含该单位及其下属全部单位，只有能查阅这些单位的用户可以备份：凭证及其封印、\
            发生额汇总、预算、它们下达的项目补贴、经审会、审查记录、固定资产、银行对账单、授予这些单位的\
            角色及其事件链的全部事件（完整保留，链头与原账套相同）、标准科目表和日历。该单位不再有上级；\
            其记录所引用的外部单位（如往来单位）只保留单位本身（代码、名称、级次）；不含其他单位的任何\
            其他内容，也不含账套本身的事件链及全账套角色、访问日志和网页登录信息。部分账套新建一条自己的\
            事件链，只有一个事件：授予您查阅整个部分账套的权限。写出前先经过校验。

            账套在 PostgreSQL 中时（--book postgresql://...），备份为 SQLite 账套文件：在一个快照中（只读、\
            可重复读事务）把账套读入只有你能读的文件夹里的临时 SQLite 文件，再按与账套文件相同的规则\
            从该文件生成整个或部分账套的备份；临时文件无论成败都会删除。数据库管理员备份整个数据库请用 \
            pg_dump 和 pg_restore。
            """))
    @OptionGroup var options: BookOptions
    @Option(name: .shortAndLong, help: bilingual("The backup file to create.", "要建立的备份文件。")) var output: String
    @Option(help: bilingual("Back up only this organisation and every organisation below it.", "只备份该单位及其下属全部单位。")) var org: String?

    func run() throws {
        try reporting {
            if PostgresAddress.isAddress(options.book) { return try backupPostgres() }
            try OutputTarget.prepare(output, kind: .book, protecting: [options.book])
            let session = try options.openReading()
            if let org {
                report(try session.backups.backupPart(of: org, to: output), book: options.book)
                return
            }
            let copy = try session.backups.backup(to: output)
            say(.backedUp(book: options.book, output: output))
            say(.backupHash(sha256: copy.sha256, output: output))
        }
    }

    /// The backup of a book in PostgreSQL, made by the SQLite backup from a copy of it.
    private func backupPostgres() throws {
        let address = try PostgresAddress.parse(options.book)
        try BookLocation.requireFile(output)
        try OutputTarget.prepare(output, kind: .book, protecting: [])
        let (output, user, key, org) = (output, options.user, try options.sealKey(), org)
        if let org {
            let part = try waitForAsync {
                try await PostgresBook.withCopy(of: address, as: user, key: key) { session in try session.backups.backupPart(of: org, to: output) }
            }
            report(part, book: address.redacted)
            return
        }
        let copy = try waitForAsync {
            try await PostgresBook.withCopy(of: address, as: user, key: key) { session in try session.backups.backup(to: output) }
        }
        say(.backedUp(book: address.redacted, output: output))
        say(.backupHash(sha256: copy.sha256, output: output))
    }

    /// What a part backup says: what it holds, then its hash.
    private func report(_ part: PartCopy, book: String) {
        say(.backedUpPart(book: book, root: part.root, output: part.copy.path, organizations: part.organizations, outside: part.namedOutside))
        say(.backupHash(sha256: part.copy.sha256, output: part.copy.path))
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Put a backup in place of the book, only if it passes verify; the backup is never written to, and the replaced book is kept whole beside it.", "用备份替换账套，仅当备份通过校验；备份文件不会被改写，被替换的账套完整保留在旁边。"))
    @OptionGroup var options: BookOptions
    @Argument(help: bilingual("The backup file.", "备份文件。")) var file: String

    func run() throws {
        try reporting {
            let restoration = try BackupService.restore(from: file, to: options.book, as: options.user)
            say(.restored(book: options.book, file: file, vouchers: restoration.verified.vouchers))
            if let kept = restoration.replaced { say(.replacedKept(path: kept)) }
        }
    }
}
