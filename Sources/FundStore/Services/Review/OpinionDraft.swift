import FundCore

/// What the committee concludes on the accounts it reviewed.
public enum OpinionConclusion: String, Sendable, CaseIterable {
    /// 同意: the accounts are true and the funds used as budgeted.
    case agree
    /// 基本同意: agreed, with the reservations the text gives.
    case qualified
    /// 不同意: not agreed, for the reasons the text gives.
    case disagree

    /// The conclusion as the opinion states it.
    public var chinese: String {
        switch self {
        case .agree: "同意"
        case .qualified: "基本同意（有保留意见）"
        case .disagree: "不同意"
        }
    }
}

/// The committee's opinion on a year while its members sign it, each in the member's own login.
public struct OpinionDraft: Hashable, Sendable {
    public let organization: String
    public let year: Int
    /// The review covers January through this month of `year`.
    public let throughMonth: Int
    public let conclusion: OpinionConclusion
    public let text: String
    /// When (UTC, as stored) and by whom it was drafted.
    public let draftedAt: String
    public let draftedBy: String
    /// The members who signed, with when (UTC, as stored), in the order they signed.
    public let signatures: [Signature]
    /// How many serving members must sign before the opinion is recorded (the audit setting `signers`).
    public let required: Int

    /// One member's signature.
    public struct Signature: Hashable, Sendable {
        public let name: String
        public let at: String
    }

    /// The months covered, as the opinion states them: 2026年度 or 2026年1月至6月.
    public var coverage: String { OpinionDraft.coverage(year: year, throughMonth: throughMonth) }

    /// The months covered by a review of `year` through `throughMonth`.
    public static func coverage(year: Int, throughMonth: Int) -> String {
        throughMonth == 12 ? "\(year)年度（1月至12月）" : "\(year)年1月至\(throughMonth)月"
    }

    /// The text the recorded opinion holds: the coverage and the conclusion, then the text.
    public static func recordedText(year: Int, throughMonth: Int, conclusion: OpinionConclusion, text: String) -> String {
        "审查期间：\(coverage(year: year, throughMonth: throughMonth))\n审查结论：\(conclusion.chinese)\n" + text
    }
}
