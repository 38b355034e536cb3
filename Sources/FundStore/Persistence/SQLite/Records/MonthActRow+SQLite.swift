import FundCore
import GRDB

/// A row of a log of acts on an organisation's months (`period_log`: 结账 and 反结账;
/// `pack_event`: 报送, 签收, 退回): who did what to which month, when and why. The logs share
/// their columns and differ only in the acts they record, so they share one mapping.
protocol MonthActRow: FetchableRecord, PersistableRecord {
    associatedtype Action: RawRepresentable where Action.RawValue == String
    var id: Int64? { get }
    var organizationID: Int64 { get }
    var period: Period { get }
    var action: Action { get }
    var at: String { get }
    var by: String { get }
    var reason: String? { get }
    init(id: Int64?, organizationID: Int64, period: Period, action: Action, at: String, by: String, reason: String?)
}

/// The columns of a month-act log.
enum MonthActColumns {
    static let id = Column("id")
    static let organizationID = Column("organization_id")
    static let period = Column("period")
    static let action = Column("action")
    static let at = Column("at")
    static let by = Column("by")
    static let reason = Column("reason")
}

extension MonthActRow {
    typealias Columns = MonthActColumns

    init(row: Row) throws {
        self.init(id: row[Columns.id], organizationID: row[Columns.organizationID],
                  period: try row.storedPeriod(Columns.period, in: Self.databaseTableName),
                  action: try row.stored(Columns.action, in: Self.databaseTableName),
                  at: row[Columns.at], by: row[Columns.by], reason: row[Columns.reason])
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.organizationID] = organizationID
        container[Columns.period] = period.key
        container[Columns.action] = action.rawValue
        container[Columns.at] = at
        container[Columns.by] = by
        container[Columns.reason] = reason
    }
}
