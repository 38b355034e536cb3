import ArgumentParser
import Foundation
import FundCore
import FundReports
import FundStore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: bilingual("Audits by the review committee: rules, findings and their answers, the opinion.", "经审会的审计：规则、问题及其答复、审查意见。"),
        discussion: bilingual("""
            `review run` (a committee member) runs every rule over an organisation's year and records the audit. \
            Findings go open -> answered (`review answer`, a finance officer) -> resolved or accepted \
            (`review resolve` / `review accept`, the committee). Rerunning keeps earlier findings and their history.
            """, """
            `review run`（经审会委员）对单位一年的账目运行全部规则并记录审计。问题的状态依次为：待答复 -> 已答复\
            （`review answer`，财务人员）-> 已整改或已认可（`review resolve` / `review accept`，经审会）。\
            重新审计时保留以前的问题及其处理过程。
            """),
        subcommands: [Rules.self, Config.self, Calendar.self, Run.self, Findings.self, Show.self, Answer.self, Resolve.self,
                      Accept.self, Reopen.self, Opinion.self])

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List the audit rules.", "列出审计规则。"))
        @OptionGroup var format: FormatOptions

        func run() throws { emit(ReviewLists.rules().rendered(format.resolved)) }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Show or set the audit thresholds, book-wide or for one organisation.", "查看或设置审计阈值，对整个账套或某一单位。"),
            discussion: bilingual("Keys: \(AuditSettings.keys.joined(separator: ", ")). welfare-cap has no default: provinces set it (docs/review.md).",
                                  "设置项：\(AuditSettings.keys.joined(separator: "、"))。welfare-cap（人均福利上限）没有默认值，由各省规定（docs/review.md）。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The organisation (default: the book-wide settings).", "单位（默认：整个账套的设置）。")) var org: String?
        @Option(name: .customLong("set"), help: ArgumentHelp(bilingual("KEY=VALUE; repeat.", "键=值；可重复给出。"), valueName: "KEY=VALUE")) var assignments: [String] = []

        func run() throws {
            try reporting {
                let book = try options.open()
                for assignment in assignments {
                    let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    guard parts.count == 2 else { throw CLIError(bilingual("--set \(assignment): write KEY=VALUE, such as cash-limit=1000.00", "--set \(assignment)：请写 设置项=值，如 cash-limit=1000.00 [bad-setting]")) }
                    try book.committees.setAuditSetting(organization: org, key: parts[0], value: parts[1])
                }
                emit(ReviewLists.settings(try book.committees.auditSettings(organization: org)).rendered(format.resolved))
            }
        }
    }

    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Load public holidays and working weekends from CSV: date,kind,name (kind holiday/休 or workday/班).", "从 CSV 载入法定节假日和调休上班日：date,kind,name（kind 为 holiday/休 或 workday/班）。"))
        @OptionGroup var options: BookOptions
        @Argument var file: String

        func run() throws {
            try reporting { say(.calendarLoaded(days: try options.open().committees.importCalendar(path: file), file: file)) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Run every rule over an organisation's year and record the audit.", "对单位一年的账目运行全部规则并记录审计。"))
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
        static let configuration = CommandConfiguration(abstract: bilingual("List an organisation's findings for a year.", "列出单位某一年度的审查问题。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String
        @Option var year: Int
        @Option(help: bilingual("Only findings in this state: open, answered, resolved or accepted.", "只列此状态的问题：open（待答复）、answered（已答复）、resolved（已整改）或 accepted（已认可）。")) var status: String?

        func run() throws {
            try reporting {
                let all = try options.openReading().review.findings(organization: org, year: year)
                emit(ReviewLists.findings(all.filter { status == nil || $0.status.rawValue == status }).rendered(format.resolved))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("One finding with its vouchers and history.", "一个审查问题及其凭证和处理过程。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option var org: String
        @Option var year: Int
        @Argument var id: Int64

        func run() throws {
            try reporting {
                guard let finding = try options.openReading().review.findings(organization: org, year: year).first(where: { $0.id == id }) else {
                    throw CLIError(bilingual("\(org) has no finding #\(id) in \(year); list them with `fundledger review findings`", "\(org) \(year) 年没有审查问题 #\(id)；可用 `fundledger review findings` 查看 [finding-not-found]"))
                }
                emit("#\(finding.id) [\(finding.rule)] \(finding.severity.chinese) \(finding.status.chinese)\n\(finding.text)\n")
                if !finding.vouchers.isEmpty { say(.findingVouchers(finding.vouchers)) }
                emit(ReviewLists.history(finding).rendered(format.resolved))
            }
        }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("A finance officer answers a finding.", "财务人员答复审查问题。"))
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
        static let configuration = CommandConfiguration(abstract: bilingual("The committee marks an answered finding put right (已整改).", "经审会认定已答复的问题已整改。"))
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
        static let configuration = CommandConfiguration(abstract: bilingual("The committee accepts the answer to a finding (已认可).", "经审会认可问题的答复（已认可）。"))
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
        static let configuration = CommandConfiguration(abstract: bilingual("The committee reopens a resolved or accepted finding.", "经审会重新打开已整改或已认可的问题。"))
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
        static let configuration = CommandConfiguration(abstract: bilingual("Record the committee's opinion (审查意见) on the year's final accounts, or show it.", "登记或查看经审会对年度决算的审查意见。"))
        @OptionGroup var options: BookOptions
        @Option var org: String
        @Option var year: Int
        @Option(help: bilingual("The opinion; without it the recorded opinion is shown.", "审查意见正文；不给时显示已登记的意见。")) var text: String?
        @Option(name: .customLong("signer"), help: bilingual("A serving member who signs; repeat.", "签署的在任委员；每人给一次。")) var signers: [String] = []
        @Option(help: bilingual("The date of the opinion (default: today).", "审查意见的日期（默认：今天）。")) var date: LocalDate?

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
                    throw CLIError(bilingual("\(org) has no opinion on \(year) yet", "\(org) 还没有 \(year) 年的审查意见 [no-opinion]"))
                }
            }
        }
    }
}
