import ArgumentParser
import FundCore
import FundReports
import FundStore

struct CommitteeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee", abstract: "Funds review committees (经费审查委员会): terms and members.",
        subcommands: [Add.self, AddMember.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a committee elected on a date, with its members; each member gets the committee role.")
        @OptionGroup var options: BookOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "The election date.") var elected: LocalDate
        @Option(help: "The term in years, 3 or 5 (it follows the union's).") var term: Int
        @Option(name: .customLong("member"), help: ArgumentHelp("OFFICE:NAME, office chair/主任, vice-chair/副主任 or member/委员; repeat.", valueName: "OFFICE:NAME"))
        var members: [String] = []

        func run() throws {
            try reporting {
                var list: [CommitteeMember] = []
                for text in members {
                    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let office = CommitteeOffice(parsing: parts[0]), !parts[1].isEmpty else {
                        throw CLIError("--member \(text): write OFFICE:NAME, such as 主任:陈静 or member:李娜")
                    }
                    list.append(CommitteeMember(name: parts[1], office: office, start: elected))
                }
                try options.open().committees.addCommittee(Committee(organization: org, elected: elected, termYears: term, members: list))
                let committee = Committee(organization: org, elected: elected, termYears: term)
                say(.committeeRecorded(organization: org, elected: elected, termEnd: committee.termEnd, members: list.count))
            }
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-member", abstract: "Add a member to the committee in term on --start.")
        @OptionGroup var options: BookOptions
        @Option var org: String
        @Option var name: String
        @Option(help: "chair/主任, vice-chair/副主任 or member/委员.") var office: CommitteeOffice
        @Option var start: LocalDate
        @Option var end: LocalDate?

        func run() throws {
            try reporting {
                try options.open().committees.addCommitteeMember(organization: org, CommitteeMember(name: name, office: office, start: start, end: end))
                say(.memberAdded(office: office, name: name, organization: org, start: start))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An organisation's committees and members.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String

        func run() throws {
            try reporting { emit(ReviewLists.committee(try options.open().committees.committees(organization: org)).rendered(format.resolved)) }
        }
    }
}
