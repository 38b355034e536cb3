import Foundation

/// When this server last let each login through, kept in memory so that reading a page does not
/// write to the book: the book's copy of that time is refreshed only every few minutes
/// (`LoginService.storedSeenSeconds`), while idle expiry still counts from the last request.
///
/// Only logins the book has just accepted are entered, keyed by the hash of their id, and
/// entries older than the idle limit are swept out, so the table holds at most the live logins.
/// It never lets a login in by itself: every request still reads the login from the book.
final class SeenLogins: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [String: Int64] = [:]
    private var nextSweep: Int64 = 0
    /// How long an entry is kept: a login idle this long has ended anyway.
    let keepSeconds: Int64

    init(keepSeconds: Int64) {
        self.keepSeconds = keepSeconds
    }

    /// When the login hashing to `tokenHash` was last let through here, if it was.
    func seen(_ tokenHash: String) -> Int64? {
        lock.lock()
        defer { lock.unlock() }
        return times[tokenHash]
    }

    /// The login was let through at `now`; entries past `keepSeconds` are swept out once a minute.
    func record(_ tokenHash: String, at now: Int64) {
        lock.lock()
        defer { lock.unlock() }
        times[tokenHash] = max(times[tokenHash] ?? now, now)
        if now >= nextSweep || now < nextSweep - 60 {
            times = times.filter { now - $0.value < keepSeconds }
            nextSweep = now + 60
        }
    }

    /// The login ended (退出, expiry): it is forgotten.
    func forget(_ tokenHash: String) {
        lock.lock()
        defer { lock.unlock() }
        times[tokenHash] = nil
    }

    /// How many logins are remembered.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return times.count
    }
}
