extension VerifyReport {
    /// The verdict in one line, counting both kinds of finding: "no errors, 7 warnings",
    /// "2 errors, 1 warning", "no errors, no warnings". A verdict that said "no problems" and
    /// then listed seven warnings read as a contradiction.
    public var summary: String {
        VerifyReport.counted(problems.count, "error") + ", " + VerifyReport.counted(warnings.count, "warning")
    }

    /// "no errors", "1 error", "3 errors".
    static func counted(_ count: Int, _ noun: String) -> String {
        switch count {
        case 0: "no \(noun)s"
        case 1: "1 \(noun)"
        default: "\(count) \(noun)s"
        }
    }
}
