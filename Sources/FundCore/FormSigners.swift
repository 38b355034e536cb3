/// Who signs and seals a union's financial reports: 第六十四条 of the 2021 《工会会计制度》 names
/// the 法定代表人, the 主管会计工作的负责人 and the 会计机构负责人 (the 2009-era 单位负责人 /
/// 财务负责人 / 复核 line is out of date).
public enum SignerRole: String, Hashable, Sendable, CaseIterable {
    case legalRepresentative = "legal-representative"
    case accountingSupervisor = "accounting-supervisor"
    case accountingHead = "accounting-head"

    /// The box's label on the form.
    public var chinese: String {
        switch self {
        case .legalRepresentative: "法定代表人"
        case .accountingSupervisor: "主管会计工作的负责人"
        case .accountingHead: "会计机构负责人"
        }
    }
}

/// The names on a form's signature line: the three signers an organisation keeps in its
/// settings, and the form's preparer (制表). A name not known is a blank line to sign on paper.
public struct FormSigners: Hashable, Sendable {
    /// 法定代表人 (usually the union's chair).
    public var legalRepresentative: String?
    /// 主管会计工作的负责人.
    public var accountingSupervisor: String?
    /// 会计机构负责人 (会计主管人员).
    public var accountingHead: String?
    /// 制表, the person who prepared the form.
    public var preparer: String?

    /// Signers by role; nil leaves the line blank.
    public init(legalRepresentative: String? = nil, accountingSupervisor: String? = nil, accountingHead: String? = nil, preparer: String? = nil) {
        self.legalRepresentative = legalRepresentative
        self.accountingSupervisor = accountingSupervisor
        self.accountingHead = accountingHead
        self.preparer = preparer
    }

    /// The name kept for `role`.
    public subscript(role: SignerRole) -> String? {
        get {
            switch role {
            case .legalRepresentative: legalRepresentative
            case .accountingSupervisor: accountingSupervisor
            case .accountingHead: accountingHead
            }
        }
        set {
            switch role {
            case .legalRepresentative: legalRepresentative = newValue
            case .accountingSupervisor: accountingSupervisor = newValue
            case .accountingHead: accountingHead = newValue
            }
        }
    }

    /// The footer's boxes in the standard's order, as label and name (empty when unknown).
    public var boxes: [(label: String, name: String)] {
        SignerRole.allCases.map { ($0.chinese, self[$0] ?? "") } + [("制表", preparer ?? "")]
    }
}
