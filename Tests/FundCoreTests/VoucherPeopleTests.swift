import FundCore
import Testing

/// The people rule as a table, in the order its problems are reported, and the committee role's
/// tenure and independence as pure functions.
@Suite struct VoucherPeopleTests {
    static let standings: [String: PersonStanding] = ["王芳": .officer, "李强": .officer, "陈静": .userWithoutOfficerRole]

    static func decide(_ preparer: String, _ reviewer: String?, historical: Bool = false) -> VoucherPeople.Decision {
        VoucherPeople.check(preparer: preparer, reviewer: reviewer, organization: "FED-01", allowsHistorical: historical) { standings[$0] ?? .notAUser }
    }

    @Test func ruleOrder() {
        let cases: [(String, String?, Bool, [VoucherProblem.Rule], Set<VoucherDuty>)] = [
            ("王芳", "李强", false, [], []),
            ("王芳", nil, false, [.noReviewer], []),
            ("王芳", "", true, [.noReviewer], []),
            ("王芳", "王芳", false, [.reviewerIsPreparer], []),
            ("张三", "张三", true, [.reviewerIsPreparer], []),
            ("张三", "李强", false, [.notAUser], []),
            ("王芳", "不存在的人", false, [.notAUser], []),
            ("张三", "赵四", false, [.notAUser, .notAUser], []),
            ("王芳", "陈静", false, [.notAnOfficer], []),
            ("王芳", "陈静", true, [.notAnOfficer], []),
            ("张三", "李强", true, [], [.preparer]),
            ("王芳", "赵四", true, [], [.reviewer]),
            ("张三", "赵四", true, [], [.preparer, .reviewer]),
        ]
        for (preparer, reviewer, historical, rules, duties) in cases {
            let decision = Self.decide(preparer, reviewer, historical: historical)
            #expect(decision.problems.map(\.rule) == rules, "\(preparer) \(String(describing: reviewer)) \(historical)")
            #expect(decision.historical == duties, "\(preparer) \(String(describing: reviewer)) \(historical)")
        }
        #expect(Self.decide("张三", "李强").problems.first?.description.hasSuffix("[not-a-user]") == true)
    }

    @Test func theMarkRoundTripsAndRefusesWhatItNeverWrites() {
        for duties: Set<VoucherDuty> in [[], [.preparer], [.reviewer], [.preparer, .reviewer]] {
            #expect(VoucherPeople.duties(mark: VoucherPeople.mark(duties)) == duties)
        }
        for bad in ["", "reviewer preparer", "preparer preparer", "bookkeeper", "preparer  reviewer"] {
            #expect(VoucherPeople.duties(mark: bad) == nil, "\(bad)")
        }
    }

    @Test func theCommitteeRoleHoldsWhileTheMemberServes() {
        let elected = LocalDate(parsing: "2026-01-01")!
        let seat = CommitteeSeat(organization: "FED-01", elected: elected, termYears: 3,
                                 member: CommitteeMember(name: "陈静", office: .chair, start: LocalDate(parsing: "2026-03-01")!, end: LocalDate(parsing: "2027-12-31")!))
        let granted = [RoleGrant(user: "陈静", role: .committee, organization: "FED-01"), RoleGrant(user: "陈静", role: .committee, organization: "FED-02"),
                       RoleGrant(user: "陈静", role: .superior, organization: "CTY-01")]
        func roles(_ date: String) -> [String] {
            Access.effectiveGrants(granted, seats: [seat], on: LocalDate(parsing: date)!).map { $0.role.rawValue + ":" + ($0.organization ?? "") }
        }
        #expect(roles("2026-02-28") == ["superior:CTY-01"])
        #expect(roles("2026-03-01") == ["committee:FED-01", "superior:CTY-01"])
        #expect(roles("2027-12-31") == ["committee:FED-01", "superior:CTY-01"])
        #expect(roles("2028-01-01") == ["superior:CTY-01"])
        // Without an end of their own, a member serves to the end of the committee's term.
        var open = seat
        open.member.end = nil
        #expect(Access.effectiveGrants(granted, seats: [open], on: LocalDate(parsing: "2028-12-31")!).contains { $0.role == .committee })
        #expect(!Access.effectiveGrants(granted, seats: [open], on: LocalDate(parsing: "2029-01-01")!).contains { $0.role == .committee })
    }

    @Test func independenceBothWays() {
        let seat = CommitteeSeat(organization: "FED-01", elected: LocalDate(parsing: "2026-01-01")!, termYears: 5,
                                 member: CommitteeMember(name: "周敏", office: .member, start: LocalDate(parsing: "2026-06-01")!))
        let today = LocalDate(parsing: "2026-03-01")!
        #expect(CommitteeIndependence.conflicts(granting: RoleGrant(user: "周敏", role: .officer, organization: "FED-01"), seats: [seat], on: today) == ["FED-01"])
        #expect(CommitteeIndependence.conflicts(granting: RoleGrant(user: "周敏", role: .officer), seats: [seat], on: today) == ["FED-01"])
        #expect(CommitteeIndependence.conflicts(granting: RoleGrant(user: "周敏", role: .officer, organization: "FED-02"), seats: [seat], on: today).isEmpty)
        #expect(CommitteeIndependence.conflicts(granting: RoleGrant(user: "周敏", role: .superior, organization: "FED-01"), seats: [seat], on: today).isEmpty)
        #expect(CommitteeIndependence.conflicts(granting: RoleGrant(user: "周敏", role: .officer, organization: "FED-01"), seats: [seat],
                                                on: LocalDate(parsing: "2031-01-01")!).isEmpty)
        #expect(CommitteeIndependence.isOfficer([RoleGrant(user: "x", role: .officer)], of: "FED-01"))
        #expect(!CommitteeIndependence.isOfficer([RoleGrant(user: "x", role: .superior, organization: "FED-01")], of: "FED-01"))
    }
}
