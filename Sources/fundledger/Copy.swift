import ArgumentParser
import Foundation
import FundCore
import FundPostgres
import FundStore

struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Copy the whole book between a SQLite file and a PostgreSQL database, either way, into a new, empty target.",
                            "在 SQLite 文件与 PostgreSQL 数据库之间（任一方向）复制整个账套，目标必须是新的空账套。"),
        discussion: bilingual("""
            A book in PostgreSQL is named postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE, with \
            ?sslmode=disable|allow|prefer|require|verify-ca|verify-full, &sslrootcert=FILE, \
            &sslcert=FILE and &sslkey=FILE as for psql (prefer when left out; verify-full checks the \
            server's certificate and host); without a password in the URL, PGPASSWORD or \
            ~/.pgpass (PGPASSFILE) gives it, and it is never printed. The target must be a new file or \
            an empty database: nothing is ever overwritten. The copy is one transaction on the target, \
            keeps every id, reads every table back, and verifies the book with its chain heads before \
            it is kept. Who may back up the whole book may copy it.
            """, """
            PostgreSQL 中的账套写作 postgresql://用户[:密码]@主机:端口/数据库，可加 \
            ?sslmode=disable|allow|prefer|require|verify-ca|verify-full、&sslrootcert=文件、&sslcert=文件 \
            和 &sslkey=文件，与 psql 相同（省略时为 prefer；verify-full 校验服务器证书及主机名）；地址中\
            没有密码时取自 PGPASSWORD 或 ~/.pgpass（PGPASSFILE）；密码从不显示。目标必须是新文件或空数据库，绝不覆盖。复制在目标上是一个事务，保留全部 id，\
            逐表读回核对，并在保留前校验账套及其链头。能备份整个账套的用户才能复制。
            """))
    @OptionGroup var options: BookOptions

    @Option(name: .long, help: ArgumentHelp(bilingual("The book to copy: a SQLite file or a postgresql:// URL (default --book or FUNDLEDGER_BOOK).", "要复制的账套：SQLite 文件或 postgresql:// 地址（默认为 --book 或 FUNDLEDGER_BOOK）。"), valueName: "BOOK"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp(bilingual("The new book: a SQLite file that does not exist yet, or the URL of an empty PostgreSQL database.", "新账套：尚不存在的 SQLite 文件，或空 PostgreSQL 数据库的地址。"), valueName: "BOOK"))
    var to: String

    func run() throws {
        let source = from ?? options.book
        let target = to
        let user = options.user
        do {
            let key = try options.sealKey()
            let progress = ProgressLine("copying", unit: " rows")
            let report: CopyReport
            let shownFrom: String, shownTo: String
            switch (PostgresAddress.isAddress(source), PostgresAddress.isAddress(target)) {
            case (false, true):
                try BookLocation.requireFile(source)
                let address = try PostgresAddress.parse(target)
                (shownFrom, shownTo) = (source, address.redacted)
                report = try waitForAsync {
                    try await BookCopy.toPostgres(from: source, to: address, as: user, key: key) { progress.update(done: Int64($0), total: Int64($1)) }
                }
            case (true, false):
                try BookLocation.requireFile(target)
                let address = try PostgresAddress.parse(source)
                (shownFrom, shownTo) = (address.redacted, target)
                report = try waitForAsync {
                    try await BookCopy.toSQLite(from: address, to: target, as: user, key: key) { progress.update(done: Int64($0), total: Int64($1)) }
                }
            case (true, true):
                throw PostgresBookError.sameEngine(postgres: true)
            case (false, false):
                try BookLocation.requireFile(source)
                try BookLocation.requireFile(target)
                throw PostgresBookError.sameEngine(postgres: false)
            }
            progress.finish()
            say(.copied(from: shownFrom, to: shownTo, tables: report.tables, rows: report.rows))
            emit(report.heads.map { "  \($0)\n" }.joined())
        } catch let error as PostgresBookError {
            note(CLIText.errorPrefix.text(language) + error.text(language))
            throw ExitCode(1)
        } catch {
            try reporting { throw error }
        }
    }
}
