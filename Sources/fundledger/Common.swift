import ArgumentParser
import Foundation
import FundApp
import FundCore
import FundPostgres
import FundReports
import FundStore
import FundXLSX

/// Options every command shares: which book, and who is acting.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(bilingual("The book file.", "账套文件。"), valueName: "PATH"))
    var book: String = ProcessInfo.processInfo.environment["FUNDLEDGER_BOOK"] ?? "ledgers/fundledger.sqlite"

    @Option(name: .customLong("as"), help: ArgumentHelp(bilingual("Who is acting (preparer, reviewer, bookkeeper); the book checks this user's roles. Default FUNDLEDGER_USER or the login name.", "操作人（制单、审核、记账）；账套检查此用户的角色。默认为 FUNDLEDGER_USER 或登录名。"), valueName: "NAME"))
    var user: String = ProcessInfo.processInfo.environment["FUNDLEDGER_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"

    @Option(name: .customLong("key"), help: ArgumentHelp(bilingual("The key file of a book sealed with a key (made by `init --key`); default FUNDLEDGER_KEY.", "用密钥封印的账套的密钥文件（由 `init --key` 生成）；默认为 FUNDLEDGER_KEY。"), valueName: "PATH"))
    var keyPath: String?

    /// The seal key given (--key, else FUNDLEDGER_KEY), read and checked; nil when none is given.
    func sealKey() throws -> SealKey? {
        guard let path = keyPath ?? ProcessInfo.processInfo.environment["FUNDLEDGER_KEY"], !path.isEmpty else { return nil }
        return try SealKey.read(from: path)
    }

    func validate() throws {
        guard !PersonName.normalized(user).isEmpty else {
            throw ValidationError(bilingual("--as (or FUNDLEDGER_USER) is empty; give the name you act under, as the book's administrator granted it", "--as（或 FUNDLEDGER_USER）为空；请给出账套管理员授权时所用的姓名 [empty-user]"))
        }
    }

    /// The book opened for a command that writes.
    func open() throws -> Session { try Store.open(at: book, key: sealKey()).session(as: user) }

    /// The book opened for a command that only reads: read-only, so that it works on read-only
    /// media and cannot change the book. A book in PostgreSQL is read in one snapshot into a
    /// private SQLite file (`PostgresBook.snapshot`), removed when the command is done with it;
    /// the command's rights are checked on that snapshot as on a book file.
    func openReading() throws -> Session {
        guard PostgresAddress.isAddress(book) else { return try Store.open(at: book, connections: .readOnly, key: sealKey()).session(as: user) }
        let address = try PostgresAddress.parse(book)
        let key = try sealKey()
        let progress = ProgressLine("reading", unit: " rows")
        defer { progress.finish() }
        return try waitForAsync {
            try await PostgresBook.snapshot(of: address, key: key, reader: user) { progress.update(done: Int64($0), total: Int64($1)) }
        }.session(as: user)
    }
}

/// Options of list and report commands.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: bilingual("Output format: table, csv or json (default: table on a terminal, csv otherwise).", "输出格式：table、csv 或 json（默认：终端上为 table，否则为 csv）。"))
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .csv) }
}

extension OutputFormat: ExpressibleByArgument {}

/// Year and optional month of a report: `--period 2026-05` alone, as every command that takes a
/// month writes it, or `--year 2026` for the whole year (and, as before, `--year 2026 --period 5`).
struct PeriodOptions: ParsableArguments {
    @Option(name: .customLong("year"), help: bilingual("The fiscal year (not needed with --period YYYY-MM).", "会计年度（给出 --period YYYY-MM 时不必给）。"))
    var yearOption: Int?

    @Option(name: .customLong("period"), help: ArgumentHelp(bilingual("One month, YYYY-MM (or a month 1-12 of --year); without it the whole year.", "一个月份，YYYY-MM（或 --year 年度中的月份 1-12）；不给时为全年。") as String, valueName: "YYYY-MM"))
    var periodOption: String?

