import ArgumentParser
import FundStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new book holding both standard charts of accounts; the acting user becomes its administrator.")

    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            _ = try Store.create(at: options.book, administrator: options.user)
            say(.initialized(book: options.book, user: options.user))
        }
    }
}
