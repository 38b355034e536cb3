import ArgumentParser
import FundStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new book holding both standard charts of accounts; the acting user becomes its administrator.")

    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            _ = try Store.create(at: options.book, administrator: options.user)
            emit("created \(options.book) with the grassroots (24) and county-and-above (45) charts; \(options.user) administers it\n")
        }
    }
}
