import GRDB

extension Migrations {
    /// The month's pack sent up and received, and the committee's opinion signed member by member.
    ///
    /// - `pack_event`: a closed month's pack sent up (报送) by an officer, received (签收) or
    ///   returned with a reason (退回) by a superior, or superseded when the month is reopened
    ///   after it was sent. Append-only, and sealed in the organisation's event chain
    ///   (`SealedTables`), so `verify` names a changed or removed act. The table is new and
    ///   empty: there are no rows to adopt.
    /// - `opinion_draft` and `opinion_signature`: an opinion drafted by a committee member
    ///   (covered months, conclusion, text), and each member's signature, given in the member's
    ///   own login. A new draft of the same year replaces the old one and its signatures (a
    ///   signature is on a text); once enough members signed, the store records the opinion
    ///   (`opinion`, `opinion_signer`, sealed and kept as recorded), and the draft stays as
    ///   its source.
    static func v9PackReceipts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pack_event (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                period INTEGER NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('submit', 'receive', 'return', 'supersede')),
                at TEXT NOT NULL,
                by TEXT NOT NULL CHECK (length(trim(by)) > 0),
                reason TEXT,
                CHECK (action NOT IN ('return', 'supersede') OR length(trim(reason)) > 0)
            );
            CREATE INDEX pack_event_month ON pack_event(organization_id, period, id);
            CREATE TRIGGER pack_event_append_only_update BEFORE UPDATE ON pack_event
            BEGIN SELECT RAISE(ABORT, 'the acts on a pack are append-only'); END;
            CREATE TRIGGER pack_event_append_only_delete BEFORE DELETE ON pack_event
            BEGIN SELECT RAISE(ABORT, 'the acts on a pack are append-only'); END;

            CREATE TABLE opinion_draft (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                year INTEGER NOT NULL,
                through_month INTEGER NOT NULL CHECK (through_month BETWEEN 1 AND 12),
                conclusion TEXT NOT NULL CHECK (conclusion IN ('agree', 'qualified', 'disagree')),
                text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                drafted_at TEXT NOT NULL,
                drafted_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, year)
            ) WITHOUT ROWID;

            CREATE TABLE opinion_signature (
                organization_id INTEGER NOT NULL,
                year INTEGER NOT NULL,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                signed_at TEXT NOT NULL,
                PRIMARY KEY (organization_id, year, name),
                FOREIGN KEY (organization_id, year) REFERENCES opinion_draft(organization_id, year) ON DELETE CASCADE
            ) WITHOUT ROWID;
            """)
    }
}
