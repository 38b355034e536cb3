import Foundation

extension VoucherNameProblem: LocalizedMessage {
    /// The Chinese text of the refusal, with the English rule id in brackets.
    public var chinese: String {
        switch self {
        case let .bareNumber(number, period):
            let month = period?.description ?? "2026-05", padded = String(format: "%04d", number)
            return "“\(number)”未说明是哪张凭证：请写凭证字号及月份，如 \(month)/记-\(padded)（或 记-\(padded) 加 --period \(month)），或写内部编号 #\(number) [\(rule)]"
        case let .periodNeeded(word, number):
            let ref = word + "-" + String(format: "%04d", number)
            return "\(ref) 每月重新编号，请说明月份：2026-05/\(ref)，或 \(ref) 加 --period 2026-05 [\(rule)]"
        case let .periodMismatch(ref, period):
            return "\(ref) 属于 \(ref.period)，不属于 --period \(period)；月份只需给一次 [\(rule)]"
        }
    }
}
