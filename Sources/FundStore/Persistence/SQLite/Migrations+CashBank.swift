import GRDB

extension Migrations {
    /// Cash and bank.
    /// - `cash_control`: whether an organisation refuses a posting that would leave a bank
    ///   account (102) in credit (absent: it warns), set by an officer. Cash (101) in credit is
    ///   always refused; that needs no schema.
    /// - The cashier (出纳): `user_role` takes the role `cashier` (the table is rebuilt with its
    ///   rows as they were, since SQLite cannot widen a CHECK), and the preparer of a posted
    ///   voucher is an officer or a cashier of its organisation (Swift checks that a cashier's
    ///   voucher is a receipt or payment); the triggers naming `user_role` are made again over
    ///   the rebuilt table, the reviewer's as it was.
    /// - `cash_confirmation`: who confirmed a voucher's receipt or payment (出纳确认) and when, one
    ///   row per voucher, never changed or removed.
    /// The new tables are sealed in the organisation's event chain; they start empty.
    static func v10CashBank(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cash_control (
                organization_id INTEGER PRIMARY KEY REFERENCES organization(id),
                bank_credit TEXT NOT NULL CHECK (bank_credit IN ('warn', 'refuse')),
                set_at TEXT NOT NULL,
                set_by TEXT NOT NULL CHECK (length(trim(set_by)) > 0)
            );

            DROP TRIGGER voucher_post_preparer_officer;
            DROP TRIGGER voucher_post_reviewer_officer;
            CREATE TABLE user_role_v10 (
                user TEXT NOT NULL CHECK (length(trim(user)) > 0),
                role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'committee', 'superior', 'cashier')),
                organization_id INTEGER REFERENCES organization(id),
                granted_at TEXT NOT NULL,
                granted_by TEXT NOT NULL,
                CHECK (role <> 'admin' OR organization_id IS NULL)
            );
            INSERT INTO user_role_v10 (user, role, organization_id, granted_at, granted_by)
                SELECT user, role, organization_id, granted_at, granted_by FROM user_role ORDER BY rowid;
            DROP TABLE user_role;
            ALTER TABLE user_role_v10 RENAME TO user_role;
            CREATE UNIQUE INDEX user_role_unique ON user_role(user, role, ifnull(organization_id, 0));

            CREATE TRIGGER voucher_post_preparer_officer BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'reviewer') AND NOT EXISTS (
                SELECT 1 FROM user_role WHERE user = NEW.preparer AND role IN ('officer', 'cashier')
                AND (organization_id IS NULL OR organization_id = NEW.organization_id))
            BEGIN SELECT RAISE(ABORT, 'the preparer of a voucher is an officer (or, for a receipt or payment, the cashier) of its organisation'); END;

            CREATE TRIGGER voucher_post_reviewer_officer BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'preparer') AND NOT EXISTS (
                SELECT 1 FROM user_role WHERE user = NEW.reviewer AND role = 'officer'
                AND (organization_id IS NULL OR organization_id = NEW.organization_id))
            BEGIN SELECT RAISE(ABORT, 'the reviewer of a voucher is an officer of its organisation'); END;

            CREATE TABLE cash_confirmation (
                voucher_id INTEGER PRIMARY KEY REFERENCES voucher(id),
                cashier TEXT NOT NULL CHECK (length(trim(cashier)) > 0),
                confirmed_at TEXT NOT NULL
            );
            CREATE TRIGGER cash_confirmation_append_only_update BEFORE UPDATE ON cash_confirmation
            BEGIN SELECT RAISE(ABORT, 'a confirmed receipt or payment stays as it was confirmed'); END;
            CREATE TRIGGER cash_confirmation_append_only_delete BEFORE DELETE ON cash_confirmation
            BEGIN SELECT RAISE(ABORT, 'a confirmed receipt or payment stays as it was confirmed'); END;
            """)
    }
}
