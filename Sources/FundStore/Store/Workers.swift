import Foundation

/// Threads of the program's own for work that blocks (a store session's SQLite reads and
/// writes, waiting for the book's write lock, a bcrypt check), awaited by callers on Swift
/// concurrency.
///
/// Why not a concurrent `DispatchQueue`: on Linux, Dispatch runs a queue's blocking items on a
/// pool about as wide as the machine has cores (adding a thread only when its monitor sees them
/// all blocked for a while), so on a 2-core server a few requests waiting for the writer's lock
/// hold every thread and the readers queue behind them. Here a thread is started whenever work
/// arrives and none is idle, up to `limit`; threads that wait (for a lock, for the disk) cost no
/// processor, and SQLite's reader connections bound how many read at once.
public final class Workers: @unchecked Sendable {
    /// What the threads are named, for a debugger or `perf`.
    public let name: String
    /// The most threads this pool starts; more work waits for one to be free.
    public let limit: Int

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0

    /// A pool named `name` of at most `limit` threads, none started until work arrives.
    public init(name: String, limit: Int) {
        precondition(limit >= 1, "a pool needs at least one thread")
        self.name = name
        self.limit = limit
    }

    /// Runs `body` on one of the pool's threads and awaits its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Queues `job`; a new thread is started when no idle one is left for it and the limit allows.
    public func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        // More queued than idle threads to take them: one more thread, if the limit allows.
        let start = jobs.count - head > idle && threads < limit
        if start { threads += 1 }
        condition.signal()
        condition.unlock()
        if start {
            let thread = Thread { [self] in loop() }
            thread.name = name
            thread.start()
        }
    }

    /// How many threads the pool has started (they stay, waiting for work).
    public var started: Int {
        condition.lock()
        defer { condition.unlock() }
        return threads
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = jobs[head]
            head += 1
            // Drop what was run once the queue is drained (or has grown long), so it does not grow without end.
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
