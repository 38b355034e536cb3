import Foundation

/// The name of a person as the book records it: a preparer, a reviewer, a user, a committee
/// member. One person is one name, so a name is compared as stored: its surrounding white space
/// trimmed and its characters in Unicode's composed form (NFC), whichever way a keyboard or a
/// file spelled them.
public enum PersonName {
    /// `name` trimmed and composed; empty when it held nothing but white space.
    public static func normalized(_ name: String) -> String {
        name.trimmingWhitespace.precomposedStringWithCanonicalMapping
    }
}
