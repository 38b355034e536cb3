import ArgumentParser
import FundCore
import FundStore

/// Who signs an organisation's forms (第六十四条): shown, or set role by role.
struct SignersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signers",
        abstract: "Show or set who signs the organisation's forms: 法定代表人, 主管会计工作的负责人, 会计机构负责人.",
        discussion: "An empty name (\"\") clears a role; a role without a name is a blank line on the forms, to sign on paper.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(name: .customLong("legal-representative"), help: "法定代表人.") var legalRepresentative: String?
    @Option(name: .customLong("accounting-supervisor"), help: "主管会计工作的负责人.") var accountingSupervisor: String?
    @Option(name: .customLong("accounting-head"), help: "会计机构负责人.") var accountingHead: String?

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
