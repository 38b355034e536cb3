/// One typed field of a sealed record, as the seal payload version 2 encodes it: the value a
/// column is declared to hold (an integer, a text), or its absence. The type comes from what the
/// field means, not from how an engine stored it, so SQLite and any later engine give the same
/// field for the same fact.
public enum SealField: Hashable, Sendable {
    /// No value (SQL NULL).
    case absent
    /// A whole number: ids, periods, amounts in fen, counts.
    case integer(Int64)
    /// A text, encoded as its UTF-8 bytes exactly as given (no normalisation).
    case text(String)
    /// Raw bytes (no sealed column holds them today; kept so the format is total).
    case bytes([UInt8])

    /// An optional text: absent when nil.
    public init(_ text: String?) { self = text.map(SealField.text) ?? .absent }
    /// An optional integer: absent when nil.
    public init(_ number: Int64?) { self = number.map(SealField.integer) ?? .absent }
}

/// What is wrong with bytes that claim to be a version 2 seal payload.
public enum SealDecodingProblem: Error, Hashable, Sendable {
    /// The bytes end inside a count, a field or a text (`offset` is where more was needed).
    case truncated(offset: Int)
    /// The first byte is not a payload version this code knows.
    case unknownVersion(UInt8)
    /// The second byte names no known kind of record.
    case unknownKind(UInt8)
    /// A field starts with a tag the format does not define.
    case unknownTag(offset: Int, tag: UInt8)
    /// A text field's bytes are not valid UTF-8.
    case invalidText(offset: Int)
    /// Bytes follow the last group.
    case trailingBytes(offset: Int)
}

/// Seal payload version 2: a canonical, length-prefixed binary encoding of typed fields
/// (docs/seal-format.md). Every value has exactly one encoding and every encoding one value, so
/// no text (a separator, a control character, a digit string) can make two different records
/// hash alike, and another engine that reads the same typed fields computes the same bytes.
///
/// ```
/// payload := version=0x02  kind  u32 groupCount  group*
/// group   := u32 fieldCount  field*
/// field   := 0x00                          absent
///          | 0x01  i64 (8 bytes, big-endian two's complement)
///          | 0x02  u32 byteCount  UTF-8 bytes
///          | 0x03  u32 byteCount  bytes
/// ```
public enum SealEncoding {
    /// The version byte this encoding writes.
    public static let version: UInt8 = 2

    /// What a payload seals: a posted voucher (its fields, then one group per line) or an event
    /// of an organisation's event chain (header, key, content).
    public enum Kind: UInt8, Sendable, CaseIterable {
        case voucher = 1
        case event = 2
    }

    /// The canonical bytes of `groups`.
    public static func encode(kind: Kind, _ groups: [[SealField]]) -> [UInt8] {
        // One allocation for the whole payload: its exact size first.
        var size = 6
        for group in groups {
            size += 4
            for field in group {
                switch field {
                case .absent: size += 1
                case .integer: size += 9
                case let .text(text): size += 5 + text.utf8.count
                case let .bytes(raw): size += 5 + raw.count
                }
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.append(version)
        bytes.append(kind.rawValue)
        append(UInt32(truncatingIfNeeded: groups.count), to: &bytes)
        for group in groups {
            append(UInt32(truncatingIfNeeded: group.count), to: &bytes)
            for field in group {
                switch field {
                case .absent:
                    bytes.append(0x00)
                case let .integer(number):
                    bytes.append(0x01)
                    let bits = UInt64(bitPattern: number)
                    for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
                case let .text(text):
                    bytes.append(0x02)
                    append(UInt32(truncatingIfNeeded: text.utf8.count), to: &bytes)
                    bytes.append(contentsOf: text.utf8)
                case let .bytes(raw):
                    bytes.append(0x03)
                    append(UInt32(truncatingIfNeeded: raw.count), to: &bytes)
                    bytes += raw
                }
            }
        }
        return bytes
    }

    /// The kind and groups of a payload; refuses anything `encode` would not have written, so
    /// that `encode(decode(b)) == b` for every `b` it accepts.
    public static func decode(_ bytes: [UInt8]) throws(SealDecodingProblem) -> (kind: Kind, groups: [[SealField]]) {
        var reader = Reader(bytes: bytes)
        let versionByte = try reader.byte()
        guard versionByte == version else { throw .unknownVersion(versionByte) }
        let kindByte = try reader.byte()
        guard let kind = Kind(rawValue: kindByte) else { throw .unknownKind(kindByte) }
        let groupCount = Int(try reader.u32())
        // Every group takes at least 4 bytes: a count larger than that is truncated, not a reason to allocate.
        guard groupCount <= reader.remaining / 4 else { throw .truncated(offset: bytes.count) }
        var groups: [[SealField]] = []
        groups.reserveCapacity(groupCount)
        for _ in 0..<groupCount {
            let fieldCount = Int(try reader.u32())
            guard fieldCount <= reader.remaining else { throw .truncated(offset: bytes.count) }
            var group: [SealField] = []
            group.reserveCapacity(fieldCount)
            for _ in 0..<fieldCount {
                let offset = reader.offset
                switch try reader.byte() {
                case 0x00:
                    group.append(.absent)
                case 0x01:
                    var bits: UInt64 = 0
                    for _ in 0..<8 { bits = bits << 8 | UInt64(try reader.byte()) }
                    group.append(.integer(Int64(bitPattern: bits)))
                case 0x02:
                    let raw = try reader.counted()
                    // Decoding repairs invalid UTF-8; a text that does not give back its bytes was not UTF-8.
                    let text = String(decoding: raw, as: UTF8.self)
                    guard text.utf8.elementsEqual(raw) else { throw .invalidText(offset: offset) }
                    group.append(.text(text))
                case 0x03:
                    group.append(.bytes(try reader.counted()))
                case let tag:
                    throw .unknownTag(offset: offset, tag: tag)
                }
            }
            groups.append(group)
        }
        guard reader.remaining == 0 else { throw .trailingBytes(offset: reader.offset) }
        return (kind, groups)
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Reads the payload front to back, every read checked against the end.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func byte() throws(SealDecodingProblem) -> UInt8 {
            guard offset < bytes.count else { throw .truncated(offset: offset) }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func u32() throws(SealDecodingProblem) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 { value = value << 8 | UInt32(try byte()) }
            return value
        }

        /// A u32 byte count and that many bytes.
        mutating func counted() throws(SealDecodingProblem) -> [UInt8] {
            let count = Int(try u32())
            guard count <= remaining else { throw .truncated(offset: bytes.count) }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
    }
}
