import GRDB

extension Migrations {
    /// The event chains and seal payload version 2.
    ///
    /// - `voucher_seal.payload_version`: the seals books got so far are version 1 (the text
    ///   payload); new seals are version 2 (`SealEncoding`), and `verify` reads each seal in its
    ///   own version.
    /// - `event`: one append-only, hash-chained log per organisation (and one for the book's own
    ///   administrator grants) of every change to a sealed table (`SealedTables`); no update, no
    ///   delete.
    /// - `seal_key`: the id of the key a book created with `init --key` is sealed with (never the
    ///   key); `voucher_seal.tag` and `event.tag` hold the HMAC-SHA256 tag of each hash under it.
    /// - Every row the sealed tables already hold is adopted: one `adopt` event each, by
    ///   "migration v4-event-chain", so that an upgraded book verifies clean and every later
    ///   change is checked against what the book held at the upgrade. The adoption reads the
    ///   rows with the sealed-table list as this migration was released; a table sealed later
    ///   is adopted by a migration of its own.
    static func v4EventChain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE voucher_seal ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1 CHECK (payload_version IN (1, 2));
            ALTER TABLE voucher_seal ADD COLUMN tag TEXT CHECK (tag IS NULL OR length(tag) = 64);

            CREATE TABLE seal_key (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                key_id TEXT NOT NULL CHECK (length(key_id) = 64),
                created_at TEXT NOT NULL
            );
            CREATE TRIGGER seal_key_immutable BEFORE UPDATE ON seal_key
            BEGIN SELECT RAISE(ABORT, 'the seal key of a book is never changed'); END;
            CREATE TRIGGER seal_key_undeletable BEFORE DELETE ON seal_key
            BEGIN SELECT RAISE(ABORT, 'the seal key of a book is never removed'); END;

            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER REFERENCES organization(id),
                seq INTEGER NOT NULL CHECK (seq >= 1),
                table_name TEXT NOT NULL,
                row_key BLOB NOT NULL,
                payload_version INTEGER NOT NULL CHECK (payload_version = 2),
                payload BLOB NOT NULL CHECK (typeof(payload) = 'blob'),
                previous TEXT NOT NULL CHECK (length(previous) = 64),
                hash TEXT NOT NULL CHECK (length(hash) = 64),
                tag TEXT CHECK (tag IS NULL OR length(tag) = 64)
            );
            CREATE UNIQUE INDEX event_chain ON event(ifnull(organization_id, 0), seq);
            CREATE INDEX event_row ON event(table_name, row_key);

            CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
            BEGIN SELECT RAISE(ABORT, 'an event of the event chain is never changed'); END;
            CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
            BEGIN SELECT RAISE(ABORT, 'an event of the event chain is never deleted'); END;
            """)
        try EventChain.adoptAll(db, by: "migration v4-event-chain", at: FrozenSealV1.now(), key: nil)
    }
}
