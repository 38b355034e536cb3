import Dispatch

/// Work that blocks a thread (bcrypt, a login's transaction) run off the event loop and awaited.
enum Blocking {
    static let queue = DispatchQueue(label: "FundDesk.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
