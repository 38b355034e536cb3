import GRDB

extension Migrations {
    /// The seed's own records of a federation (冀工办发〔2020〕43号 §II, §IV.1), each sealed by the
    /// event chain (`SealedTables`):
    ///
    /// - `federation_township`: the townships or streets a federation covers; one that spans
    ///   several may be supported by the county union directly.
    /// - `federation_term`: 换届 (a new term from its date, of 3 or 5 years) and approved
    ///   extensions (the term runs to its date, under its document).
    /// - `federation_member`: the federation's committee (委员会, its governing body, not the funds
    ///   review committee): each member with the union they come from, their post there, their
    ///   office, their dates, and the day they left the post they sit by.
    /// - `federation_exception`: a county union's approved exception (with its document) to
    ///   support a federation directly that meets neither condition.
    ///
    /// The tables are new and empty, so there is nothing to adopt into the chains.
    static func v11FederationRules(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE federation_township (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                township TEXT NOT NULL CHECK (length(township) BETWEEN 1 AND 60),
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, township)
            );

            CREATE TABLE federation_term (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                action TEXT NOT NULL CHECK (action IN ('re-election', 'extension')),
                date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                term_years INTEGER CHECK (term_years IS NULL OR term_years IN (3, 5)),
                document TEXT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                CHECK (action <> 're-election' OR term_years IS NOT NULL),
                CHECK (action <> 'extension' OR length(document) > 0)
            );

            CREATE TABLE federation_member (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                from_union TEXT NOT NULL CHECK (length(trim(from_union)) > 0),
                post TEXT NOT NULL CHECK (post IN ('union-chair', 'union-vice-chair', 'association-president',
                                                   'association-vice-president', 'worker')),
                office TEXT NOT NULL CHECK (office IN ('chair', 'vice-chair', 'member')),
                start TEXT NOT NULL,
                "end" TEXT,
                left_post TEXT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, name),
                CHECK (post NOT IN ('association-president', 'association-vice-president') OR office = 'member'),
                CHECK ("end" IS NULL OR "end" >= start)
            );

            CREATE TABLE federation_exception (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                grantor_id INTEGER NOT NULL REFERENCES organization(id),
                document TEXT NOT NULL CHECK (length(trim(document)) > 0),
                date TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, grantor_id)
            );
            """)
    }
}
