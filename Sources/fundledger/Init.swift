import ArgumentParser
import Foundation
import FundPostgres
import FundStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: bilingual("Create a new book holding both standard charts of accounts; the acting user becomes its administrator.", "建立含两套标准科目表的新账套；当前用户成为账套管理员。"),
                                                    discussion: bilingual("""
        With --key PATH, a new seal key (32 random bytes) is written to PATH with mode 0600, \
        never over an existing file, and the book is sealed with it: every voucher seal and \
        event gets an HMAC-SHA256 tag, the book records only the key's id, and nothing is \
        written to the book without the key (--key or FUNDLEDGER_KEY). Keep the key apart from \
        the book: whoever holds both can rebuild the chains.

        With --book postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE the book is made in an empty \
        PostgreSQL database (a database with any table is refused, never written over): the new \
        book is made as on a file, in a temporary SQLite file in a folder only you can read, and \
        moved into the database by the path of `copy` (one transaction, every table read back and \
        compared, the schema from the PostgreSQL migrations), so its seals are those of a new book file.
        """, """
        给出 --key 路径时，在该路径新建封印密钥（32 个随机字节，权限 0600，从不覆盖已有文件），\
        账套用它封印：每个凭证封印和事件都带 HMAC-SHA256 标记，账套只记密钥编号；没有密钥\
        （--key 或 FUNDLEDGER_KEY）不能写入。密钥请与账套分开保管：同时持有两者的人可以重建封印链。

        --book 为 postgresql://用户[:密码]@主机:端口/数据库 时，账套建在一个空的 PostgreSQL 数据库中\
        （已有任何表的数据库会被拒绝，绝不覆盖）：新账套先像文件账套一样建在只有你能读的文件夹里的临时 \
        SQLite 文件中，再按 `copy` 的路径移入数据库（一个事务，逐表读回核对，表结构来自 PostgreSQL 迁移），\
        因此其封印与新建的账套文件相同。
        """))

    @OptionGroup var options: BookOptions

    func run() throws {
        try reporting {
            if PostgresAddress.isAddress(options.book) { return try initPostgres() }
            // The book is checked before a key is made for it, and the key removed if the book cannot be made.
            try BookLocation.requireFile(options.book)
            if FileManager.default.fileExists(atPath: options.book) { throw BookError.bookExists(path: options.book) }
            let key = try options.keyPath.map(SealKey.create)
            do {
                _ = try Store.create(at: options.book, administrator: options.user, key: key)
            } catch {
                if let key { try? FileManager.default.removeItem(atPath: key.path) }
                throw error
            }
            say(.initialized(book: options.book, user: options.user))
            if let key {
                emit(bilingual("sealed with the key \(key.path) (key id \(key.id.prefix(16))…); keep it apart from the book: every write needs it\n",
                               "已用密钥 \(key.path) 封印（密钥编号 \(key.id.prefix(16))…）；请与账套分开保管：每次写入都需要它\n"))
            }
        }
    }

    /// The new book in an empty PostgreSQL database; the key, when one is asked for, is made only
    /// once the database is known to be empty, and removed if the book cannot be made.
    private func initPostgres() throws {
        let address = try PostgresAddress.parse(options.book)
        try waitForAsync { try await PostgresBook.requireEmpty(address) }
        let key = try options.keyPath.map(SealKey.create)
        let user = options.user
        do {
            _ = try waitForAsync { try await PostgresBook.create(at: address, administrator: user, key: key) }
        } catch {
            if let key { try? FileManager.default.removeItem(atPath: key.path) }
            throw error
        }
        say(.initialized(book: address.redacted, user: user))
        if let key {
            emit(bilingual("sealed with the key \(key.path) (key id \(key.id.prefix(16))…); keep it apart from the book: every write needs it\n",
                           "已用密钥 \(key.path) 封印（密钥编号 \(key.id.prefix(16))…）；请与账套分开保管：每次写入都需要它\n"))
        }
    }
}
