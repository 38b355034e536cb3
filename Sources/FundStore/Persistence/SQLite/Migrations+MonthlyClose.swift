import GRDB

extension Migrations {
    /// The forms the monthly close produces are signed (第六十四条 of the 2021 standard): who
    /// signs an organisation's forms as 法定代表人, 主管会计工作的负责人 and 会计机构负责人, one name
    /// per role, with who set it and when. The month's closing vouchers themselves need no
    /// schema: they are vouchers of kind `closing`.
    static func v8MonthlyClose(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE form_signer (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                role TEXT NOT NULL CHECK (role IN ('legal-representative', 'accounting-supervisor', 'accounting-head')),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                set_at TEXT NOT NULL,
                set_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, role)
            ) WITHOUT ROWID;
            """)
    }
}
