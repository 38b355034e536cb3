import Foundation
import FundCore
import FundStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FundDesk

/// What keeps the desk quick under many users without loosening a rule: idle time tracked in
/// memory with a rare write-back, blocking work on threads of its own, the server's time on
/// every answer.
@Suite("Desk speed")
struct DeskSpeedTests {
    /// The stored last-seen time is written at most every five minutes when the caller keeps the
    /// exact time, and idle time counts from the later of the two.
    @Test func idleTimeCountsFromWhatTheServerSawAndTheBookIsWrittenRarely() throws {
        let store = try Store.inMemory(administrator: "admin")
        try store.session(as: "admin").access.setDeskPassword(user: "admin", passwordHash: Passwords.hash("x-password-1", cost: 4))
        let logins = store.logins, t0: Int64 = 1_780_000_000, hash = String(repeating: "a", count: 64)
        try logins.succeeded(user: "admin", now: t0, tokenHash: hash, csrfToken: String(repeating: "k", count: 43))

        // Seen 4 minutes in: live (the book's time, fewer than five minutes old, is left as it is).
        #expect(try logins.resume(tokenHash: hash, now: t0 + 240, seen: t0 + 120) != nil)
        // 30 minutes after t0 but 26 after the server last saw it: live; the book is now written.
        #expect(try logins.resume(tokenHash: hash, now: t0 + 1800, seen: t0 + 240) != nil)
        // The book's time alone (a restarted server) keeps it live 29 minutes 59 seconds later...
        #expect(try logins.resume(tokenHash: hash, now: t0 + 1800 + 1799) != nil)
        // ...and not a second past 30 minutes of the last time anyone saw it.
        #expect(try logins.resume(tokenHash: hash, now: t0 + 1800 + 1799 + 1800, seen: t0 + 1800 + 1799) == nil)
        // Expired logins are deleted: not even a fresh time from memory brings it back.
        #expect(try logins.resume(tokenHash: hash, now: t0 + 1800 + 1799 + 1801, seen: t0 + 1800 + 1799 + 1800) == nil)
    }

    /// A time in memory never stretches a login past its 12 hours.
    @Test func memoryCannotStretchALogin() throws {
        let store = try Store.inMemory(administrator: "admin")
        try store.session(as: "admin").access.setDeskPassword(user: "admin", passwordHash: Passwords.hash("x-password-1", cost: 4))
        let logins = store.logins, t0: Int64 = 1_780_000_000
        let first = String(repeating: "b", count: 64), second = String(repeating: "c", count: 64)
        try logins.succeeded(user: "admin", now: t0, tokenHash: first, csrfToken: String(repeating: "k", count: 43))

        try logins.succeeded(user: "admin", now: t0, tokenHash: second, csrfToken: String(repeating: "k", count: 43))
        let twelveHours: Int64 = 12 * 3600
        #expect(try logins.resume(tokenHash: second, now: t0 + twelveHours - 1, seen: t0 + twelveHours - 60) != nil)
        #expect(try logins.resume(tokenHash: second, now: t0 + twelveHours, seen: t0 + twelveHours - 1) == nil)
    }

    /// On the desk, requests every four minutes keep a login (which the book alone, written at
    /// most every five minutes, would not show), and 30 idle minutes still end it.
    @Test func theDeskCountsIdleTimeFromTheLastRequest() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let browser = try await loggedIn(client, "王芳")
            // Eleven requests four minutes apart: the book's time was last written at the tenth
            // (at most every five minutes), so only the desk's memory knows of the eleventh.
            for _ in 0..<11 {
                fixture.clock.advance(4 * 60)
                #expect(try await browser.get(client, "/").status == .ok)
            }
            fixture.clock.advance(29 * 60 + 59)
            #expect(try await browser.get(client, "/").status == .ok)
            fixture.clock.advance(30 * 60)
            let idle = try await browser.get(client, "/")
            #expect(idle.status == .seeOther)
            #expect(idle.headers[.location] == "/login")
            // Ended for good: the next request is refused too, even right away.
            #expect(try await browser.get(client, "/").status == .seeOther)
        }
    }

    /// A login ended in the book (a new password, 退出 elsewhere) ends on the desk at once,
    /// whatever the desk remembers of it.
    @Test func aLoginEndedInTheBookEndsAtOnce() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let browser = try await loggedIn(client, "王芳")
            #expect(try await browser.get(client, "/").status == .ok)
            try fixture.store.session(as: "admin").access.setDeskPassword(user: "王芳", passwordHash: Passwords.hash("another-pass-9", cost: 4))
            #expect(try await browser.get(client, "/").status == .seeOther)
        }
    }

    /// Every answer carries the server's own time for it.
    @Test func answersCarryTheServerTime() async throws {
        let fixture = try DeskFixture()
        try await fixture.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            let timing = health.headers[HTTPField.Name("Server-Timing")!] ?? ""
            #expect(timing.hasPrefix("app;dur="))
            #expect(Double(timing.dropFirst("app;dur=".count)) != nil)
        }
    }

    /// More blocking jobs than the machine has cores all run at once: each waits until all have
    /// started, which a pool as narrow as the cores would never let happen. The test itself waits
    /// on its own thread, outside the pool, and never holds a thread of Swift's concurrency.
    @Test func workersRunBlockingJobsSideBySide() {
        let workers = Workers(name: "test", limit: 16)
        let count = 12
        let arrived = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        for _ in 0..<count {
            workers.submit {
                arrived.signal()
                if release.wait(timeout: .now() + 5) == .success { finished.signal() }
            }
        }
        var all = 0
        for _ in 0..<count where arrived.wait(timeout: .now() + 5) == .success { all += 1 }
        for _ in 0..<count { release.signal() }
        var done = 0
        for _ in 0..<count where finished.wait(timeout: .now() + 5) == .success { done += 1 }
        #expect(all == count)
        #expect(done == count)
        #expect(workers.started <= 16)
    }
}
