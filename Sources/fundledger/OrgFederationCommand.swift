import ArgumentParser
import FundCore
import FundStore

extension FederationOffice: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension FederationMemberPost: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// How a federation's term stands, as `org term` and `org show` print it.
func termStandingText(_ code: String, _ standing: FederationTermStanding) -> String? {
    func span(_ term: FederationTerm) -> String {
        let extended: String = term.extendedTo.map { (day: LocalDate) -> String in bilingual(", extended to \(day)", "，经批准延期至 \(day)") } ?? ""
        return bilingual("\(term.years) years, \(term.start) to \(term.end)\(extended)", "\(term.years) 年，\(term.start) 至 \(term.end)\(extended)")
    }
    switch standing {
    case .unknown: return nil
    case let .inTerm(term): return bilingual("term: \(span(term))", "任期：\(span(term))")
    case let .ending(term):
        return bilingual("term: \(span(term))\nwarning: the term of \(code) ends on \(term.lastDay), within three months; prepare the 换届 [federation-term-ending]",
                         "任期：\(span(term))\n提示：\(code) 的任期将于 \(term.lastDay) 届满，不足三个月；请做好换届准备 [federation-term-ending]")
    case let .expired(term):
        return bilingual("term: \(span(term))\nwarning: the term of \(code) ended on \(term.lastDay) without a recorded 换届 or approved extension [federation-term-expired]",
                         "任期：\(span(term))\n提示：\(code) 的任期已于 \(term.lastDay) 届满，未登记换届或经批准的延期 [federation-term-expired]")
    }
}

extension OrgCommand {
    struct Townships: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Record the townships or streets a federation covers, and list them.", "登记并列出工会联合会覆盖的乡镇（街道）。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The federation.", "工会联合会代码。")) var org: String
        @Option(name: .customLong("add"), help: bilingual("A township or street it covers; repeat.", "覆盖的乡镇（街道）名称；可重复。")) var adding: [String] = []
        @Option(name: .customLong("remove"), help: bilingual("A township or street it no longer covers; repeat.", "不再覆盖的乡镇（街道）名称；可重复。")) var removing: [String] = []

