/// What every text the book keeps must be: free of control characters (U+0000–U+001F, U+007F)
/// and of the bidirectional controls (U+202A–U+202E, U+2066–U+2069). A control character can
/// change what a seal covers or hide part of a summary when it is printed, and no one types one
/// on purpose: it is refused at input, with the field named.
public enum TextRules {
    /// Whether `scalar` is refused in text.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first refused character of `text`, if any.
    public static func firstRefused(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isRefused)
    }

    /// How a refused character is named in a message: U+001F.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The sentence that refuses `text` in `field`, or nil when it holds no refused character.
    public static func problem(_ text: String, field: String) -> String? {
        guard let scalar = firstRefused(in: text) else { return nil }
        return "\(field) holds the control character \(name(scalar)); remove it (line breaks, tabs and direction marks are not kept in the books)"
    }
}
