import FundCore

/// 会计报表附注 of the 2021 《工会会计制度》 (附录1 第六部分): the headings the annual notes must
/// disclose at least, in the standard's order, for the officer to write under. FundLedger
/// prints the headings and the space; the text is the officer's.
public enum FinancialNotes {
    public static let title = "会计报表附注"

    /// The eight headings of 第六部分 一.
    public static let headings = [
        "（一）遵循《工会会计制度》的声明",
        "（二）整体财务状况、预算执行情况的说明",
        "（三）重要会计政策、会计估计及其变更情况的说明",
        "（四）会计报表重要项目的进一步说明，包括其主要构成、增减变动情况等",
        "（五）重要资产处置、资产重大损失情况的说明",
        "（六）以名义金额计量的资产名称、数量等情况，以及以名义金额计量理由的说明",
        "（七）以前年度结转结余调整情况的说明",
        "（八）有助于理解和分析会计报表需要说明的其他事项",
    ]

    /// The notes of one organisation and year: who signs them and the period line.
    public struct Sheet: Sendable {
        public let organization: Organization
        public let year: Int
        public var signers: FormSigners

        public init(organization: Organization, year: Int, signers: FormSigners = FormSigners()) {
            self.organization = organization
            self.year = year
            self.signers = signers
        }

        public var periodText: String { "\(year)年度" }
    }
}
