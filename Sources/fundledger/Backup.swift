import ArgumentParser
import FundApp
import FundPostgres
import FundStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Copy the whole book to one self-contained file, consistently even while others write, and print its SHA-256.", "把整个账套复制为一个独立文件（他人写入时也保持一致），并打印其 SHA-256。"),
        discussion: bilingual("""
            From a book in PostgreSQL (--book postgresql://...) the backup is a SQLite book file: the \
            book is read in one snapshot (a read-only, repeatable-read transaction) into a temporary \
            SQLite file in a folder only you can read, and the backup is made from that file with the \
            same rules as from a book file (the whole book: who may read all of it); the temporary \
            file is removed in every case. The database administrator's backup of the whole \
            database is pg_dump and pg_restore.
            """, """
            PostgreSQL 中的账套（--book postgresql://...）备份为 SQLite 账套文件：在一个快照中（只读、\
            可重复读事务）把账套读入只有你能读的文件夹里的临时 SQLite 文件，再按与账套文件相同的规则\
            （整个账套：能读全部账套的用户）从该文件生成备份；临时文件无论成败都会删除。数据库管理员\
            备份整个数据库请用 pg_dump 和 pg_restore。
            """))
    @OptionGroup var options: BookOptions
    @Option(name: .shortAndLong, help: bilingual("The backup file to create.", "要建立的备份文件。")) var output: String

    func run() throws {
        try reporting {
            if PostgresAddress.isAddress(options.book) { return try backupPostgres() }
            try OutputTarget.prepare(output, kind: .book, protecting: [options.book])
            let copy = try options.openReading().backups.backup(to: output)
            say(.backedUp(book: options.book, output: output))
            say(.backupHash(sha256: copy.sha256, output: output))
        }
    }

    /// The backup of a book in PostgreSQL, made by the SQLite backup from a copy of it.
    private func backupPostgres() throws {
        let address = try PostgresAddress.parse(options.book)
        try BookLocation.requireFile(output)
        try OutputTarget.prepare(output, kind: .book, protecting: [])
        let (output, user, key) = (output, options.user, try options.sealKey())
        let copy = try waitForAsync {
            try await PostgresBook.withCopy(of: address, as: user, key: key) { session in try session.backups.backup(to: output) }
        }
        say(.backedUp(book: address.redacted, output: output))
        say(.backupHash(sha256: copy.sha256, output: output))
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
