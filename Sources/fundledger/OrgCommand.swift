import ArgumentParser
import FundCore
import FundReports
import FundStore

extension OrganizationLevel: ExpressibleByArgument {}
extension ChartKind: ExpressibleByArgument {}

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: bilingual("Organisations and their tree.", "单位及其隶属关系。"),
        subcommands: [Add.self, List.self, Show.self, ImportCSV.self, Townships.self, Term.self, Member.self, Exception.self, OpenBalances.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Add an organisation.", "增设一个单位。"))
        @OptionGroup var options: BookOptions
        @Option(name: [.customLong("code"), .customLong("org")], help: bilingual("A short code such as FED-01 (--org says the same).", "简短代码，如 FED-01（也可写 --org）。")) var code: String
        @Option(help: bilingual("The full name, e.g. 某某县开发区物流行业工会联合会.", "全称，如 某某县开发区物流行业工会联合会。")) var name: String
        @Option(help: bilingual("county, township, federation or grassroots.", "county（县级）、township（乡镇街道）、federation（联合会）或 grassroots（基层）。")) var level: OrganizationLevel
        @Option(help: bilingual("The code of the union above it.", "上一级工会的代码。")) var parent: String?
        @Option(help: bilingual("grassroots or county chart (default by level).", "grassroots（基层）或 county（县级以上）科目表（默认按级别）。")) var chart: ChartKind?
        @Flag(help: bilingual("It manages its funds independently (独立管理经费).", "独立管理经费。")) var independent = false
        @Option(help: bilingual("A federation's term of office in years: 3 or 5.", "工会联合会任期年数：3 或 5。")) var termYears: Int?
        @Option(help: bilingual("The first day of the term, YYYY-MM-DD.", "任期首日，YYYY-MM-DD。")) var termStart: LocalDate?

        func run() throws {
            try reporting {
                let book = try options.open()
                let organization = Organization(code: code, name: name, level: level, parentCode: parent, chart: chart, independent: independent,
                                                termYears: termYears, termStart: termStart)
                try book.organizations.addOrganization(organization)
                say(.organizationAdded(code: code, name: name, level: level, chart: organization.chart))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List the organisations as a tree.", "按隶属关系列出单位。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting {
                let organizations = try options.openReading().organizations.organizations()
                emit(OrganizationList(organizations: organizations).rendered(format.resolved))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Show one organisation and its closed months.", "显示一个单位及其已结账的月份。"))
        @OptionGroup var options: BookOptions
        @Option(name: .customLong("org"), help: bilingual("The organisation, as every command names it.", "单位代码，与其他命令的 --org 相同。")) var org: String?
        @Argument(help: bilingual("The organisation's code (the same as --org).", "单位代码（同 --org）。")) var positional: String?

        func validate() throws {
            if org == nil && positional == nil { throw ValidationError(bilingual("name the organisation: org show --org CODE", "请指明单位：org show --org 代码 [org-needed]")) }
            if let org, let positional, org != positional {
                throw ValidationError(bilingual("--org \(org) and \(positional) name two organisations; give one", "--org \(org) 与 \(positional) 是两个单位；请只给一个 [org-needed]"))
            }
        }

        /// A federation's townships and any warning on its term, as lines of `org show`.
        func federationLines(_ book: Session, _ o: Organization) throws -> String {
            guard o.level == .federation else { return "" }
            var text = ""
            let townships = try book.federations.townships(federation: o.code)
            if !townships.isEmpty { text += bilingual("townships:   \(townships.joined(separator: ", "))\n", "覆盖乡镇：\(townships.joined(separator: "、"))\n") }
            let standing = try book.federations.term(federation: o.code).standing
            switch standing {
            case .ending, .expired: text += (termStandingText(o.code, standing) ?? "").split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
            default: break
            }
            return text
        }

        /// The organisation named, by --org or as the argument.
        var code: String { org ?? positional ?? "" }

        func run() throws {
            try reporting {
                let book = try options.openReading()
                let o = try book.organizations.organization(code)
                let closed = try book.periods.closedPeriods(organization: code)
                guard language == .chinese else {
                    var text = "code:        \(o.code)\nname:        \(o.name)\nlevel:       \(o.level.rawValue) (\(o.level.chinese))\n"
                    text += "parent:      \(o.parentCode ?? "-")\nchart:       \(o.chart.rawValue) (\(o.chart.chinese))\n"
                    text += "independent: \(o.independent ? "yes (独立管理经费)" : "no")\n"
                    if let years = o.termYears, let start = o.termStart, let end = o.termEnd {
                        text += "term:        \(years) years, \(start) to \(end)\n"
                    }
                    text += try federationLines(book, o)
                    let members = try book.organizations.organizations().filter { $0.parentCode == o.code }
                    if !members.isEmpty {
                        text += "members:     \(members.count) (\(members.map(\.code).joined(separator: ", ")))\n"
                    }
                    text += "closed:      \(closed.isEmpty ? "-" : closed.map(\.description).joined(separator: ", "))\n"
                    for entry in try book.periods.periodLog(organization: code) where entry.action == "reopen" {
                        text += "reopened:    \(entry.period) at \(BeijingTime.display(entry.at)) by \(entry.by): \(entry.reason ?? "")\n"
                    }
                    emit(text)
                    return
                }
                var text = "代码：\(o.code)\n名称：\(o.name)\n级别：\(o.level.chinese)（\(o.level.rawValue)）\n"
                text += "上级：\(o.parentCode ?? "-")\n科目表：\(o.chart.chinese)（\(o.chart.rawValue)）\n"
                text += "独立管理经费：\(o.independent ? "是" : "否")\n"
                if let years = o.termYears, let start = o.termStart, let end = o.termEnd {
                    text += "任期：\(years) 年，\(start) 至 \(end)\n"
                }
                text += try federationLines(book, o)
                let members = try book.organizations.organizations().filter { $0.parentCode == o.code }
                if !members.isEmpty {
                    text += "所属单位：\(members.count) 个（\(members.map(\.code).joined(separator: "、"))）\n"
                }
                text += "已结账：\(closed.isEmpty ? "-" : closed.map(\.description).joined(separator: "、"))\n"
                for entry in try book.periods.periodLog(organization: code) where entry.action == "reopen" {
                    text += "反结账：\(entry.period)，\(BeijingTime.display(entry.at)) 由 \(entry.by) 操作：\(entry.reason ?? "")\n"
                }
                emit(text)
            }
        }
    }

    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: bilingual("Add organisations from a CSV file, all or nothing.", "从 CSV 文件增设单位，全部成功或全部不增设。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("CSV with columns code,name,level,parent,chart,independent.", "CSV 文件，列为 code,name,level,parent,chart,independent。")) var file: String

        func run() throws {
            try reporting {
                let count = try options.open().organizations.importOrganizations(path: file)
                say(.organizationsImported(count: count, file: file))
            }
        }
    }
}
