import ArgumentParser
import FundCore
import FundReports
import FundStore

extension Role: ExpressibleByArgument {}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: bilingual("Users and their roles: admin, officer, committee, superior, cashier.", "用户角色：admin 管理员、officer 财务人员、committee 经审委员、superior 上级工会、cashier 出纳。"),
        discussion: bilingual("""
            An officer (财务人员) writes the books of an organisation, or of every organisation when no --org is \
            given (an accounting centre). A committee member (经审会委员) reads them and records audits, findings \
            and opinions, never vouchers. A superior (上级工会) reads an organisation and everything under it. \
            An administrator sets up organisations, users, committees and the calendar. Only administrators grant. \
            The committee role is not granted: it comes with a seat on the committee (`committee add`, `committee member`) \
            and holds while the member serves; an officer of an organisation cannot sit on its committee. \
            A cashier (出纳) records an organisation's receipts and payments and confirms each once it is reviewed.
            """, """
            财务人员（officer）记某一单位的账，不给 --org 时记全部单位的账（如会计核算中心）。经审会委员（committee）\
            查阅账目并记录审计、问题和审查意见，但不处理凭证。上级工会（superior）查阅某一单位及其所属各单位。\
            账套管理员（admin）设置单位、用户、经审会和工作日历。只有管理员能授权。经审会委员角色不能直接授予：\
            它随经审会席位取得（`committee add`、`committee member`），任期内有效；单位的财务人员不得兼任其经审会委员。\
            出纳（cashier）登记本单位的收款、付款凭证，并在凭证审核后确认收付。
            """),
        subcommands: [Grant.self, Import.self, Revoke.self, List.self, Log.self, Password.self])

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Give a user a role.", "授予用户角色。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The user's name, as they give it with --as.", "用户姓名，即其在 --as 中给出的名字。")) var name: String
        @Argument(help: bilingual("admin, officer, committee, superior or cashier.", "admin（账套管理员）、officer（财务人员）、committee（经审会委员）、superior（上级工会）或 cashier（出纳）。")) var role: Role
        @Option(help: bilingual("The organisation the role covers (none: every organisation; admin takes none).", "角色所覆盖的单位（不给：全部单位；admin 不给）。")) var org: String?

        func run() throws {
            try reporting {
                try options.open().access.grant(RoleGrant(user: name, role: role, organization: org))
                say(.roleGranted(name: name, role: role, organization: org))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Grant the roles listed in a CSV file (user,role,org; an empty org is every organisation), all or nothing.",
                                                                          "按 CSV 文件（user,role,org；org 为空表示所有单位）授予其中列出的角色，要么全部授予，要么一个也不授予。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("The CSV file.", "CSV 文件。")) var file: String

        func run() throws {
            try reporting {
                let count = try options.open().access.importRoles(path: file)
                emit("granted \(count) roles from \(file)\n")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Take a role away.", "收回角色。"))
        @OptionGroup var options: BookOptions
        @Argument var name: String
        @Argument var role: Role
        @Option var org: String?

        func run() throws {
            try reporting {
                try options.open().access.revoke(RoleGrant(user: name, role: role, organization: org))
                say(.roleRevoked(name: name, role: role, organization: org))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List the roles (an administrator sees everyone's, others their own).", "列出角色（管理员看到所有人的，其他人看到自己的）。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting { emit(ReviewLists.roles(try options.openReading().access.roles()).rendered(format.resolved)) }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("The access log: grants, revocations and refused commands (administrators).", "访问日志：授权、收回和被拒绝的命令（限管理员）。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting {
                let rows = try options.openReading().access.accessLog().map { [BeijingTime.display($0.at), $0.user, $0.outcome, $0.action, $0.organization ?? "", $0.detail] }
                emit(Listing(titles: ["时间（北京时间）", "用户", "结果", "动作", "组织", "说明"], keys: ["at", "user", "outcome", "action", "organization", "detail"],
                             rows: rows).rendered(format.resolved))
            }
        }
    }
}

extension CommitteeOffice: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
