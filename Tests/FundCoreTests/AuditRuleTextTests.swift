import Testing
@testable import FundCore

@Suite("Audit rule texts")
struct AuditRuleTextTests {
    /// Every rule the committee can see explains itself in Chinese, and no explanation is left
    /// for a rule that no longer exists.
    @Test func everyRuleHasAChineseExplanation() {
        let ids = Set(AuditRules.all.map(\.id))
        #expect(ids.subtracting(AuditRule.chineseExplanations.keys).isEmpty)
        #expect(Set(AuditRule.chineseExplanations.keys).subtracting(ids).isEmpty)
        for rule in AuditRules.all {
            #expect(rule.chineseExplanation.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(rule.id)")
            #expect(rule.explanation(.english) == rule.explanation)
        }
    }
}
