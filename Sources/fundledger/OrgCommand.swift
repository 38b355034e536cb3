import ArgumentParser
import FundCore
import FundReports
import FundStore

extension OrganizationLevel: ExpressibleByArgument {}
extension ChartKind: ExpressibleByArgument {}

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Organisations and their tree.",
        subcommands: [Add.self, List.self, Show.self, ImportCSV.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organisation.")
        @OptionGroup var options: BookOptions
        @Option(help: "A short code such as FED-01.") var code: String
        @Option(help: "The full name, e.g. 某某县开发区物流行业工会联合会.") var name: String
        @Option(help: "county, township, federation or grassroots.") var level: OrganizationLevel
        @Option(help: "The code of the union above it.") var parent: String?
        @Option(help: "grassroots or county chart (default by level).") var chart: ChartKind?
        @Flag(help: "It manages its funds independently (独立管理经费).") var independent = false
        @Option(help: "A federation's term of office in years: 3 or 5.") var termYears: Int?
        @Option(help: "The first day of the term, YYYY-MM-DD.") var termStart: LocalDate?

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
        static let configuration = CommandConfiguration(abstract: "List the organisations as a tree.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            try reporting {
                let organizations = try options.open().organizations.organizations()
                emit(OrganizationList(organizations: organizations).rendered(format.resolved))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one organisation and its closed months.")
        @OptionGroup var options: BookOptions
        @Argument(help: "The organisation's code.") var code: String

        func run() throws {
            try reporting {
                let book = try options.open()
                let o = try book.organizations.organization(code)
                let closed = try book.periods.closedPeriods(organization: code)
                var text = "code:        \(o.code)\nname:        \(o.name)\nlevel:       \(o.level.rawValue) (\(o.level.chinese))\n"
                text += "parent:      \(o.parentCode ?? "-")\nchart:       \(o.chart.rawValue) (\(o.chart.chinese))\n"
                text += "independent: \(o.independent ? "yes (独立管理经费)" : "no")\n"
                if let years = o.termYears, let start = o.termStart, let end = o.termEnd {
                    text += "term:        \(years) years, \(start) to \(end)\n"
                }
                let members = try book.organizations.organizations().filter { $0.parentCode == o.code }
                if !members.isEmpty {
                    text += "members:     \(members.count) (\(members.map(\.code).joined(separator: ", ")))\n"
                }
                text += "closed:      \(closed.isEmpty ? "-" : closed.map(\.description).joined(separator: ", "))\n"
                for entry in try book.periods.periodLog(organization: code) where entry.action == "reopen" {
                    text += "reopened:    \(entry.period) at \(BeijingTime.display(entry.at)) by \(entry.by): \(entry.reason ?? "")\n"
                }
                emit(text)
            }
        }
    }

    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Add organisations from a CSV file, all or nothing.")
        @OptionGroup var options: BookOptions
        @Argument(help: "CSV with columns code,name,level,parent,chart,independent.") var file: String

        func run() throws {
            try reporting {
                let count = try options.open().organizations.importOrganizations(path: file)
                say(.organizationsImported(count: count, file: file))
            }
        }
    }
}
