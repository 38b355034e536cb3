import FundCore
import PropertyBased
import Testing

/// Seal payload version 2 (docs/seal-format.md): every value has one encoding, every encoding
/// one value, and anything else is refused by the decoder.
@Suite struct SealEncodingTests {
    /// Texts that broke the version 1 text: separators, control characters, "=", NUL, an empty
    /// text, composed and decomposed accents, a surrogate pair's scalar, Chinese.
    static let texts = ["", "=", "\u{1F}", "\u{1E}", "a\u{1F}=b", "\u{0}", "工会", "é", "e\u{301}", "😀", "1", "01", "-0", "\n", "x\u{202E}y"]

    /// Groups of fields built from random numbers: each number picks a field (or starts a new group).
    static func groups(_ seeds: [UInt64]) -> [[SealField]] {
        var groups: [[SealField]] = [[]]
        for seed in seeds {
            let pick = Int(seed % 7), rest = seed / 7
            switch pick {
            case 0: groups[groups.count - 1].append(.absent)
            case 1: groups[groups.count - 1].append(.integer([0, 1, -1, .max, .min, 202603][Int(rest % 6)]))
            case 2: groups[groups.count - 1].append(.integer(Int64(bitPattern: rest &* 0x9E37_79B9_7F4A_7C15)))
            case 3: groups[groups.count - 1].append(.text(texts[Int(rest % UInt64(texts.count))]))
            case 4: groups[groups.count - 1].append(.text(texts[Int(rest % UInt64(texts.count))] + texts[Int(rest / 16 % UInt64(texts.count))]))
            case 5: groups[groups.count - 1].append(.bytes(Array((0..<Int(rest % 5)).map { UInt8(truncatingIfNeeded: rest >> UInt64(8 * $0)) })))
            default: groups.append([])
            }
        }
        return groups
    }

    static let seeds = Gen.uint64(in: 0...UInt64.max).array(of: 0...24)

    @Test func decodingAnEncodingGivesItBack() async {
        await propertyCheck(count: 2000, input: Self.seeds) { (seeds: [UInt64]) async throws in
            let groups = Self.groups(seeds)
            for kind in SealEncoding.Kind.allCases {
                let decoded = try SealEncoding.decode(SealEncoding.encode(kind: kind, groups))
                #expect(decoded.kind == kind && decoded.groups == groups)
            }
        }
    }

    /// Two inputs share an encoding only when they are the same input; in particular moving a
    /// field from one group to the next, or splitting a text, changes the bytes.
    @Test func noTwoInputsShareAnEncoding() async {
        await propertyCheck(count: 2000, input: Self.seeds, Self.seeds) { (left: [UInt64], right: [UInt64]) async throws in
            let (a, b) = (Self.groups(left), Self.groups(right))
            if SealEncoding.encode(kind: .voucher, a) == SealEncoding.encode(kind: .voucher, b) { #expect(a == b) }
        }
        #expect(SealEncoding.encode(kind: .voucher, [[.text("a"), .text("b")]]) != SealEncoding.encode(kind: .voucher, [[.text("a")], [.text("b")]]))
        #expect(SealEncoding.encode(kind: .voucher, [[.text("ab")]]) != SealEncoding.encode(kind: .voucher, [[.text("a"), .text("b")]]))
        #expect(SealEncoding.encode(kind: .voucher, [[.text("")]]) != SealEncoding.encode(kind: .voucher, [[.absent]]))
        #expect(SealEncoding.encode(kind: .voucher, [[.text("1")]]) != SealEncoding.encode(kind: .voucher, [[.integer(1)]]))
        #expect(SealEncoding.encode(kind: .voucher, [[]]) != SealEncoding.encode(kind: .event, [[]]))
    }

    /// Whatever bytes the decoder accepts are exactly the encoding of what it decoded: there is
    /// no second spelling of a payload.
    @Test func theDecoderAcceptsOnlyCanonicalBytes() async {
        await propertyCheck(count: 2000, input: Self.seeds, Gen.uint64(in: 0...UInt64.max).array(of: 1...4)) { (seeds: [UInt64], edits: [UInt64]) async throws in
            var bytes = SealEncoding.encode(kind: .event, Self.groups(seeds))
            for edit in edits where !bytes.isEmpty {
                let at = Int(edit % UInt64(bytes.count))
                switch edit / UInt64(bytes.count) % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: edit >> 32)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(truncatingIfNeeded: edit >> 40), at: at)
                }
            }
            if let decoded = try? SealEncoding.decode(bytes) {
                #expect(SealEncoding.encode(kind: decoded.kind, decoded.groups) == bytes)
            }
        }
    }

    @Test func refusesWhatEncodeNeverWrites() throws {
        let good = SealEncoding.encode(kind: .voucher, [[.text("工会"), .integer(7)]])
        #expect(throws: SealDecodingProblem.unknownVersion(1)) { try SealEncoding.decode([1] + good.dropFirst()) }
        #expect(throws: SealDecodingProblem.unknownKind(9)) { try SealEncoding.decode([2, 9] + good.dropFirst(2)) }
        #expect(throws: SealDecodingProblem.trailingBytes(offset: good.count)) { try SealEncoding.decode(good + [0]) }
        #expect(throws: SealDecodingProblem.truncated(offset: good.count - 1)) { try SealEncoding.decode(Array(good.dropLast())) }
        #expect(throws: SealDecodingProblem.unknownTag(offset: 10, tag: 7)) { try SealEncoding.decode(Array(good.prefix(10)) + [7] + good.dropFirst(11)) }
        // A text whose bytes are not UTF-8 (a lone continuation byte).
        #expect(throws: SealDecodingProblem.invalidText(offset: 10)) {
            try SealEncoding.decode([2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0x80])
        }
        // A count far beyond the bytes is truncated, not an allocation.
        #expect(throws: SealDecodingProblem.truncated(offset: 6)) { try SealEncoding.decode([2, 1, 0xFF, 0xFF, 0xFF, 0xFF]) }
        #expect(try SealEncoding.decode([2, 2, 0, 0, 0, 0]).groups.isEmpty)
    }

    @Test func anEventRoundTripsThroughItsPayload() {
        let event = SealedEvent(organization: "FED-01", seq: 3, at: "2026-03-05T08:00:00Z", by: "王芳", table: "period_close", action: .insert,
                                key: [.integer(2), .integer(202603)], content: [.text("2026-04-01T00:00:00Z"), .text("王芳")])
        #expect(SealedEvent(payload: event.payload) == event)
        var book = event
        book.organization = nil
        book.action = .delete
        book.content = []
        #expect(SealedEvent(payload: book.payload) == book)
        #expect(SealedEvent(payload: SealEncoding.encode(kind: .voucher, [[], [], []])) == nil)
    }
}
