import FundCore
@testable import FundStore
import GRDB
import Testing

/// The budget tables' records write their rows and read the same records back.
@Suite struct BudgetRecordTests {
    @Test func budgetRecords() throws {
        let book = try InMemoryBook()
        let (organization, counterpart) = try book.store.database.read { db in
            (try SQLiteStorage(db).organizationID("FED-01"), try SQLiteStorage(db).organizationID("CTY-01"))
        }
        try RecordRoundTripTests.roundTrip(BudgetRecord(id: 30, organizationID: organization, year: 2026, status: .draft, createdAt: "2026-01-05T08:00:00Z",
                                                        createdBy: "王芳"), in: book) { $0.filter(BudgetRecord.Columns.id == 30) }
        try RecordRoundTripTests.roundTrip(BudgetRecord(id: 31, organizationID: organization, year: 2027, status: .approved, document: "批1",
                                                        approvedAt: "2027-01-05T08:00:00Z", approvedBy: "李强", createdAt: "2027-01-04T08:00:00Z",
                                                        createdBy: "王芳"), in: book) { $0.filter(BudgetRecord.Columns.id == 31) }
        try RecordRoundTripTests.roundTrip(BudgetLineRecord(id: 50, budgetID: 30, position: 1, account: "50801", expenseType: .basic, project: "XB-1",
                                                            counterpartID: counterpart, amount: Money(fen: 30_000_00), note: "经费"),
                                           in: book) { $0.filter(BudgetLineRecord.Columns.id == 50) }
        try RecordRoundTripTests.roundTrip(BudgetLineRecord(id: 51, budgetID: 30, position: 2, account: "401", expenseType: nil, project: nil,
                                                            counterpartID: nil, amount: .zero, note: ""),
                                           in: book) { $0.filter(BudgetLineRecord.Columns.id == 51) }
        try RecordRoundTripTests.roundTrip(BudgetAdjustmentRecord(id: 60, budgetID: 31, number: 1, document: "调1", date: LocalDate(parsing: "2027-06-30")!,
                                                                  reason: "追加", createdAt: "2027-06-30T08:00:00Z", createdBy: "王芳"),
                                           in: book) { $0.filter(BudgetAdjustmentRecord.Columns.id == 60) }
        try RecordRoundTripTests.roundTrip(BudgetAdjustmentLineRecord(adjustmentID: 60, lineID: 50, delta: Money(fen: -500)), in: book) {
            $0.filter(BudgetAdjustmentLineRecord.Columns.adjustmentID == 60)
        }
    }
}
