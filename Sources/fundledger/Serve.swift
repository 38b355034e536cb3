import ArgumentParser
import Dispatch
import Foundation
import FundDesk
import FundStore

/// `fundledger serve`: the desk over one book.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Serve the desk, the web interface of the book, until Ctrl-C or SIGTERM.",
                            "运行账套的网页工作台，直到按 Ctrl-C 或收到 SIGTERM。"),
        discussion: bilingual("""
            The book is opened once with a pool of readers beside one writer; every request acts as its \
            logged-in user. Users log in with the password set by `fundledger user password NAME`. Listen \
            on 127.0.0.1 behind a reverse proxy that ends TLS, and give --secure-cookies there. On SIGINT \
            or SIGTERM the requests in flight are answered, then the book is closed.
            """, """
            账套只打开一次：一个写入连接，另有一组读取连接；每个请求都以已登录用户的身份操作。用户以 \
            `fundledger user password 姓名` 设置的密码登录。请在 127.0.0.1 上监听，由反向代理负责 TLS，\
            并在此情形下给出 --secure-cookies。收到 SIGINT 或 SIGTERM 时，先答复正在处理的请求，再关闭账套。
            """))

    @Option(name: .long, help: ArgumentHelp(bilingual("The book file.", "账套文件。"), valueName: "PATH"))
    var book: String = ProcessInfo.processInfo.environment["FUNDLEDGER_BOOK"] ?? "ledgers/fundledger.sqlite"
    @Option(help: bilingual("The address to listen on.", "监听的地址。")) var host = "127.0.0.1"
    @Option(help: bilingual("The port to listen on.", "监听的端口。")) var port = 8080
    @Flag(help: bilingual("Mark session cookies Secure even when requests arrive over plain HTTP (TLS ended by a reverse proxy).",
                          "即使请求经由普通 HTTP 到达（TLS 由反向代理终止），也把会话 Cookie 标为 Secure。"))
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port) is not a port; give 1 to 65535") }
    }

    func run() throws {
        try reporting {
            let store = try Store.open(at: book, connections: .pool)
            let desk = try Desk(store: store, secureCookies: secureCookies)
            let application = desk.application(host: host, port: port)
            emit("serving \(book) at http://\(host):\(port)/ (Ctrl-C stops)\n")
            let failure = Outcome()
            let done = DispatchSemaphore(value: 0)
            Task {
                do { try await application.runService() } catch { failure.set(error) }
                done.signal()
            }
            done.wait()
            try store.close()
            if let error = failure.error {
                note("error: the desk stopped: \(error)")
                throw ExitCode(1)
            }
            emit("stopped; \(book) closed\n")
        }
    }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func set(_ error: any Error) { lock.lock(); stored = error; lock.unlock() }
    var error: (any Error)? { lock.lock(); defer { lock.unlock() }; return stored }
}
