import ArgumentParser
import FundCore
import FundReports
import FundStore

struct CommitteeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee", abstract: bilingual("Funds review committees (经费审查委员会): terms and members.", "经费审查委员会：任期和委员。"),
        subcommands: [Add.self, AddMember.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Record a committee elected on a date, with its members; each member gets the committee role.", "登记某日选举产生的经审会及其委员；每位委员获得经审会委员角色。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The election date.", "选举日期。")) var elected: LocalDate
        @Option(help: bilingual("The term in years, 3 or 5 (it follows the union's).", "任期年数，3 或 5（与同级工会相同）。")) var term: Int
        @Option(name: .customLong("member"), help: ArgumentHelp(bilingual("OFFICE:NAME, office chair/主任, vice-chair/副主任 or member/委员; repeat.", "职务:姓名，职务为 chair/主任、vice-chair/副主任 或 member/委员；可重复给出。"), valueName: "OFFICE:NAME"))
        var members: [String] = []

        func run() throws {
            try reporting {
                var list: [CommitteeMember] = []
                for text in members {
                    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let office = CommitteeOffice(parsing: parts[0]), !parts[1].isEmpty else {
                        throw CLIError(bilingual("--member \(text): write OFFICE:NAME, such as 主任:陈静 or member:李娜", "--member \(text)：请写 职务:姓名，如 主任:陈静 或 member:李娜 [bad-member]"))
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
        static let configuration = CommandConfiguration(commandName: "add-member", abstract: bilingual("Add a member to the committee in term on --start.", "在 --start 当日在任的经审会中增补委员。"))
        @OptionGroup var options: BookOptions
        @Option var org: String
        @Option var name: String
        @Option(help: bilingual("chair/主任, vice-chair/副主任 or member/委员.", "chair/主任、vice-chair/副主任 或 member/委员。")) var office: CommitteeOffice
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
        static let configuration = CommandConfiguration(abstract: bilingual("An organisation's committees and members.", "单位的经审会及其委员。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String

        func run() throws {
            try reporting { emit(ReviewLists.committee(try options.openReading().committees.committees(organization: org)).rendered(format.resolved)) }
        }
    }
}
