import GRDB

extension Migrations {
    /// County accounts on the grassroots chart (domain notes §2.10): a union on the grassroots
    /// chart may open 132, 212 and 508 of the county chart, with their details, for the business
    /// its chart lacks (passing the lower unions' share down, subsidising lower unions).
    ///
    /// - `account` is rebuilt: v1 allowed an organisation's own account only below a standard
    ///   one (`organization_id IS NULL OR parent_id IS NOT NULL`), which forbids an organisation's
    ///   own level-1 account. The new table keeps every other check and allows an organisation's
    ///   level-1 account only for 132, 212 and 508 on the grassroots chart. SQLite cannot change
    ///   a CHECK in place: the table is created anew, copied with its row ids, the old one
    ///   dropped and the new one renamed, with the indexes and the triggers that read `account`
    ///   dropped before and recreated after exactly as the book held them. The migrator runs this
    ///   in its transaction with foreign keys checked once at the end.
    /// - `account_opening`: each opening, with the code asked for, the business given as its
    ///   reason, who opened it and when. A recorded fact: never changed or removed; sealed in the
    ///   organisation's event chain from its first row.
    static func v13CountyAccounts(_ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND sql IS NOT NULL AND (tbl_name = 'account' OR sql LIKE '%account%')
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'account' AND sql IS NOT NULL ORDER BY name
            """)
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger.name)\"") }
        try db.execute(sql: """
            CREATE TABLE account_rebuilt (
                id INTEGER PRIMARY KEY,
                chart TEXT NOT NULL CHECK (chart IN ('grassroots', 'county')),
                organization_id INTEGER REFERENCES organization(id),
                code TEXT NOT NULL CHECK (length(code) IN (3, 5, 7, 9) AND code NOT GLOB '*[^0-9]*'),
                name TEXT NOT NULL CHECK (length(name) > 0),
                parent_id INTEGER REFERENCES account(id),
                CHECK ((parent_id IS NULL) = (length(code) = 3)),
                CHECK (organization_id IS NULL OR parent_id IS NOT NULL
                       OR (chart = 'grassroots' AND code IN ('132', '212', '508')))
            );
            INSERT INTO account_rebuilt (id, chart, organization_id, code, name, parent_id)
                SELECT id, chart, organization_id, code, name, parent_id FROM account ORDER BY id;
            DROP TABLE account;
            ALTER TABLE account_rebuilt RENAME TO account;
            """)
        for index in indexes { try db.execute(sql: index) }
        for trigger in triggers { try db.execute(sql: trigger.sql) }
        try db.execute(sql: """
            CREATE TABLE account_opening (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                code TEXT NOT NULL CHECK (length(code) IN (3, 5) AND substr(code, 1, 3) IN ('132', '212', '508')),
                reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
                opened_at TEXT NOT NULL,
                opened_by TEXT NOT NULL CHECK (length(opened_by) > 0),
                UNIQUE (organization_id, code)
            );
            CREATE TRIGGER account_opening_grassroots BEFORE INSERT ON account_opening
            WHEN (SELECT chart FROM organization WHERE id = NEW.organization_id) IS NOT 'grassroots'
            BEGIN SELECT RAISE(ABORT, 'only a union on the grassroots chart opens county accounts'); END;
            CREATE TRIGGER account_opening_no_update BEFORE UPDATE ON account_opening
            BEGIN SELECT RAISE(ABORT, 'an account opening is a recorded fact'); END;
            CREATE TRIGGER account_opening_no_delete BEFORE DELETE ON account_opening
            BEGIN SELECT RAISE(ABORT, 'an account opening is a recorded fact'); END;
            """)
    }
}
