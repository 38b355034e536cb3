import Testing
@testable import FundCore

func parse(_ text: String, file: String = "t.journal") throws(InputError) -> [JournalEntry] {
    var parser = JournalParser(file: file, defaultPreparer: "导入员")
    var entries: [JournalEntry] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if let entry = try parser.feed(line, line: index + 1) { entries.append(entry) }
    }
    if let entry = try parser.finish() { entries.append(entry) }
    return entries
}

@Suite struct JournalParserTests {
    static let example = """
        ; a comment
        2026-03-05 * (2026-03/记-0007) 收到县总工会劳动竞赛项目补贴  ; org:FED-LQ, attachments:2, preparer:王芳, reviewer:李强
            102 银行存款                                5000.00
            40302 上级补助收入/专项转移支付补助        -5000.00  ; project:XB-2026-017, counterpart:CTY-01

        2026-03-06 支付奖品
        \t50301\t1200  ; project:XB-2026-017, expense:project, econ:30299, memo:奖品
        \t102\t-1200.00
        """

    @Test func readsTheDesignExample() throws {
        let entries = try parse(JournalParserTests.example)
        #expect(entries.count == 2)
        let first = entries[0]
        #expect(first.organization == "FED-LQ")
        #expect(first.headerLine == 2)
        #expect(first.postingLines == [3, 4])
        #expect(first.accountNames == ["银行存款", "上级补助收入/专项转移支付补助"])
        #expect(first.draft.number == 7 && first.draft.word == "记")
        #expect(first.draft.summary == "收到县总工会劳动竞赛项目补贴")
        #expect(first.draft.attachments == 2 && first.draft.preparer == "王芳" && first.draft.reviewer == "李强")
        #expect(first.draft.lines[0] == VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 500_000)))
        #expect(first.draft.lines[1].side == .credit && first.draft.lines[1].amount.fen == 500_000)
        #expect(first.draft.lines[1].dimensions == Dimensions(project: "XB-2026-017", counterpart: "CTY-01"))
        let second = entries[1]
        #expect(second.organization == nil && second.draft.number == nil && second.draft.preparer == "导入员")
        #expect(second.draft.lines[0].dimensions == Dimensions(project: "XB-2026-017", expenseType: .project, economicClass: "30299"))
        #expect(second.draft.lines[0].summary == "奖品")
        #expect(second.draft.lines[0].amount.fen == 120_000)
    }

    /// Rule-order table: a bad journal, the line and the rule of its first error.
    @Test func refusesBadJournals() {
        let cases: [(String, Int, String)] = [
            ("2026-02-30 x\n    102  1\n    401  -1", 1, "bad-date"),
            ("26-02-03 x\n    102  1\n    401  -1", 1, "bad-header"),
            ("2026-02-03 ! x\n    102  1\n    401  -1", 1, "pending-status"),
            ("2026-02-03 (2026-02/记-0001 x\n    102  1\n    401  -1", 1, "bad-voucher-number"),
            ("2026-02-03 (2026-03/记-0001) x\n    102  1\n    401  -1", 1, "number-period-mismatch"),
            ("2026-02-03 x ; org:\n    102  1\n    401  -1", 1, "empty-tag"),
            ("2026-02-03 x ; note\n    102  1\n    401  -1", 1, "bad-tag"),
            ("2026-02-03 x ; colour:red\n    102  1\n    401  -1", 1, "unknown-tag"),
            ("2026-02-03 x ; attachments:two\n    102  1\n    401  -1", 1, "bad-tag"),
            ("2026-02-03 x\n    102  1.234\n    401  -1", 2, "bad-amount"),
            ("2026-02-03 x\n    102  1e3\n    401  -1", 2, "bad-amount"),
            ("2026-02-03 x\n    102  0\n    401  0", 2, "zero-amount"),
            ("2026-02-03 x\n    102 1\n    401  -1", 2, "missing-amount"),
            ("2026-02-03 x\n    银行存款  1\n    401  -1", 2, "bad-account"),
            ("2026-02-03 x\n    102  99999999999999999999\n    401  -1", 2, "bad-amount"),
            ("2026-02-03 x\n    102  10000000000000.01\n    401  -1", 2, "amount-too-large"),
            ("2026-02-03 x\n    102  1 ; expense:other\n    401  -1", 2, "bad-tag"),
            ("2026-02-03 x\n    102  1 ; source:bank\n    401  -1", 2, "bad-tag"),
            ("2026-02-03 x\n    102  1 ; org:FED-01\n    401  -1", 2, "unknown-tag"),
            ("    102  1", 1, "posting-outside-transaction"),
            ("2026-02-03 x\n    102  1", 1, "too-few-lines"),
            ("2026-02-03 x", 1, "too-few-lines"),
            ("2026-02-03 x ; reverses:记-1\n    102  1\n    401  -1", 1, "bad-tag"),
            ("2026-02-03 x\n    102  " + String(repeating: "1", count: 5000), 2, "line-too-long"),
        ]
        for (text, line, rule) in cases {
            do {
                _ = try parse(text)
                Issue.record("expected \(rule) for \(text.prefix(40))")
            } catch {
                #expect(error.rule == rule, "\(text.prefix(40)): got \(error.rule) \(error.message)")
                #expect(error.line == line, "\(text.prefix(40)): line \(error.line)")
                #expect(error.file == "t.journal")
            }
        }
    }

