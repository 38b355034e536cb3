import ArgumentParser
import Foundation
import FundStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new book holding both standard charts of accounts; the acting user becomes its administrator.",
                                                    discussion: """
        With --key PATH, a new seal key (32 random bytes) is written to PATH with mode 0600, \
        never over an existing file, and the book is sealed with it: every voucher seal and \
        event gets an HMAC-SHA256 tag, the book records only the key's id, and nothing is \
        written to the book without the key (--key or FUNDLEDGER_KEY). Keep the key apart from \
        the book: whoever holds both can rebuild the chains.
        """)

    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            // The book is checked before a key is made for it, and the key removed if the book cannot be made.
            if FileManager.default.fileExists(atPath: options.book) { throw BookError.bookExists(path: options.book) }
            let key = try options.keyPath.map(SealKey.create)
            do {
                _ = try Store.create(at: options.book, administrator: options.user, key: key)
            } catch {
                if let key { try? FileManager.default.removeItem(atPath: key.path) }
                throw error
            }
            emit("created \(options.book) with the grassroots (24) and county-and-above (45) charts; \(options.user) administers it\n"
                 + (key.map { "sealed with the key \($0.path) (key id \($0.id.prefix(16))…); keep it apart from the book: every write needs it\n" } ?? ""))
        }
    }
}
