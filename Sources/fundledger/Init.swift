import ArgumentParser
import FundStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: bilingual("Create a new book holding both standard charts of accounts; the acting user becomes its administrator.", "建立含两套标准科目表的新账套；当前用户成为账套管理员。"))

    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            _ = try Store.create(at: options.book, administrator: options.user)
            say(.initialized(book: options.book, user: options.user))
        }
    }
}