    @Test func tooManyPostings() {
        let text = "2026-02-03 x\n" + String(repeating: "    102  1\n", count: Limits.linesPerVoucher + 1)
        #expect(throws: InputError.self) { try parse(text) }
    }

    @Test func errorTextNamesFileLineRuleAndFix() {
        do {
            _ = try parse("2026-02-03 x\n    102  1.234\n    401  -1")
        } catch {
            #expect(error.description == "t.journal:2: \"1.234\" has more than 2 decimal places; amounts are in yuan to the fen (0.01) [bad-amount]")
        }
    }

    @Test func writerOutputParsesBack() throws {
        let chart = Chart.standard(.grassroots)
        let entries = try parse(JournalParserTests.example)
        for entry in entries {
            var draft = entry.draft
            draft.organization = "FED-01"
            draft.reviewer = "李强"
            let voucher = Voucher(id: 1, draft: draft, status: .posted, number: 3, reviewer: "李强", bookkeeper: "王芳",
                                  reversesID: nil, reversedByID: nil)
            let text = JournalWriter.transaction(voucher, chart: chart, reversesRef: nil)
            let back = try parse(text)
            #expect(back.count == 1)
            #expect(back[0].draft.lines == draft.lines)
            #expect(back[0].draft.summary == draft.summary)
            #expect(back[0].organization == "FED-01")
            #expect(back[0].draft.number == 3)
            #expect(back[0].accountNames.allSatisfy { $0 != nil })
        }
    }

    @Test func writerKeepsTheLineStructureWhateverTheText() throws {
        let chart = Chart.standard(.grassroots)
        var draft = VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 1, day: 2)!, summary: "a;b,c\nd",
                                 preparer: "王,芳", lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 1), summary: "x;y"),
                                                            VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 1))])
        draft.reviewer = "李强"
        let voucher = Voucher(id: 1, draft: draft, status: .posted, number: 1, reviewer: "李强", bookkeeper: "b", reversesID: nil, reversedByID: nil)
        let back = try parse(JournalWriter.transaction(voucher, chart: chart, reversesRef: nil))
        #expect(back[0].draft.summary == "a；b，c\nd")
        #expect(back[0].draft.preparer == "王，芳")
        #expect(back[0].draft.lines[0].summary == "x；y")
    }
}

@Suite struct JournalTagAndEscapeTests {
    @Test func duplicateAttachmentsTagIsRefused() {
        do {
            _ = try parse("2026-02-03 x  ; org:FED-01, attachments:1, attachments:2\n    102  1\n    401  -1")
            Issue.record("a second attachments: tag was accepted")
        } catch {
            #expect(error.description == "t.journal:1: the tag attachments appears twice (attachments:1 and attachments:2); keep the one that is right and remove the other [duplicate-tag]")
        }
    }

