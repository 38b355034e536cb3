/// The head of one hash chain of the book: which chain (an organisation's voucher seals or its
/// event chain), the organisation, how many links it holds and the hash of the last. Copied out
/// of the book (printed by `verify`, written on every workbook), a head anchors the chain: a
/// chain rebuilt or cut short inside the file no longer holds a head it once had.
///
/// As text, one head a line: `<chain> <organisation> <seq> <hash>`, the chain `vouchers` or
/// `events`, the organisation's code (`-` for the book's own event chain), the number of links
/// in decimal and the 64 hex digits of the last hash (docs/seal-format.md).
public struct ChainHead: Hashable, Sendable, CustomStringConvertible {
    /// The two chains an organisation has.
    public enum Chain: String, Sendable, CaseIterable {
        /// The seals of its posted vouchers.
        case vouchers
        /// The events of its sealed facts (closes, budgets, roles, committees, reviews, assets).
        case events
    }

    public var chain: Chain
    /// The organisation's code; nil for the book's own event chain (administrator grants).
    public var organization: String?
    public var seq: Int64
    public var hash: String

    /// A chain's head.
    public init(chain: Chain, organization: String?, seq: Int64, hash: String) {
        self.chain = chain
        self.organization = organization
        self.seq = seq
        self.hash = hash
    }

    /// The head as one line of the anchor format.
    public var description: String { "\(chain.rawValue) \(organization ?? "-") \(seq) \(hash)" }

    /// A head read from one line of the anchor format; nil when the line is not one.
    public init?(line: some StringProtocol) {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 4, let chain = Chain(rawValue: String(parts[0])), let seq = Int64(parts[2]), seq >= 0,
              parts[3].utf8.count == 64, parts[3].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        self.init(chain: chain, organization: parts[1] == "-" ? nil : String(parts[1]), seq: seq, hash: String(parts[3]))
    }

    /// Every head in a text: the lines that are heads, whatever else the text holds (the rest of
    /// `verify`'s output, blank lines, an indent).
    public static func heads(in text: String) -> [ChainHead] {
        text.split(whereSeparator: \.isNewline).compactMap { ChainHead(line: $0.drop(while: { $0 == " " || $0 == "\t" })) }
    }
}
