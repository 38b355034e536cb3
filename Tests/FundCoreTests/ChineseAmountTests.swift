import FundCore
import Testing

@Suite("金额大写")
struct ChineseAmountTests {
    @Test(arguments: [
        (1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (67, "陆角柒分"),
        (105, "壹元零伍分"),
        (1_000, "壹拾元整"),
        (1_050, "壹拾元伍角"),
        (100_10, "壹佰元壹角"),
        (1_000_000, "壹万元整"),
        (10_000_100, "壹拾万零壹元整"),
        (10_010_000, "壹拾万零壹佰元整"),
        (1_001_000_000, "壹仟零壹万元整"),
        (10_001_000_000, "壹亿零壹万元整"),
        (11_000_000_000, "壹亿壹仟万元整"),
        (100_000_000_100, "壹拾亿零壹元整"),
        (30_020_050_000, "叁亿零贰拾万零伍佰元整"),
        (-320, "负叁元贰角"),
    ] as [(Int64, String)])
    func capitals(fen: Int64, text: String) {
        #expect(ChineseAmount.capitals(Money(fen: fen)) == text)
    }

    @Test func theExtremesOfInt64HaveCapitalsToo() {
        #expect(ChineseAmount.capitals(Money(fen: .max)) == "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分")
        #expect(ChineseAmount.capitals(Money(fen: .min)).hasPrefix("负玖亿贰仟贰佰叁拾叁万"))
        #expect(ChineseAmount.capitals(Money(fen: .min)).hasSuffix("元零捌分"))
    }
}

@Suite("Desk login policy")
struct LoginPolicyTests {
    let policy = LoginPolicy.standard

    @Test func attemptsAreCountedBeforeThePasswordIsChecked() {
        var attempts = LoginPolicy.Attempts()
        for expected in 1...5 {
            guard case let .admitted(next) = policy.admit(attempts, now: 100) else { Issue.record("refused early"); return }
            #expect(next.failures == expected)
            attempts = policy.failed(next, now: 100)
        }
        #expect(attempts.lockedUntil == Int64(1_000))
        #expect(policy.admit(attempts, now: 100 + 15 * 60 - 1) == .locked(attempts))
        guard case let .admitted(fresh) = policy.admit(attempts, now: 100 + 15 * 60) else { Issue.record("still locked"); return }
        #expect(fresh.failures == 1)
    }

    @Test func parallelTriesCannotPassTheLimit() {
        // Five tries admitted at once, none yet judged: the sixth is refused and locks.
        var attempts = LoginPolicy.Attempts()
        for _ in 1...5 { if case let .admitted(next) = policy.admit(attempts, now: 0) { attempts = next } }
        guard case let .locked(locked) = policy.admit(attempts, now: 0) else { Issue.record("sixth admitted"); return }
        #expect(locked.lockedUntil == Int64(900))
    }

    @Test func loginsExpireIdleOrOld() {
        #expect(policy.liveness(createdAt: 0, lastSeen: 0, now: 10) == .live(touch: false))
        #expect(policy.liveness(createdAt: 0, lastSeen: 0, now: 20) == .live(touch: true))
        #expect(policy.liveness(createdAt: 0, lastSeen: 0, now: 30 * 60) == .idle)
        #expect(policy.liveness(createdAt: 0, lastSeen: 12 * 3600 - 5, now: 12 * 3600) == .expired)
        #expect(policy.liveness(createdAt: 100, lastSeen: 100, now: 50) == .expired)
    }
}
