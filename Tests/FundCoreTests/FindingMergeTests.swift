import FundCore
import Testing

/// How a run's drafts merge into the findings the book holds, one case per outcome.
@Suite struct FindingMergeTests {
    static func draft(_ rule: String, _ key: String, _ text: String = "发现") -> FindingDraft { FindingDraft(rule: rule, key: key, text: text) }

    @Test func newAgainReopenedAndNotFound() {
        let known = [FindingMerge.Known(id: 1, rule: "subsidy-purpose", key: "a", status: .accepted),
                     FindingMerge.Known(id: 2, rule: "subsidy-purpose", key: "b", status: .resolved),
                     FindingMerge.Known(id: 3, rule: "subsidy-window", key: "c", status: .open)]
        let drafts = [Self.draft("subsidy-purpose", "a"), Self.draft("subsidy-purpose", "b"), Self.draft("subsidy-window", "new")]
        let merge = FindingMerge.plan(drafts: drafts, known: known)
        #expect(merge.steps == [.foundAgain(.known(id: 1), drafts[0], reopen: false),
                                .foundAgain(.known(id: 2), drafts[1], reopen: true),
                                .record(drafts[2], severity: .high)])
        #expect(merge.notFound == [3])
        #expect(merge.new == 1 && merge.again == 2)
    }

    @Test func aSubjectDraftedTwiceIsFoundAgainOnceRecordedOrReopened() {
        let known = [FindingMerge.Known(id: 7, rule: "subsidy-purpose", key: "a", status: .resolved)]
        let drafts = [Self.draft("subsidy-purpose", "a", "一"), Self.draft("subsidy-purpose", "a", "二"),
                      Self.draft("earmarked-untagged", "x", "一"), Self.draft("earmarked-untagged", "x", "二")]
        let merge = FindingMerge.plan(drafts: drafts, known: known)
        #expect(merge.steps == [.foundAgain(.known(id: 7), drafts[0], reopen: true), .foundAgain(.known(id: 7), drafts[1], reopen: false),
                                .record(drafts[2], severity: .medium), .foundAgain(.recorded(step: 2), drafts[3], reopen: false)])
        #expect(merge.notFound.isEmpty && merge.new == 1 && merge.again == 3)
    }
}
