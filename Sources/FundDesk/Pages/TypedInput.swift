import FundCore
import FundStore

extension Input {
    /// How a date field tells people what it takes (a text field: a browser's own date field
    /// shows mm/dd/yyyy where its language is not Chinese).
    static let datePlaceholder = "如 2026-05-03"

    /// What a refusal of a date adds: the ways a date may be written.
    static let dateHint = "可写成 2026-05-03、2026/5/3 或 2026年5月3日"

    /// A date as people type it (2026-05-03, 2026/5/3, 2026年5月3日, full-width digits too:
    /// FundCore's `LocalDate(input:)`); nil when it is none of these.
    static func date(_ text: String) -> LocalDate? { LocalDate(input: text) }

    /// The date in the form's field `name`, called `field` on the page: `fallback` when it is
    /// empty (or a refusal naming the field when there is none), a refusal naming the field
    /// when it cannot be read.
    static func date(_ form: FormData, _ name: String, field: String, default fallback: LocalDate?) throws -> LocalDate {
        guard let text = form.trimmed(name) else {
            if let fallback { return fallback }
            throw DeskError.badField(name: field, value: "（未填写；\(dateHint)）")
        }
        guard let date = LocalDate(input: text) else { throw DeskError.badField(name: field, value: "\(text)（\(dateHint)）") }
        return date
    }
}

/// Times as the desk shows them: Beijing time to the minute, 2026-05-03 14:20.
enum DeskTime {
    /// A time the book stores (UTC, 2026-05-03T06:20:00Z) in Beijing time to the minute; a value
    /// that is not such a time (a date, an older entry) is shown as it is.
    static func show(_ stored: String) -> String {
        let shown = BeijingTime.display(stored)
        return shown == stored ? stored : String(shown.prefix(16))
    }

    /// A time in seconds since 1970 (the desk's own records: logins, locks) in Beijing time.
    static func show(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        guard let date = LocalDate(checkedDaysSinceEpoch: Int(days)) else { return String(seconds) }
        func two(_ value: Int64) -> String { value < 10 ? "0" + String(value) : String(value) }
        let stored = date.description + "T" + two(rest / 3600) + ":" + two(rest % 3600 / 60) + ":" + two(rest % 60) + "Z"
        return show(stored)
    }
}
