import ArgumentParser
import FundCore
import FundStore

/// Who signs an organisation's forms (第六十四条): shown, or set role by role.
struct SignersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signers",
        abstract: bilingual("Show or set who signs the organisation's forms: 法定代表人, 主管会计工作的负责人, 会计机构负责人.",
                            "查看或设置单位报表的签章人：法定代表人、主管会计工作的负责人、会计机构负责人。"),
        discussion: bilingual("An empty name (\"\") clears a role; a role without a name is a blank line on the forms, to sign on paper.",
                              "给出空姓名（\"\"）即清除该签章人；未设姓名的签章栏在报表上留空，供纸面签字。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(name: .customLong("legal-representative"), help: bilingual("法定代表人 (legal representative).", "法定代表人。")) var legalRepresentative: String?
    @Option(name: .customLong("accounting-supervisor"), help: bilingual("主管会计工作的负责人 (head in charge of accounting).", "主管会计工作的负责人。")) var accountingSupervisor: String?
    @Option(name: .customLong("accounting-head"), help: bilingual("会计机构负责人 (head of the accounting office).", "会计机构负责人。")) var accountingHead: String?

    func run() throws {
        try reporting {
            let book = try options.open()
            for (role, name) in [(SignerRole.legalRepresentative, legalRepresentative), (.accountingSupervisor, accountingSupervisor),
                                 (.accountingHead, accountingHead)] {
                if let name { try book.signatures.setSigner(organization: org, role: role, name: name) }
            }
            let signers = try book.signatures.signers(organization: org)
            emit(SignerRole.allCases.map { "\($0.chinese)：\(signers[$0] ?? "")" }.joined(separator: "\n") + "\n")
        }
    }
}
