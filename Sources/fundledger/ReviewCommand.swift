import ArgumentParser
import Foundation
import FundCore
import FundReports
import FundStore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Audits by the review committee: rules, findings and their answers, the opinion.",
        discussion: """
            `review run` (a committee member) runs every rule over an organisation's year and records the audit. \
            Findings go open -> answered (`review answer`, a finance officer) -> resolved or accepted \
            (`review resolve` / `review accept`, the committee). Rerunning keeps earlier findings and their history.
            """,
        subcommands: [Rules.self, Config.self, Calendar.self, Run.self, Findings.self, Show.self, Answer.self, Resolve.self,
                      Accept.self, Reopen.self, Opinion.self])

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the audit rules.")
        @OptionGroup var format: FormatOptions

        func run() throws { emit(ReviewLists.rules().rendered(format.resolved)) }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the audit thresholds, book-wide or for one organisation.",
            discussion: "Keys: \(AuditSettings.keys.joined(separator: ", ")). welfare-cap has no default: provinces set it (docs/review.md).")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: "The organisation (default: the book-wide settings).") var org: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("KEY=VALUE; repeat.", valueName: "KEY=VALUE")) var assignments: [String] = []

        func run() throws {
            try reporting {
                let book = try options.open()
                for assignment in assignments {
                    let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    guard parts.count == 2 else { throw CLIError("--set \(assignment): write KEY=VALUE, such as cash-limit=1000.00") }
                    try book.committees.setAuditSetting(organization: org, key: parts[0], value: parts[1])
                }
                emit(ReviewLists.settings(try book.committees.auditSettings(organization: org)).rendered(format.resolved))
            }
        }
    }

    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load public holidays and working weekends from CSV: date,kind,name (kind holiday/休 or workday/班).")
        @OptionGroup var options: BookOptions
        @Argument var file: String

        func run() throws {
            try reporting { say(.calendarLoaded(days: try options.open().committees.importCalendar(path: file), file: file)) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule over an organisation's year and record the audit.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String
        @Option var year: Int

        func run() throws {
            try reporting {
                let outcome = try options.open().review.runAudit(organization: org, year: year, language: language)
                let audit = outcome.audit
                note(CLIMessage.auditRun(id: audit.id, organization: org, year: year, vouchers: audit.vouchers, rules: AuditRules.all.count, new: outcome.new,
                                         again: outcome.again, notFoundAgain: outcome.notFoundAgain, sealSeq: audit.sealSeq, sealHash: audit.sealHash).text(language))
                emit(ReviewLists.findings(outcome.findings).rendered(format.resolved))
            }
        }
    }

    struct Findings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organisation's findings for a year.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String
        @Option var year: Int
        @Option(help: "Only findings in this state: open, answered, resolved or accepted.") var status: String?

        func run() throws {
            try reporting {
                let all = try options.open().review.findings(organization: org, year: year)
                emit(ReviewLists.findings(all.filter { status == nil || $0.status.rawValue == status }).rendered(format.resolved))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One finding with its vouchers and history.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String
        @Option var year: Int
        @Argument var id: Int64

        func run() throws {
            try reporting {
                guard let finding = try options.open().review.findings(organization: org, year: year).first(where: { $0.id == id }) else {
                    throw CLIError("\(org) has no finding #\(id) in \(year); list them with `fundledger review findings`")
                }
                emit("#\(finding.id) [\(finding.rule)] \(finding.severity.chinese) \(finding.status.chinese)\n\(finding.text)\n")
                if !finding.vouchers.isEmpty { say(.findingVouchers(finding.vouchers)) }
                emit(ReviewLists.history(finding).rendered(format.resolved))
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A finance officer answers a finding.")
        @OptionGroup var options: BookOptions
        @Argument var id: Int64
        @Option var text: String

        func run() throws {
            try reporting {
                try options.open().review.answerFinding(id: id, text: text)
                say(.findingAnswered(id: id))
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The committee marks an answered finding put right (已整改).")
        @OptionGroup var options: BookOptions
        @Argument var id: Int64
        @Option var text: String = ""

        func run() throws {
            try reporting {
                try options.open().review.closeFinding(id: id, accepted: false, text: text)
                say(.findingResolved(id: id))
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The committee accepts the answer to a finding (已认可).")
        @OptionGroup var options: BookOptions
        @Argument var id: Int64
        @Option var text: String = ""

        func run() throws {
            try reporting {
                try options.open().review.closeFinding(id: id, accepted: true, text: text)
                say(.findingAccepted(id: id))
            }
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The committee reopens a resolved or accepted finding.")
        @OptionGroup var options: BookOptions
        @Argument var id: Int64
        @Option var text: String

        func run() throws {
            try reporting {
                try options.open().review.reopenFinding(id: id, text: text)
                say(.findingReopened(id: id))
            }
        }
    }

    struct Opinion: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the committee's opinion (审查意见) on the year's final accounts, or show it.")
        @OptionGroup var options: BookOptions
        @Option var org: String
        @Option var year: Int
        @Option(help: "The opinion; without it the recorded opinion is shown.") var text: String?
        @Option(name: .customLong("signer"), help: "A serving member who signs; repeat.") var signers: [String] = []
        @Option(help: "The date of the opinion (default: today).") var date: LocalDate?

        func run() throws {
            try reporting {
                let book = try options.open()
                if let text {
                    let day = date ?? Store.today()
                    try book.review.recordOpinion(organization: org, year: year, text: text, signers: signers, on: day)
                    say(.opinionRecorded(organization: org, year: year, signers: signers))
                } else if let opinion = try book.review.opinion(organization: org, year: year) {
                    say(.opinionHeading(organization: opinion.organization, year: opinion.year, recordedAt: opinion.recordedAt, audit: opinion.audit))
                    emit(opinion.text + "\n")
                    emit("签名: " + opinion.signers.map { "\($0.office.chinese) \($0.name)" }.joined(separator: "、") + "\n")
                } else {
                    throw CLIError("\(org) has no opinion on \(year) yet")
                }
            }
        }
    }
}
