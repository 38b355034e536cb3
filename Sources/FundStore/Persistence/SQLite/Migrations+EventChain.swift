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
    /// - Every row the sealed tables already hold is adopted: one `adopt` event each, by
    ///   "migration v4-event-chain", so that an upgraded book verifies clean and every later
    ///   change is checked against what the book held at the upgrade. The adoption reads the
    ///   rows with the sealed-table list as this migration was released; a table sealed later
    ///   is adopted by a migration of its own.
    static func v4EventChain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE voucher_seal ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1 CHECK (payload_version IN (1, 2));

            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER REFERENCES organization(id),
                seq INTEGER NOT NULL CHECK (seq >= 1),
                payload_version INTEGER NOT NULL CHECK (payload_version = 2),
                payload BLOB NOT NULL CHECK (typeof(payload) = 'blob'),
                previous TEXT NOT NULL CHECK (length(previous) = 64),
                hash TEXT NOT NULL CHECK (length(hash) = 64)
            );
            CREATE UNIQUE INDEX event_chain ON event(ifnull(organization_id, 0), seq);

            CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
            BEGIN SELECT RAISE(ABORT, 'an event of the event chain is never changed'); END;
            CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
            BEGIN SELECT RAISE(ABORT, 'an event of the event chain is never deleted'); END;
            """)
        try EventChain.append(db, from: SealedSnapshot(), to: SealedSnapshot.read(db), by: "migration v4-event-chain",
                              at: FrozenSealV1.now(), adopting: true)
    }
}
