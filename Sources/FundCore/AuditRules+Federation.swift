/// The seed's rules for federations as audit findings: the term (换届) and the committee's
/// members who no longer hold the post they sit by.
extension AuditRules {
    /// The rules of this group, in the order their findings are listed.
    static let federationRules: [AuditRule] = [
        AuditRule(id: "federation-term-expired", chinese: "工会联合会届满未换届", english: "Federation's term passed without re-election", severity: .high,
                  explanation: "The federation's term (3 or 5 years from its start) has ended without a recorded 换届 or an approved extension.",
                  check: federationTermExpired),
        AuditRule(id: "federation-term-ending", chinese: "工会联合会即将届满", english: "Federation's term ends within three months", severity: .low,
                  explanation: "The federation's term ends within three months of the day the audit looks from: prepare the 换届 or apply for an extension.",
                  check: federationTermEnding),
        AuditRule(id: "federation-member-replacement", chinese: "联合会委员需替补", english: "Federation committee member to be replaced", severity: .medium,
                  explanation: "A member of the federation's committee who sits as the head of their union no longer holds that post and still sits: elect a replacement (替补).",
                  check: federationMemberReplacement),
    ]

    static func federationTermExpired(_ input: AuditInput) -> [FindingDraft] {
        guard input.organization.level == .federation,
              case let .expired(term) = FederationRules.standing(of: input.organization, acts: input.federation?.termActs ?? [], on: input.asOfDay) else { return [] }
        let extended = term.extendedTo.map { input.say(", extended to \($0)", "，经批准延期至 \($0)") } ?? ""
        return [FindingDraft(rule: "federation-term-expired", key: "\(term.start)",
                             text: input.say("the \(term.years)-year term of \(input.organization.code) \(input.organization.name) from \(term.start) ended on \(term.end)\(extended) and no 换届 is recorded by \(input.asOfDay); hold the election, or record an approved extension (org term --extend-to)",
                                              "\(input.organization.code) \(input.organization.name) 自 \(term.start) 起 \(term.years) 年的任期已于 \(term.end) 届满\(extended)，至 \(input.asOfDay) 未登记换届；请按期换届，或登记经批准的延期（org term --extend-to）"))]
    }

    static func federationTermEnding(_ input: AuditInput) -> [FindingDraft] {
        guard input.organization.level == .federation,
              case let .ending(term) = FederationRules.standing(of: input.organization, acts: input.federation?.termActs ?? [], on: input.asOfDay) else { return [] }
        return [FindingDraft(rule: "federation-term-ending", key: "\(term.start)",
                             text: input.say("the term of \(input.organization.code) ends on \(term.lastDay), within three months of \(input.asOfDay); prepare the 换届",
                                              "\(input.organization.code) 的任期将于 \(term.lastDay) 届满（距 \(input.asOfDay) 不足三个月）；请做好换届准备"))]
    }

    static func federationMemberReplacement(_ input: AuditInput) -> [FindingDraft] {
        guard input.organization.level == .federation, let facts = input.federation else { return [] }
        return FederationRules.membersToReplace(facts.members, on: input.asOfDay).map { member in
            FindingDraft(rule: "federation-member-replacement", key: member.name,
                         text: input.say("\(member.office.rawValue) \(member.name) sits on the committee of \(input.organization.code) as \(member.post.rawValue) of \(member.fromUnion), a post they left on \(member.leftPost.map(String.init(describing:)) ?? ""); elect a replacement (替补)",
                                          "\(input.organization.code) 委员会\(member.office.chinese) \(member.name) 以\(member.fromUnion)\(member.post.chinese)身份任职，已于 \(member.leftPost.map(String.init(describing:)) ?? "") 不再担任该职务；请按程序替补"))
        }
    }
}
