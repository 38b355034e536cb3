import FundCore
@testable import FundStore
import GRDB
import Testing

/// The engine's failures as typed cases, with the texts and the rule the book always gave them.
@Suite struct StorageFailureTests {
    @Test func failuresKeepTheirTextsWithACategoryEach() {
        let full = BookError.storage(.diskFull)
        #expect(full.description == "the book refused the change: the disk is full; free some space and run the command again (nothing was written)")
        #expect(full.rule == "database" && full.category == .storage)
        let constraint = BookError.storage(.constraint(message: "a voucher seal is never changed"))
        #expect(constraint.description == "the book refused the change: a voucher seal is never changed")
        #expect(constraint.rule == "database" && constraint.category == .conflict)
        let engine = BookError.storage(.engine(code: 10, message: "disk I/O error"))
        #expect(engine.description == "the book refused the change: disk I/O error" && engine.category == .storage)
        let damaged = BookError.notABook(path: "x.sqlite", reason: .damaged(message: "file is not a database"))
        #expect(damaged.description == "x.sqlite is not a readable FundLedger book (file is not a database); restore it from a backup or point --book at the right file")
        #expect(damaged.rule == "not-a-book" && damaged.category == .storage)
    }

    @Test func sqlitesRefusalsMapToTheirCases() {
        #expect(Store.map(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), path: "b") .description
                == BookError.storage(.diskFull).description)
        guard case .storage(.constraint(let message)) = Store.map(DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "a signed opinion is kept as it was recorded"), path: "b") else {
            Issue.record("a constraint was not a constraint"); return
        }
        #expect(message == "a signed opinion is kept as it was recorded")
        guard case .storage(.engine(let code, let text)) = Store.map(DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error"), path: "b") else {
            Issue.record("an I/O error was not the engine's"); return
        }
        #expect(code == ResultCode.SQLITE_IOERR.rawValue && text == "disk I/O error")
        guard case .notABook(_, .damaged)? = Optional(Store.map(DatabaseError(resultCode: .SQLITE_NOTADB, message: "file is not a database"), path: "b")) else {
            Issue.record("a damaged file was not 'not a book'"); return
        }
    }

    @Test func aRefusalOfTheSchemaIsAConstraint() throws {
        let book = try InMemoryBook()
        let elected = LocalDate(parsing: "2026-01-01")!
        try book.admin.committees.addCommittee(Committee(organization: "FED-01", elected: elected, termYears: 5,
                                                         members: [CommitteeMember(name: "陈静", office: .chair, start: elected)]))
        // Past the service's own check, straight at the table's primary key.
        let error = bookError {
            try book.admin.writing { storage in
                let committee = try #require(try storage.committees(organizationID: try storage.organizationID("FED-01")).first?.id)
                try storage.insertCommitteeMember(CommitteeMemberRecord(committeeID: committee, name: "陈静", office: .member, start: elected))
            }
        }
        guard case .storage(.constraint)? = error else { Issue.record("a duplicate member was \(String(describing: error))"); return }
        #expect(error?.rule == "database" && error?.category == .conflict)
        #expect(error?.description.hasPrefix("the book refused the change: ") == true)
    }
}