    @Test(arguments: ["org:FED-01, org:FED-02", "preparer:王芳, preparer:李强", "reviewer:李强, reviewer:赵六",
                      "reverses:2026-02/记-0001, reverses:2026-02/记-0002", "kind:closing, kind:depreciation",
                      "org:FED-01, org:FED-01"])
    func duplicateHeaderTagsAreRefused(tags: String) {
        #expect(throws: InputError.self) { try parse("2026-02-03 x  ; " + tags + "\n    102  1\n    401  -1") }
        do { _ = try parse("2026-02-03 x  ; " + tags + "\n    102  1\n    401  -1") } catch { #expect(error.rule == "duplicate-tag" && error.line == 1) }
    }

    @Test func duplicatePostingTagIsRefused() {
        do {
            _ = try parse("2026-02-03 x\n    102  1  ; project:A, project:B\n    401  -1")
            Issue.record("a second project: tag was accepted")
        } catch {
            #expect(error.rule == "duplicate-tag" && error.line == 2)
        }
    }

    @Test func escapesRoundTrip() {
        for text in ["plain 文本", "a\nb", "a\r\nb", "tab\there", "back\\slash", "\\n is not a line break", "nul\u{0}bell\u{7}del\u{7F}", "\\", "end\\"] {
            let escaped = JournalText.escape(text)
            #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(escaped)")
            #expect(JournalText.unescape(escaped) == text, "\(escaped)")
        }
        #expect(JournalText.escape("a\nb") == #"a\nb"#)
        #expect(JournalText.unescape(#"C:\data\x"#) == #"C:\data\x"#)
        #expect(JournalText.unescape(#"\u12"#) == #"\u12"#)
    }

    @Test func exportKeepsSummaryLineBreaksEscaped() throws {
        let chart = Chart.standard(.grassroots)
        var draft = VoucherDraft(organization: "FED-01", date: LocalDate(year: 2026, month: 1, day: 2)!, summary: "第一行\n第二行\\n",
                                 preparer: "王\t芳", lines: [VoucherLine(accountCode: "102", side: .debit, amount: Money(fen: 1), summary: "x\ry"),
                                                             VoucherLine(accountCode: "401", side: .credit, amount: Money(fen: 1))])
        draft.reviewer = "李\n强"
        let voucher = Voucher(id: 1, draft: draft, status: .posted, number: 1, reviewer: "李\n强", bookkeeper: "b", reversesID: nil, reversedByID: nil)
        let text = JournalWriter.transaction(voucher, chart: chart, reversesRef: nil)
        #expect(text.hasPrefix(#"2026-01-02 * (2026-01/记-0001) 第一行\n第二行\\n  ; org:FED-01, attachments:0, preparer:王\t芳, reviewer:李\n强"#), "\(text)")
        #expect(text.split(separator: "\n").count == 3)
        let back = try parse(text)
        #expect(back[0].draft.summary == draft.summary)
        #expect(back[0].draft.preparer == draft.preparer)
        #expect(back[0].draft.reviewer == draft.reviewer)
        #expect(back[0].draft.lines[0].summary == "x\ry")
    }
}

@Suite struct CSVParserTests {
    @Test func quotedFieldsAndLines() throws {
        var parser = CSVParser(file: "o.csv")
        #expect(try parser.feed("a, b ,\"c,d\"", number: 1)?.fields == ["a", "b", "c,d"])
        #expect(try parser.feed("\"x\"\"y\",\"multi", number: 2) == nil)
        let record = try parser.feed("line\",z", number: 3)
        #expect(record?.line == 2)
        #expect(record?.fields == ["x\"y", "multi\nline", "z"])
        #expect(try parser.feed("", number: 4)?.fields == [""])
    }

    @Test func badQuotes() {
        var parser = CSVParser(file: "o.csv")
        #expect(throws: InputError.self) { try parser.feed("ab\"c\",d", number: 1) }
        var open = CSVParser(file: "o.csv")
        _ = try? open.feed("\"never closed", number: 1)
        #expect(throws: InputError.self) { try open.finish() }
    }
}