    func validate() throws {
        if let yearOption, !(1900...9999).contains(yearOption) {
            throw ValidationError(bilingual("--year \(yearOption) is not a year; give four digits such as 2026", "--year \(yearOption) 不是年份；请写四位数字，如 2026 [bad-year]"))
        }
        guard let periodOption else {
            if yearOption == nil { throw ValidationError(bilingual("give the month as --period YYYY-MM (such as --period 2026-05), or the whole year as --year YYYY", "请用 --period YYYY-MM 给出月份（如 --period 2026-05），或用 --year YYYY 给出全年 [period-needed]")) }
            return
        }
        if let month = Int(periodOption) {
            guard (1...12).contains(month) else { throw ValidationError(bilingual("--period \(periodOption) is not a month; give 1 to 12", "--period \(periodOption) 不是月份；请写 1 至 12 [bad-period]")) }
            guard yearOption != nil else { throw ValidationError(bilingual("--period \(periodOption) needs its year; write --period YYYY-MM, such as --period 2026-05", "--period \(periodOption) 缺少年份；请写 --period YYYY-MM，如 --period 2026-05 [bad-period]")) }
            return
        }
        guard let period = Period(input: periodOption) else {
            throw ValidationError(bilingual("--period \(periodOption) is not a month; write YYYY-MM, such as 2026-05", "--period \(periodOption) 不是月份；请写 YYYY-MM，如 2026-05 [bad-period]"))
        }
        if let yearOption, yearOption != period.year {
            throw ValidationError(bilingual("--period \(periodOption) is not in --year \(yearOption); give one of them", "--period \(periodOption) 不在 --year \(yearOption) 内；只需给出其一 [bad-period]"))
        }
    }

    /// The month asked for, if any (validated).
    private var month: Period? {
        guard let periodOption else { return nil }
        if let month = Int(periodOption) { return yearOption.flatMap { Period(year: $0, month: month) } }
        return Period(input: periodOption)
    }

    /// The fiscal year.
    var year: Int { month?.year ?? yearOption ?? 0 }

    /// The month of the year, or nil for the whole year.
    var period: Int? { month?.month }

    var range: (from: Period, to: Period) {
        if let month { return (month, month) }
        return (Period(year: year, month: 1)!, Period(year: year, month: 12)!)
    }

    var suffix: String { period.map { String(format: "%04d-%02d", year, $0) } ?? String(year) }
}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

/// An amount given on the command line, with the parser's reason when it is not one.
func parseAmount(_ text: String, option: String) throws -> Money {
    do { return try Money(input: text) } catch { throw CLIError(bilingual("\(option): \(error)", "\(option)：" + ((error as? MoneyError)?.chinese ?? "\(error)"))) }
}

/// Writes text to standard output as it is.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes a line to standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command body, printing domain errors as one paragraph on standard error (in the
/// language of the run, `language`) and exiting non-zero. Anything else (a bug) propagates.
func reporting(_ body: () throws -> Void) throws {
    func fail(_ error: some LocalizedMessage) -> ExitCode {
        note(CLIText.errorPrefix.text(language) + error.text(language))
        return ExitCode(1)
    }
    do {
        try body()
    } catch let error as BookError {
        throw fail(error)
    } catch let error as PostgresBookError {
        throw fail(error)
    } catch let error as InputErrors {
        throw fail(error)
    } catch let error as InputError {
        throw fail(error)
    } catch let error as XLSXError {
        throw fail(error)
    } catch let error as OutputError {
        throw fail(error)
    } catch let error as SumOverflow {
        throw fail(BookError.sumOverflow(error))
    } catch let error as CLIError {
        note(CLIText.errorPrefix.text(language) + error.message)
        throw ExitCode(1)
    }
}

/// An error found by the command-line layer itself.
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Writes `text` to `path` through a temporary file and a rename, so the file is never half-written.
func writeAtomically(_ text: String, to path: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CLIError(bilingual("cannot write \(path): \(error.localizedDescription)", "无法写入 \(path)：\(error.localizedDescription) [write-failed]"))
    }
}

/// The path a workbook goes to, once `OutputTarget` has checked it may be written there: never a
/// folder or a book, an existing file only if it is a workbook (or with --force).
func workbookPath(_ path: String, force: Bool, book: BookOptions) throws -> String {
    try OutputTarget.prepare(path, kind: .workbook, force: force, protecting: [book.book])
}

