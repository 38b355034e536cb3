import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order, with
/// repeated names kept (the voucher grid's lines, the vouchers ticked for a batch).
///
/// Parsed by hand rather than decoded into a `Decodable`, so that a grid of any number of lines
/// and a missing field are the page's to judge, and no field is silently dropped.
public struct FormData: Sendable {
    /// Every name and value, in the order sent.
    public private(set) var pairs: [(name: String, value: String)] = []

    /// Limits what one form can hold (a voucher has at most a few hundred lines).
    public static let maximumFields = 2_000

    /// Parses `text` (`a=1&b=%E4%B8%AD&c=x+y`); a malformed escape is kept as typed.
    public init(_ text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true).prefix(Self.maximumFields) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0])
            let value = halves.count > 1 ? Self.decode(halves[1]) : ""
            pairs.append((name, value))
        }
    }

    /// Fields already read (the text parts of a multipart form), in the order sent.
    public init(pairs: [(name: String, value: String)]) {
        self.pairs = Array(pairs.prefix(Self.maximumFields))
    }

    /// The first value of `name`, if sent.
    public subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first value of `name` with spaces trimmed; nil when missing or blank.
    public func trimmed(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Percent-decoding with `+` as a space; bytes that are not UTF-8 become U+FFFD.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if iterator.count >= 2, let high = hex(iterator[iterator.startIndex]), let low = hex(iterator[iterator.startIndex + 1]) {
                    bytes.append(high << 4 | low)
                    iterator = iterator.dropFirst(2)
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

import Foundation

extension FormData {
    /// The urlencoded form of `request`, read within `limit` bytes: a larger body is answered
    /// 413 (`DeskError.formTooLarge`), not a failure of the server, and nothing is read of it.
    static func read(_ request: Request, limit: Int) async throws -> FormData {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw DeskError.formTooLarge(limitBytes: limit) }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw DeskError.formTooLarge(limitBytes: limit) }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return FormData(String(decoding: bytes, as: UTF8.self))
    }
}
