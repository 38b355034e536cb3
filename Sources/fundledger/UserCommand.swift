import ArgumentParser
import FundCore
import FundReports
import FundStore

extension Role: ExpressibleByArgument {}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and their roles: admin, officer, committee, superior.",
        discussion: """
            An officer (财务人员) writes the books of an organisation, or of every organisation when no --org is \
            given (an accounting centre). A committee member (经审会委员) reads them and records audits, findings \
            and opinions, never vouchers. A superior (上级工会) reads an organisation and everything under it. \
            An administrator sets up organisations, users, committees and the calendar. Only administrators grant.
            """,
        subcommands: [Grant.self, Revoke.self, List.self, Log.self, Password.self])

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a user a role.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The user's name, as they give it with --as.") var name: String
        @Argument(help: "admin, officer, committee or superior.") var role: Role
        @Option(help: "The organisation the role covers (none: every organisation; admin takes none).") var org: String?

        func run() throws {
            try reporting {
                try options.open().access.grant(RoleGrant(user: name, role: role, organization: org))
                emit("\(name) is now \(role.rawValue) (\(role.chinese)) of \(org ?? "every organisation")\n")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a role away.")
        @OptionGroup var options: BookOptions
        @Argument var name: String
        @Argument var role: Role
        @Option var org: String?

        func run() throws {
            try reporting {
                try options.open().access.revoke(RoleGrant(user: name, role: role, organization: org))
                emit("\(name) is no longer \(role.rawValue) of \(org ?? "every organisation")\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the roles (an administrator sees everyone's, others their own).")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting { emit(ReviewLists.roles(try options.open().access.roles()).rendered(format.resolved)) }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The access log: grants, revocations and refused commands (administrators).")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting {
                let rows = try options.open().access.accessLog().map { [$0.at, $0.user, $0.outcome, $0.action, $0.organization ?? "", $0.detail] }
                emit(Listing(titles: ["时间", "用户", "结果", "动作", "组织", "说明"], keys: ["at", "user", "outcome", "action", "organization", "detail"],
                             rows: rows).rendered(format.resolved))
            }
        }
    }
}

extension CommitteeOffice: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
