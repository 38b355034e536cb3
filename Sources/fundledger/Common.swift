import ArgumentParser
import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

/// Options every command shares: which book, and who is acting.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(bilingual("The book file.", "账套文件。"), valueName: "PATH"))
    var book: String = ProcessInfo.processInfo.environment["FUNDLEDGER_BOOK"] ?? "ledgers/fundledger.sqlite"

    @Option(name: .customLong("as"), help: ArgumentHelp(bilingual("Who is acting (preparer, reviewer, bookkeeper); the book checks this user's roles. Default FUNDLEDGER_USER or the login name.", "操作人（制单、审核、记账）；账套检查此用户的角色。默认为 FUNDLEDGER_USER 或登录名。"), valueName: "NAME"))
    var user: String = ProcessInfo.processInfo.environment["FUNDLEDGER_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"

    func validate() throws {
        guard !PersonName.normalized(user).isEmpty else {
            throw ValidationError(bilingual("--as (or FUNDLEDGER_USER) is empty; give the name you act under, as the book's administrator granted it", "--as（或 FUNDLEDGER_USER）为空；请给出账套管理员授权时所用的姓名 [empty-user]"))
        }
    }

    /// The book opened for a command that writes.
    func open() throws -> Session { try Store.open(at: book).session(as: user) }

    /// The book opened for a command that only reads: read-only, so that it works on read-only
    /// media and cannot change the book.
    func openReading() throws -> Session { try Store.open(at: book, connections: .readOnly).session(as: user) }
}

/// Options of list and report commands.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: bilingual("Output format: table, csv or json (default: table on a terminal, csv otherwise).", "输出格式：table、csv 或 json（默认：终端上为 table，否则为 csv）。"))
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .csv) }
}

extension OutputFormat: ExpressibleByArgument {}

/// Year and optional month of a report.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: bilingual("The fiscal year.", "会计年度。"))
    var year: Int

    @Option(name: .long, help: bilingual("A month of the year (1-12); without it the whole year.", "年度中的月份（1-12）；不给时为全年。"))
    var period: Int?

    func validate() throws {
        guard (1900...9999).contains(year) else { throw ValidationError(bilingual("--year \(year) is not a year; give four digits such as 2026", "--year \(year) 不是年份；请写四位数字，如 2026 [bad-year]")) }
        if let period, !(1...12).contains(period) {
            throw ValidationError(bilingual("--period \(period) is not a month; give 1 to 12", "--period \(period) 不是月份；请写 1 至 12 [bad-period]"))
        }
    }

    var range: (from: Period, to: Period) {
        if let period { let p = Period(year: year, month: period)!; return (p, p) }
        return (Period(year: year, month: 1)!, Period(year: year, month: 12)!)
    }

    var suffix: String { period.map { String(format: "%04d-%02d", year, $0) } ?? String(year) }
}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// An amount given on the command line, with the parser's reason when it is not one.
func parseAmount(_ text: String, option: String) throws -> Money {
    do { return try Money(parsing: text) } catch { throw CLIError(bilingual("\(option): \(error)", "\(option)：" + ((error as? MoneyError)?.chinese ?? "\(error)"))) }
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

