import GRDB

extension Migrations {
    /// Real people on every voucher: the book's second line of defence for `VoucherPeople`.
    /// A voucher posts only with a reviewer who is not its preparer, and both are officers of
    /// the voucher's organisation (`user_role`), unless the voucher marks them historical (an
    /// old book's history imported with `--historical`): the new column `historical` holds the
    /// duties such people held, and is sealed with the voucher. Vouchers posted before stay as
    /// they were; the triggers look at postings from now on.
    static func v5People(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE voucher ADD COLUMN historical TEXT
                CHECK (historical IS NULL OR historical IN ('preparer', 'reviewer', 'preparer reviewer'));

            CREATE TRIGGER voucher_post_reviewed BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND (NEW.reviewer IS NULL OR NEW.reviewer = NEW.preparer)
            BEGIN SELECT RAISE(ABORT, 'a voucher posts only once another person has reviewed it'); END;

            CREATE TRIGGER voucher_post_preparer_officer BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'reviewer') AND NOT EXISTS (
                SELECT 1 FROM user_role WHERE user = NEW.preparer AND role = 'officer'
                AND (organization_id IS NULL OR organization_id = NEW.organization_id))
            BEGIN SELECT RAISE(ABORT, 'the preparer of a voucher is an officer of its organisation'); END;

            CREATE TRIGGER voucher_post_reviewer_officer BEFORE UPDATE OF status ON voucher
            WHEN NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'preparer') AND NOT EXISTS (
                SELECT 1 FROM user_role WHERE user = NEW.reviewer AND role = 'officer'
                AND (organization_id IS NULL OR organization_id = NEW.organization_id))
            BEGIN SELECT RAISE(ABORT, 'the reviewer of a voucher is an officer of its organisation'); END;
            """)
    }
}
