import Foundation
import FundCore
@testable import FundStore
import FundTesting
import Testing

@Suite struct StoreSessionTests {
    @Test func sessionsOfOneStoreKeepTheirOwnUsers() throws {
        let book = try InMemoryBook()
        let first = book.session("王芳"), second = book.session("李强")
        #expect(first.user == "王芳" && second.user == "李强")
        let voucher = try book.post("2026-03-02", [("102", 300), ("401", -300)])
        #expect(voucher.draft.preparer == "王芳" && voucher.reviewer == "李强" && voucher.bookkeeper == "王芳")
        // Someone with no role is refused in their own name, whoever else shares the store.
        guard case let .notPermitted(user, _, _, _)? = bookError({ _ = try book.session("陌生人").vouchers.vouchers(organization: "FED-01") }) else {
            Issue.record("a stranger read the books"); return
        }
        #expect(user == "陌生人")
    }

    @Test func anAsyncCallerAwaitsASession() async throws {
        let book = try InMemoryBook()
        try book.post("2026-03-02", [("102", 300), ("401", -300)])
        let session = book.session("王芳")
        async let vouchers = session.perform { try $0.vouchers.vouchers(organization: "FED-01").count }
        async let months = session.perform { try $0.periods.closedPeriods(organization: "FED-01").count }
        let (voucherCount, monthCount) = try await (vouchers, months)
        #expect(voucherCount == 1 && monthCount == 0)
        await #expect(throws: BookError.self) { try await book.session("陌生人").perform { try $0.vouchers.vouchers(organization: "FED-01") } }
    }

    @Test func aPoolReadsBesideAWriter() async throws {
        let t = try TestBook()
        try t.post("FED-01", "2026-03-02", [("102", 300), ("401", -300)])
        let store = try Store.open(at: t.path, connections: .pool)
        let reader = store.session(as: "t")
        // Readers run while the writer holds its transaction open.
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let writer = Task.detached {
            try store.session(as: "t").write { _ in
                started.signal()
                release.wait()
            }
        }
        started.wait()
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await reader.perform { try $0.vouchers.vouchers(organization: "FED-01").count } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        release.signal()
        try await writer.value
        #expect(counts == [1, 1, 1, 1])
    }
}
