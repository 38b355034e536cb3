/// Times as people read them: Beijing time (UTC+8, no daylight saving), `2026-05-31 14:34:20`.
/// The book stores every time in UTC (`2026-05-31T06:34:20Z`); this is the one place that turns a
/// stored time into the one shown in listings, workbooks and messages.
public enum BeijingTime {
    /// Beijing is eight hours ahead of UTC all year.
    public static let offsetHours = 8

    /// `stored` (ISO 8601 UTC to the second, as the book writes it) in Beijing time, or `stored`
    /// unchanged when it is not such a time (a value written by an older version, or edited).
    public static func display(_ stored: String) -> String {
        let characters = Array(stored.utf8)
        guard characters.count == 20, characters[10] == UInt8(ascii: "T"), characters[19] == UInt8(ascii: "Z"),
              characters[13] == UInt8(ascii: ":"), characters[16] == UInt8(ascii: ":"),
              let date = LocalDate(parsing: stored.prefix(10)),
              let hour = Int(stored.dropFirst(11).prefix(2)), let minute = Int(stored.dropFirst(14).prefix(2)),
              let second = Int(stored.dropFirst(17).prefix(2)), (0..<24).contains(hour), (0..<60).contains(minute),
              (0..<61).contains(second)
        else { return stored }
        var day = date
        var shifted = hour + offsetHours
        if shifted >= 24 {
            shifted -= 24
            day = date.nextDay ?? date
        }
        func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
        return day.description + " " + two(shifted) + ":" + two(minute) + ":" + two(second)
    }

    /// The day a stored UTC time falls on in Beijing (`2026-05-31T20:00:00Z` is 2026-06-01), or
    /// the first ten characters when it is not such a time.
    public static func day(_ stored: String) -> String { String(display(stored).prefix(10)) }
}

extension LocalDate {
    /// The day after this one, or nil past 9999-12-31.
    var nextDay: LocalDate? {
        if let next = LocalDate(year: year, month: month, day: day + 1) { return next }
        if let next = LocalDate(year: year, month: month + 1, day: 1) { return next }
        return LocalDate(year: year + 1, month: 1, day: 1)
    }
}
