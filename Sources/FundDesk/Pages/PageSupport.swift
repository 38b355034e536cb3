import Foundation
import FundCore
import FundStore
import FundXLSX
import Hummingbird

/// How the pages write vouchers, amounts and dates.
enum VoucherFormat {
    /// The voucher's 凭证字号 as people read it: 2026-05 记-0003; a voucher not yet posted has no
    /// number and says so (its number comes when it is posted).
    static func number(_ voucher: Voucher) -> String {
        let head = voucher.draft.period.description + " " + voucher.draft.word + "-"
        guard let number = voucher.number else { return head + "（记账时编号）" }
        let digits = String(number)
        return head + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The sum of the voucher's debit lines (红字 lines count negative); nil if it would overflow.
    static func debitTotal(_ voucher: Voucher) -> Money? {
        try? Money.sum(voucher.draft.lines.filter { $0.side == .debit }.map(\.amount))
    }

    /// The sum of the voucher's credit lines.
    static func creditTotal(_ voucher: Voucher) -> Money? {
        try? Money.sum(voucher.draft.lines.filter { $0.side == .credit }.map(\.amount))
    }

    /// An amount with grouping commas (1,234.56), blank for zero where a grid leaves it blank.
    static func amount(_ money: Money?, blankZero: Bool = false) -> String {
        guard let money else { return "—" }
        return money.isZero && blankZero ? "" : money.grouped
    }

    /// A voucher as a row of a list or a header of a page.
    static func row(_ voucher: Voucher) -> [String: Any] {
        var row: [String: Any] = [
            "id": String(voucher.id), "number": number(voucher), "date": voucher.draft.date.description,
            "summary": voucher.draft.summary, "amount": amount(debitTotal(voucher)), "attachments": String(voucher.draft.attachments),
            "preparer": voucher.draft.preparer, "reviewer": voucher.reviewer ?? "", "bookkeeper": voucher.bookkeeper ?? "",
            "status": voucher.status.chinese, "status_key": voucher.status.rawValue,
        ]
        if voucher.status != .posted { row["selectable"] = true }
        if voucher.draft.isRedInk { row["red"] = true }
        return row
    }

    /// The lines of a voucher for a page, with account names from `chart`.
    static func lines(_ voucher: Voucher, chart: Chart?) -> [[String: Any]] {
        voucher.draft.lines.map { line in
            [
                "summary": line.summary.isEmpty ? voucher.draft.summary : line.summary,
                "account": line.accountCode, "account_name": chart?.fullName(line.accountCode) ?? chart?.account(line.accountCode)?.name ?? "",
                "debit": line.side == .debit ? line.amount.grouped : "", "credit": line.side == .credit ? line.amount.grouped : "",
            ]
        }
    }
}

/// Reading what people type.
enum Input {
    /// An amount as typed: 1,234.56, ¥1234.5, 1 234, full-width digits. Spaces between digits
    /// are dropped; commas must group the digits in threes (`12,5` is refused as ambiguous, never
    /// read as 125), as `Money(input:)` reads every typed amount; then straight to fen.
    static func amount(_ text: String) throws(MoneyError) -> Money {
        let cleaned = text.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\u{00A0}" }
        return try Money(input: cleaned)
    }

    /// An amount as typed, or why it cannot be read.
    static func parsedAmount(_ text: String) -> Result<Money, MoneyError> {
        do { return .success(try amount(text)) } catch { return .failure(error) }
    }

    /// A period from `YYYY-MM`, or nil.
    static func period(_ text: String?) -> Period? { text.flatMap { Period(parsing: $0) } }

    /// What an account typed by name ("办公费") is among the leaf accounts.
    enum AccountMatch: Sendable {
        case found(Account)
        /// More than one leaf has that name or holds it: their "code name"s.
        case several([String])
        case none
    }

    /// The leaf account `text` names: the one whose name is `text`, else the only one whose
    /// name holds it.
    static func accountByName(_ text: String, leaves: [Account]) -> AccountMatch {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .none }
        for candidates in [leaves.filter { $0.name == name }, leaves.filter { $0.name.contains(name) }] {
            if candidates.count == 1 { return .found(candidates[0]) }
            if candidates.count > 1 { return .several(candidates.map { $0.code + " " + $0.name }) }
        }
        return .none
    }

    /// The account code at the start of what was typed ("50504 办公费" or "50504").
    static func accountCode(_ text: String) -> String {
        String(text.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber })
    }

    /// A voucher's id in an address.
    static func voucherID(_ context: DeskContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw DeskError.notFound }
        return id
    }
}

extension Desk {
    /// The creation time written into a workbook: SOURCE_DATE_EPOCH when set (as the CLI's
    /// `DocumentProperties.creationTime`), otherwise the desk's clock.
    var workbookTime: Date {
        if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil { return DocumentProperties.creationTime() }
        return Date(timeIntervalSince1970: TimeInterval(clock()))
    }

    /// Today in UTC by the desk's clock.
    var today: LocalDate {
        let days = Int(clock() / 86_400)
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468, era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097, yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
        return LocalDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day) ?? LocalDate(year: 2026, month: 1, day: 1)!
    }
}

extension Request {
    /// The query string's fields.
    var query: FormData { FormData(uri.query ?? "") }
}