        func run() throws {
            try reporting {
                let book = try options.open()
                let townships = adding.isEmpty && removing.isEmpty
                    ? try book.federations.townships(federation: org)
                    : try book.federations.setTownships(federation: org, adding: adding, removing: removing)
                emit(bilingual("\(org) covers \(townships.count) township(s): \(townships.isEmpty ? "-" : townships.joined(separator: ", "))\n",
                               "\(org) 覆盖乡镇（街道）\(townships.count) 个：\(townships.isEmpty ? "-" : townships.joined(separator: "、"))\n"))
            }
        }
    }

    struct Term: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Record a federation's 换届 or an approved extension, and show how its term stands.", "登记工会联合会的换届或经批准的延期，并显示任期情况。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The federation.", "工会联合会代码。")) var org: String
        @Option(name: .customLong("re-election"), help: bilingual("The first day of the new term (换届), YYYY-MM-DD.", "换届后新任期首日，YYYY-MM-DD。")) var reElection: LocalDate?
        @Option(help: bilingual("The new term in years: 3 or 5.", "新任期年数：3 或 5。")) var years: Int?
        @Option(name: .customLong("extend-to"), help: bilingual("The last day of an approved extension, YYYY-MM-DD.", "经批准延期至的日期，YYYY-MM-DD。")) var extendTo: LocalDate?
        @Option(help: bilingual("The approving document (批复文号).", "批准文件文号。")) var document: String?

        func validate() throws {
            if reElection != nil && extendTo != nil {
                throw ValidationError(bilingual("give --re-election or --extend-to, not both", "请只给出 --re-election 或 --extend-to 之一 [federation-term]"))
            }
        }

        func run() throws {
            try reporting {
                let book = try options.open()
                if let reElection {
                    try book.federations.recordTerm(federation: org, FederationTermAct(kind: .reElection, date: reElection, years: years, document: document))
                } else if let extendTo {
                    try book.federations.recordTerm(federation: org, FederationTermAct(kind: .extension, date: extendTo, document: document))
                }
                let (acts, standing) = try book.federations.term(federation: org)
                var text = acts.map { act -> String in
                    let years: String = act.years.map { (count: Int) -> String in bilingual(", \(count) years", "，\(count) 年") } ?? ""
                    let document: String = act.document.map { (number: String) -> String in bilingual(", document \(number)", "，文号 \(number)") } ?? ""
                    return bilingual("\(act.kind.rawValue) (\(act.kind.chinese)) \(act.date)\(years)\(document)", "\(act.kind.chinese) \(act.date)\(years)\(document)")
                }.joined(separator: "\n")
                if !text.isEmpty { text += "\n" }
                text += (termStandingText(org, standing) ?? bilingual("\(org) has no recorded term", "\(org) 未登记任期")) + "\n"
                emit(text)
            }
        }
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("A federation's committee (委员会): seat a member, record that one left their post or the committee, list them.", "工会联合会委员会：增补委员，登记委员卸任原职或离任，列出委员。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The federation.", "工会联合会代码。")) var org: String
        @Option(help: bilingual("The member's name (seats them when --union is given).", "委员姓名（给出 --union 时为增补）。")) var name: String?
        @Option(name: .customLong("union"), help: bilingual("The union or body the member comes from.", "委员所在单位（工会、协会或商会）。")) var fromUnion: String?
        @Option(help: bilingual("Their post there: union-chair, union-vice-chair, association-president, association-vice-president, enterprise-head or worker (or in Chinese).", "其在所在单位的职务：工会主席、工会副主席、行业协会（商会）会长、行业协会（商会）副会长、企业行政主要负责人或职工代表。")) var post: FederationMemberPost?
        @Option(help: bilingual("The office on the committee: chair, vice-chair or member (主席, 副主席, 委员).", "委员会职务：主席、副主席或委员。")) var office: FederationOffice = .member
        @Option(help: bilingual("The first day on the committee.", "就任日期。")) var start: LocalDate?
        @Option(name: .customLong("left-post"), help: bilingual("The day the member stopped holding the post they sit by.", "委员不再担任原职务的日期。")) var leftPost: LocalDate?
        @Option(help: bilingual("The day the member left the committee.", "委员离任日期。")) var end: LocalDate?

        func run() throws {
            try reporting {
                let book = try options.open()
                if let name, let fromUnion {
                    guard let post, let start else {
                        throw CLIError(bilingual("seating \(name) needs --post and --start", "增补 \(name) 须给出 --post 和 --start [federation-member]"))
                    }
                    try book.federations.addMember(federation: org, FederationMember(name: name, fromUnion: fromUnion, post: post, office: office,
                                                                                     start: start, end: end, leftPost: leftPost))
                } else if let name {
                    try book.federations.updateMember(federation: org, name: name, leftPost: leftPost, end: end)
                }
                let members = try book.federations.members(federation: org)
                var text: String = bilingual("office  name  union  post  start  end  left post\n", "职务  姓名  所在单位  职务（原单位）  就任  离任  卸任原职\n")
                for member in members {
                    let office: String = bilingual(member.office.rawValue, member.office.chinese)
                    let post: String = bilingual(member.post.rawValue, member.post.chinese)
                    text += "\(office)  \(member.name)  \(member.fromUnion)  \(post)  \(member.start)  \(member.end?.description ?? "-")  \(member.leftPost?.description ?? "-")\n"
                }
                for member in FederationRules.membersToReplace(members, on: Store.today()) {
                    text += bilingual("warning: \(member.name) no longer holds the post they sit by; elect a replacement (替补) [federation-member-replacement]\n",
                                      "提示：\(member.name) 已不再担任原职务，请按程序替补 [federation-member-replacement]\n")
                }
                emit(text)
            }
        }
    }

    struct Exception: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: bilingual("Record a county union's approved exception to support a federation directly.", "登记县级工会直接支持工会联合会的经批准例外。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The federation.", "工会联合会代码。")) var org: String
        @Option(help: bilingual("The county union that supports it.", "给予支持的县级工会代码。")) var grantor: String
        @Option(help: bilingual("The approving document (批复文号).", "批准文件文号。")) var document: String
        @Option(help: bilingual("The document's date.", "批准日期。")) var date: LocalDate

        func run() throws {
            try reporting {
                try options.open().federations.recordException(federation: org, grantor: grantor, document: document, date: date)
                emit(bilingual("recorded: \(grantor) may support \(org) directly under \(document)\n", "已登记：\(grantor) 依 \(document) 可直接支持 \(org)\n"))
            }
        }
    }
}
