import GRDB

extension Migrations {
    /// The turnovers of each organisation's year, beside the monthly `balance` aggregate, so that
    /// the roll-up of a province reads about one row per member and account instead of one per
    /// member, account and month (issue 17).
    ///
    /// - `year_balance`: per organisation, account, project, counterpart, year and whether the
    ///   turnover comes from closing vouchers (期末结转), the debits and the credits of the year:
    ///   the `balance` rows of the year with the dimensions the roll-up does not read (fund
    ///   source, expense type, month) added together. A balance at the end of year Y is the sum of
    ///   the rows of the years up to Y; the year's activity is its rows that are not closing.
    ///   The one posting path (`PostingContext.flush`) adds to it in the transaction that adds to
    ///   `balance`; `verify` recomputes it from the posted lines.
    /// - It is back-filled here from the `balance` rows the book holds, so an upgraded book reads
    ///   the same figures as one that kept the table from its first voucher.
    ///
    /// The key leads with the organisation, the account, the project and the counterpart, and ends
    /// with the year, so that a roll-up's grouping of the years up to one follows the key.
    static func v15YearAggregates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE year_balance (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                account_id INTEGER NOT NULL REFERENCES account(id),
                project TEXT NOT NULL DEFAULT '',
                counterpart_id INTEGER NOT NULL DEFAULT 0,
                year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
                closing INTEGER NOT NULL DEFAULT 0 CHECK (closing IN (0, 1)),
                debit INTEGER NOT NULL CHECK (typeof(debit) = 'integer'),
                credit INTEGER NOT NULL CHECK (typeof(credit) = 'integer'),
                PRIMARY KEY (organization_id, account_id, project, counterpart_id, year, closing)
            ) WITHOUT ROWID;

            INSERT INTO year_balance (organization_id, account_id, project, counterpart_id, year, closing, debit, credit)
            SELECT organization_id, account_id, project, counterpart_id, period / 100, closing, sum(debit), sum(credit)
            FROM balance
            GROUP BY organization_id, account_id, project, counterpart_id, period / 100, closing;
            """)
    }
}
