import GRDB

extension Migrations {
    /// 基本支出 by 人员经费 and 公用经费 (《工会会计制度》, 40401 and 331: "在'基本支出'明细科目下按照
    /// '人员经费'和'公用经费'进行明细核算"; docs/architecture.md, "Appropriations by class").
    ///
    /// - `voucher_line.basic_class`: 'personnel' (人员经费) or 'operating' (公用经费), NULL
    ///   otherwise; the CHECK lets it stand only beside 基本支出 (`expense_type = 'basic'`) and
    ///   without a project, the one place it means something (the store also keeps it to 40401
    ///   and 331 lines). Lines posted before keep NULL, and with it the seal payload they got.
    /// - `balance` gains the class in its key (`class`, '' when absent), so that 331 and 40401
    ///   keep their 人员经费 and 公用经费 apart as turnovers. SQLite cannot change a primary key in
    ///   place: the table is created anew, copied, the old one dropped and the new one renamed,
    ///   with any index or trigger that reads `balance` dropped before and recreated after
    ///   exactly as the book held it. Every copied row gets class ''.
    static func v15BasicClasses(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE voucher_line ADD COLUMN basic_class TEXT
                CHECK (basic_class IS NULL OR (basic_class IN ('personnel', 'operating') AND expense_type = 'basic' AND project IS NULL));
            """)
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'trigger' AND sql IS NOT NULL AND (tbl_name = 'balance' OR sql LIKE '% balance %' OR sql LIKE '% balance(%')
            ORDER BY name
            """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'balance' AND sql IS NOT NULL ORDER BY name
            """)
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger.name)\"") }
        try db.execute(sql: """
            CREATE TABLE balance_rebuilt (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                account_id INTEGER NOT NULL REFERENCES account(id),
                period INTEGER NOT NULL,
                project TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '',
                closing INTEGER NOT NULL DEFAULT 0 CHECK (closing IN (0, 1)),
                expense TEXT NOT NULL DEFAULT '',
                counterpart_id INTEGER NOT NULL DEFAULT 0,
                class TEXT NOT NULL DEFAULT '' CHECK (class IN ('', 'personnel', 'operating')),
                debit INTEGER NOT NULL CHECK (typeof(debit) = 'integer'),
                credit INTEGER NOT NULL CHECK (typeof(credit) = 'integer'),
                PRIMARY KEY (organization_id, period, account_id, project, source, closing, expense, counterpart_id, class)
            ) WITHOUT ROWID;
            INSERT INTO balance_rebuilt (organization_id, account_id, period, project, source, closing, expense, counterpart_id, class, debit, credit)
                SELECT organization_id, account_id, period, project, source, closing, expense, counterpart_id, '', debit, credit FROM balance;
            DROP TABLE balance;
            ALTER TABLE balance_rebuilt RENAME TO balance;
            """)
        for index in indexes { try db.execute(sql: index) }
        for trigger in triggers { try db.execute(sql: trigger.sql) }
    }
}
