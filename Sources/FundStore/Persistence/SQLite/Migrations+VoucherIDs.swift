import GRDB

extension Migrations {
    /// Voucher ids are never handed out twice. SQLite gives a new row the largest id plus one, so
    /// deleting the newest draft freed its id for the next voucher, and `#12` in an old note or
    /// message then named another voucher. The book now keeps the highest id it ever gave
    /// (`voucher_id_high`); a new voucher takes the next one, and an insert at or below it is
    /// refused by the database as well.
    static func v6VoucherIDs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE voucher_id_high (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                high INTEGER NOT NULL CHECK (high >= 0)
            );
            INSERT INTO voucher_id_high (singleton, high) SELECT 1, ifnull(max(id), 0) FROM voucher;
            CREATE TRIGGER voucher_id_never_reused AFTER INSERT ON voucher
            BEGIN
                SELECT RAISE(ABORT, 'voucher ids are never reused') WHERE NEW.id <= (SELECT high FROM voucher_id_high);
                UPDATE voucher_id_high SET high = NEW.id;
            END;
            """)
    }
}
