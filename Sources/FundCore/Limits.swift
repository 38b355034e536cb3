/// Bounds on everything that comes in from outside, checked at the boundary so that a bad file
/// gets a clear error long before it can exhaust memory or overflow a total.
public enum Limits {
    /// Lines in one voucher.
    public static let linesPerVoucher = 999
    /// Largest magnitude of one line's amount: 1,000,000,000,000.00 yuan.
    public static let lineAmountFen: Int64 = 100_000_000_000_000
    /// Characters in a voucher's or a line's summary (摘要).
    public static let summaryCharacters = 200
    /// Bytes in one line of an imported file.
    public static let lineBytes = 4_096
    /// Bytes in one imported file: 4 GiB.
    public static let importFileBytes: Int64 = 4 << 30
    /// Characters in a project code, an economic classification code or a person's name.
    public static let tagValueCharacters = 64
    /// Supporting documents (附件) on one voucher.
    public static let attachments = 9_999
}
