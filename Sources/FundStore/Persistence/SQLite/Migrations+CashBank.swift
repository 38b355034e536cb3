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
    /// - `bank_statement` and `bank_statement_line`: a bank statement imported for an
    ///   organisation's bank account (a leaf of 102), with its rows as the bank gave them (the
    ///   side: D received, C paid), never changed or removed; one file once per account.
    /// - `bank_match`: a statement row matched to a posted voucher line on the same account, by
    ///   the automatic match or by hand, with who and when; unmatching records who and when on
    ///   the row, which then stays as history (a row and a line are each in one live match).
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

            CREATE TABLE bank_statement (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                account_id INTEGER NOT NULL REFERENCES account(id),
                file TEXT NOT NULL,
                digest TEXT NOT NULL CHECK (length(digest) = 64),
                first_date TEXT NOT NULL,
                last_date TEXT NOT NULL CHECK (last_date >= first_date),
                opening INTEGER NOT NULL CHECK (typeof(opening) = 'integer'),
                closing INTEGER NOT NULL CHECK (typeof(closing) = 'integer'),
                rows INTEGER NOT NULL CHECK (rows >= 1),
                imported_at TEXT NOT NULL,
                imported_by TEXT NOT NULL CHECK (length(trim(imported_by)) > 0),
                UNIQUE (account_id, digest)
            );
            CREATE INDEX bank_statement_account ON bank_statement(organization_id, account_id, first_date);
            CREATE TABLE bank_statement_line (
                id INTEGER PRIMARY KEY,
                statement_id INTEGER NOT NULL REFERENCES bank_statement(id),
                position INTEGER NOT NULL CHECK (position >= 1),
                source_line INTEGER NOT NULL,
                date TEXT NOT NULL,
                summary TEXT NOT NULL,
                side TEXT NOT NULL CHECK (side IN ('D', 'C')),
                amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0),
                balance INTEGER NOT NULL CHECK (typeof(balance) = 'integer'),
                reference TEXT,
                UNIQUE (statement_id, position)
            );
            CREATE TABLE bank_match (
                id INTEGER PRIMARY KEY,
                statement_line_id INTEGER NOT NULL REFERENCES bank_statement_line(id),
                voucher_line_id INTEGER NOT NULL REFERENCES voucher_line(id),
                method TEXT NOT NULL CHECK (method IN ('auto', 'manual')),
                matched_at TEXT NOT NULL,
                matched_by TEXT NOT NULL CHECK (length(trim(matched_by)) > 0),
                unmatched_at TEXT,
                unmatched_by TEXT,
                CHECK ((unmatched_at IS NULL) = (unmatched_by IS NULL))
            );
            CREATE UNIQUE INDEX bank_match_live_statement_line ON bank_match(statement_line_id) WHERE unmatched_at IS NULL;
            CREATE UNIQUE INDEX bank_match_live_voucher_line ON bank_match(voucher_line_id) WHERE unmatched_at IS NULL;
            CREATE TRIGGER bank_statement_append_only_update BEFORE UPDATE ON bank_statement
            BEGIN SELECT RAISE(ABORT, 'an imported bank statement stays as the bank gave it'); END;
            CREATE TRIGGER bank_statement_append_only_delete BEFORE DELETE ON bank_statement
            BEGIN SELECT RAISE(ABORT, 'an imported bank statement stays as the bank gave it'); END;
            CREATE TRIGGER bank_statement_line_append_only_update BEFORE UPDATE ON bank_statement_line
            BEGIN SELECT RAISE(ABORT, 'an imported bank statement stays as the bank gave it'); END;
            CREATE TRIGGER bank_statement_line_append_only_delete BEFORE DELETE ON bank_statement_line
            BEGIN SELECT RAISE(ABORT, 'an imported bank statement stays as the bank gave it'); END;
            CREATE TRIGGER bank_match_delete BEFORE DELETE ON bank_match
            BEGIN SELECT RAISE(ABORT, 'a match is undone by recording who unmatched it, never removed'); END;
            CREATE TRIGGER bank_match_update BEFORE UPDATE ON bank_match
            WHEN OLD.unmatched_at IS NOT NULL OR NEW.unmatched_at IS NULL OR NEW.statement_line_id <> OLD.statement_line_id
              OR NEW.voucher_line_id <> OLD.voucher_line_id OR NEW.method <> OLD.method OR NEW.matched_at <> OLD.matched_at
              OR NEW.matched_by <> OLD.matched_by
            BEGIN SELECT RAISE(ABORT, 'a match is only ever undone, once'); END;
            """)
    }
}
