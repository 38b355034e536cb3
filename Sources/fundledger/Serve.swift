import ArgumentParser
import Dispatch
import Foundation
import FundDesk
import FundStore

/// `fundledger serve`: the desk over one book.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the desk, the web interface of the book, until Ctrl-C or SIGTERM.",
        discussion: """
            The book is opened once with a pool of readers beside one writer; every request acts as its \
            logged-in user. Users log in with the password set by `fundledger user password NAME`. Listen \
            on 127.0.0.1 behind a reverse proxy that ends TLS, and give --secure-cookies there. On SIGINT \
            or SIGTERM the requests in flight are answered, then the book is closed.
            """)

    @Option(name: .long, help: ArgumentHelp("The book file.", valueName: "PATH"))
    var book: String = ProcessInfo.processInfo.environment["FUNDLEDGER_BOOK"] ?? "ledgers/fundledger.sqlite"
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Mark session cookies Secure even when requests arrive over plain HTTP (TLS ended by a reverse proxy).")
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
