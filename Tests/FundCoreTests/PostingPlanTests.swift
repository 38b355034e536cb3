import FundCore
import Testing

/// The posting plan: the number a voucher takes, what each line adds to the balances, and the
/// seal it gets, decided without a book.
@Suite struct PostingPlanTests {
    static let march = Period(year: 2026, month: 3)!

    static func draft(lines: [VoucherLine], reverses: VoucherRef? = nil, kind: VoucherKind = .entry, number: Int? = nil) -> VoucherDraft {
        VoucherDraft(organization: "FED-01", date: LocalDate(parsing: "2026-03-05")!, number: number, summary: "收到会费", attachments: 1,
                     preparer: "王芳", reviewer: "李强", reverses: reverses, kind: kind, lines: lines)
    }

    static let dues = [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 500_00)),
                       VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 500_00), summary: "三月会费")]

    static func input(_ draft: VoucherDraft, requested: Int? = nil, next: Int = 4, closed: Bool = false,
                      head: SealHead = .genesis, reversesID: Int64? = nil) -> PostingPlan.Input {
        PostingPlan.Input(voucherID: 12, draft: draft, reversesID: reversesID, requestedNumber: requested, nextNumber: next, monthClosed: closed,
                          sealHead: head, bookkeeper: "王芳", postedAt: "2026-03-06T08:00:00Z")
    }

    @Test func takesTheNextNumberOrTheRequestedOneWhenItIsNext() throws {
        #expect(try PostingPlan.make(Self.input(Self.draft(lines: Self.dues))).number == 4)
        #expect(try PostingPlan.make(Self.input(Self.draft(lines: Self.dues), requested: 4)).number == 4)
    }

    @Test func refusesARequestedNumberThatIsNotNext() {
        #expect(throws: PostingProblem.numberNotNext(organization: "FED-01", expected: VoucherRef(period: Self.march, word: "记", number: 4),
                                                     found: VoucherRef(period: Self.march, word: "记", number: 6))) {
            try PostingPlan.make(Self.input(Self.draft(lines: Self.dues), requested: 6))
        }
    }

    /// A closed month is named before the number: nothing posts into it, whatever the number.
    @Test func refusesAClosedMonthFirst() {
        #expect(throws: PostingProblem.periodClosed(organization: "FED-01", period: Self.march)) {
            try PostingPlan.make(Self.input(Self.draft(lines: Self.dues), requested: 6, closed: true))
        }
    }

    @Test func balanceChangesOfARedInkVoucherStayOnTheirSidesNegated() throws {
        let original = VoucherRef(period: Self.march, word: "记", number: 2)
        let lines = [VoucherLine(accountCode: "50301", side: .debit, amount: Money(fen: -120_00),
                                 dimensions: Dimensions(project: "XB-1", expenseType: .project, counterpart: "CTY-01", fundSource: .union)),
                     VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: -120_00))]
        let plan = try PostingPlan.make(Self.input(Self.draft(lines: lines, reverses: original, kind: .closing), reversesID: 9))
        #expect(plan.balanceChanges == [
            BalanceChange(key: BalanceKey(accountCode: "50301", period: Self.march, project: "XB-1", source: "union", closing: true,
                                          expense: "project", counterpart: "CTY-01"), debitFen: -120_00, creditFen: 0),
            BalanceChange(key: BalanceKey(accountCode: "102", period: Self.march, project: "", source: "", closing: true,
                                          expense: "", counterpart: ""), debitFen: 0, creditFen: -120_00),
        ])
        // A negative 508 debit takes nothing from a subsidy item; only a payment marks it paid.
        #expect(!plan.paysSubsidy)
        let fields = try SealEncoding.decode(plan.seal.payload).groups[0]
        #expect(fields[13] == .integer(9))
    }

    @Test func aSubsidyPaymentIsNamed() throws {
        let lines = [VoucherLine(accountCode: "50802", side: .debit, amount: Money(fen: 100), dimensions: Dimensions(project: "XB-1")),
                     VoucherLine(accountCode: "102", side: .credit, amount: Money(fen: 100))]
        #expect(try PostingPlan.make(Self.input(Self.draft(lines: lines))).paysSubsidy)
    }

    /// New seals are version 2: the voucher's typed fields, then one group per line, in the
    /// canonical binary encoding.
    @Test func sealPayloadIsVersionTwoOfTypedFields() throws {
        let plan = try PostingPlan.make(Self.input(Self.draft(lines: Self.dues)))
        #expect(plan.seal.version == 2)
        let fields: [SealField] = [.text("FED-01"), .integer(12), .text("2026-03-05"), .integer(202603), .text("记"), .integer(4), .text("收到会费"),
                                   .integer(1), .text("王芳"), .text("李强"), .text("王芳"), .text("posted"), .text("entry"), .absent,
                                   .text("2026-03-06T08:00:00Z")]
        let first: [SealField] = [.integer(1), .text("102"), .text("D"), .integer(50000), .text(""), .absent, .absent, .absent, .absent, .absent]
        let second: [SealField] = [.integer(2), .text("401"), .text("C"), .integer(50000), .text("三月会费"), .absent, .absent, .absent, .absent, .absent]
        #expect(plan.seal.payload == SealEncoding.encode(kind: .voucher, [fields, first, second]))
        // The first bytes, as docs/seal-format.md gives them: version, kind, three groups, fifteen fields, "FED-01".
        #expect(Array(plan.seal.payload.prefix(21)) == [0x02, 0x01, 0, 0, 0, 3, 0, 0, 0, 15, 0x02, 0, 0, 0, 6] + Array("FED-01".utf8))
    }

    /// The version 1 text stays as it was frozen, to verify the seals older books got.
    @Test func versionOnePayloadIsTheFrozenText() throws {
        let draft = Self.draft(lines: Self.dues)
        let fields = SealPayload.fields(organization: draft.organization, voucherID: 12, draft: draft, number: 4, bookkeeper: "王芳", status: .posted,
                                        reversesID: nil, postedAt: "2026-03-06T08:00:00Z").map(SealValue.init)
        let lines = draft.lines.enumerated().map { SealPayload.line($0.element, position: $0.offset + 1).map(SealValue.init) }
        let text = "v1\u{1F}=FED-01\u{1F}=12\u{1F}=2026-03-05\u{1F}=202603\u{1F}=记\u{1F}=4\u{1F}=收到会费\u{1F}=1\u{1F}=王芳\u{1F}=李强\u{1F}=王芳\u{1F}=posted\u{1F}=entry\u{1F}\u{1F}=2026-03-06T08:00:00Z"
        let first = "\u{1E}=1\u{1F}=102\u{1F}=D\u{1F}=50000\u{1F}=\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}"
        let second = "\u{1E}=2\u{1F}=401\u{1F}=C\u{1F}=50000\u{1F}=三月会费\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}"
        #expect(SealPayload.text(fields, lines) == text + first + second)
    }

    @Test func sealsChainToTheHeadBeforeThem() throws {
        let first = try PostingPlan.make(Self.input(Self.draft(lines: Self.dues)))
        #expect(first.seal.seq == 1 && first.seal.previous == SealPayload.genesis && SealPayload.genesis.count == 64)
        let head = SealHead(seq: 1, hash: String(repeating: "a", count: 64))
        let second = try PostingPlan.make(Self.input(Self.draft(lines: Self.dues), next: 5, head: head))
        #expect(second.seal.seq == 2 && second.seal.previous == head.hash)
        #expect(second.seal.payload != first.seal.payload)
    }

    @Test func canonicalValuesKeepNullAndEmptyApart() {
        #expect([SealValue.null, .text(""), .integer(-7), .real(1.5), .blob([0x0f, 0xa0])].map(\.canonical) == ["", "=", "=-7", "=d1.5", "=xfa0"])
    }
}
