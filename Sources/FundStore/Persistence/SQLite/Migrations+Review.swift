import GRDB

extension Migrations {
    /// Users and roles, review committees, audits with their findings and opinions, the work
    /// calendar, and the SHA-256 seal chain of posted vouchers. A book made before this
    /// migration gets its roles from its history (who set up organisations administers the
    /// book; who prepared, reviewed or kept an organisation's vouchers is its finance officer)
    /// and a seal for every voucher it had posted, in posting order, computed by `FrozenSealV1`
    /// (the seal as it was when this migration was released) rather than by the live seal code.
    static func v2Review(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE user_role (
                user TEXT NOT NULL CHECK (length(trim(user)) > 0),
                role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'committee', 'superior')),
                organization_id INTEGER REFERENCES organization(id),
                granted_at TEXT NOT NULL,
                granted_by TEXT NOT NULL,
                CHECK (role <> 'admin' OR organization_id IS NULL)
            );
            CREATE UNIQUE INDEX user_role_unique ON user_role(user, role, ifnull(organization_id, 0));

            CREATE TABLE access_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('refused', 'granted', 'revoked')),
                action TEXT NOT NULL,
                organization TEXT,
                detail TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE committee (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                elected TEXT NOT NULL CHECK (elected GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                term_years INTEGER NOT NULL CHECK (term_years IN (3, 5)),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                UNIQUE (organization_id, elected)
            );

            CREATE TABLE committee_member (
                committee_id INTEGER NOT NULL REFERENCES committee(id),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                office TEXT NOT NULL CHECK (office IN ('chair', 'vice-chair', 'member')),
                start TEXT NOT NULL,
                end TEXT CHECK (end IS NULL OR end >= start),
                PRIMARY KEY (committee_id, name)
            ) WITHOUT ROWID;

            CREATE TABLE audit_setting (
                organization_id INTEGER REFERENCES organization(id),
                key TEXT NOT NULL,
                value TEXT NOT NULL
            );
            CREATE UNIQUE INDEX audit_setting_key ON audit_setting(ifnull(organization_id, 0), key);

            CREATE TABLE calendar_day (
                date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
                name TEXT NOT NULL DEFAULT ''
            ) WITHOUT ROWID;

            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                year INTEGER NOT NULL,
                run_at TEXT NOT NULL,
                run_by TEXT NOT NULL,
                rules TEXT NOT NULL,
                vouchers INTEGER NOT NULL,
                seal_seq INTEGER NOT NULL,
                seal_hash TEXT NOT NULL
            );

            CREATE TABLE finding (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                year INTEGER NOT NULL,
                rule TEXT NOT NULL,
                key TEXT NOT NULL,
                severity TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
                amount INTEGER,
                text TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'resolved', 'accepted')),
                first_audit_id INTEGER NOT NULL REFERENCES audit(id),
                last_audit_id INTEGER NOT NULL REFERENCES audit(id),
                UNIQUE (organization_id, year, rule, key)
            );

            CREATE TABLE finding_voucher (
                finding_id INTEGER NOT NULL REFERENCES finding(id),
                voucher_id INTEGER NOT NULL,
                PRIMARY KEY (finding_id, voucher_id)
            ) WITHOUT ROWID;

            CREATE TABLE finding_event (
                id INTEGER PRIMARY KEY,
                finding_id INTEGER NOT NULL REFERENCES finding(id),
                audit_id INTEGER REFERENCES audit(id),
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('found', 'found-again', 'not-found', 'answered', 'resolved', 'accepted', 'reopened')),
                text TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE opinion (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                year INTEGER NOT NULL,
                committee_id INTEGER NOT NULL REFERENCES committee(id),
                audit_id INTEGER NOT NULL REFERENCES audit(id),
                text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                UNIQUE (organization_id, year)
            );

            CREATE TABLE opinion_signer (
                opinion_id INTEGER NOT NULL REFERENCES opinion(id),
                name TEXT NOT NULL,
                office TEXT NOT NULL,
                PRIMARY KEY (opinion_id, name)
            ) WITHOUT ROWID;

            CREATE TABLE voucher_seal (
                voucher_id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                previous TEXT NOT NULL CHECK (length(previous) = 64),
                hash TEXT NOT NULL CHECK (length(hash) = 64),
                UNIQUE (organization_id, seq)
            );

            CREATE TRIGGER voucher_seal_immutable BEFORE UPDATE ON voucher_seal
            BEGIN SELECT RAISE(ABORT, 'a voucher seal is never changed'); END;
            CREATE TRIGGER voucher_seal_undeletable BEFORE DELETE ON voucher_seal
            BEGIN SELECT RAISE(ABORT, 'a voucher seal is never deleted'); END;
            CREATE TRIGGER finding_event_append_only_update BEFORE UPDATE ON finding_event
            BEGIN SELECT RAISE(ABORT, 'the history of a finding is append-only'); END;
            CREATE TRIGGER finding_event_append_only_delete BEFORE DELETE ON finding_event
            BEGIN SELECT RAISE(ABORT, 'the history of a finding is append-only'); END;
            CREATE TRIGGER finding_undeletable BEFORE DELETE ON finding
            BEGIN SELECT RAISE(ABORT, 'findings are kept with their history'); END;
            CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'an audit is kept as it was run'); END;
            CREATE TRIGGER opinion_immutable BEFORE UPDATE ON opinion
            BEGIN SELECT RAISE(ABORT, 'a signed opinion is kept as it was recorded'); END;
            CREATE TRIGGER opinion_undeletable BEFORE DELETE ON opinion
            BEGIN SELECT RAISE(ABORT, 'a signed opinion is kept as it was recorded'); END;
            CREATE TRIGGER access_log_append_only BEFORE UPDATE ON access_log
            BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
            """)
        // From here on no application code: the time and the seals come from the frozen copy.
        let now = FrozenSealV1.now()
        try db.execute(sql: """
            INSERT OR IGNORE INTO user_role (user, role, organization_id, granted_at, granted_by)
            SELECT DISTINCT created_by, 'admin', NULL, ?, 'migration v2-review' FROM organization;
            INSERT OR IGNORE INTO user_role (user, role, organization_id, granted_at, granted_by)
            SELECT DISTINCT person, 'officer', organization_id, ?, 'migration v2-review' FROM (
                SELECT preparer AS person, organization_id FROM voucher
                UNION SELECT reviewer, organization_id FROM voucher WHERE reviewer IS NOT NULL
                UNION SELECT bookkeeper, organization_id FROM voucher WHERE bookkeeper IS NOT NULL
                UNION SELECT created_by, organization_id FROM budget
                UNION SELECT created_by, grantor_id FROM subsidy_item
                UNION SELECT closed_by, organization_id FROM period_close);
            """, arguments: [now, now])
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM voucher WHERE status = 'posted' ORDER BY posted_at, id")
        for id in ids { try FrozenSealV1.seal(db, voucherID: id) }
    }

    /// The gapless-numbering trigger asked for the highest number of a month among posted
    /// vouchers, which made SQLite scan the month's vouchers at every posting (quadratic in a
    /// month's vouchers: 100,000 vouchers of one union took minutes). A number is set exactly
    /// when a voucher is posted (a CHECK of v1), so asking among numbered vouchers is the same
    /// question, and the partial index on the numbers answers it in one probe.
    static func v3NumberingIndex(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER voucher_post_gapless;
            CREATE TRIGGER voucher_post_gapless BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM voucher
                     WHERE organization_id = NEW.organization_id AND period = NEW.period AND word = NEW.word
                       AND number IS NOT NULL)
            BEGIN SELECT RAISE(ABORT, 'voucher numbers run without gaps from 1 in each month'); END;
            """)
    }
}
