import GRDB

extension Migrations {
    /// An import in one checked pass. Swift checks every voucher of an import with the rules
    /// every posting uses and inserts it as posted, with its lines and seal, instead of inserting
    /// a draft and updating it to posted; the database then checks the whole batch once, in the
    /// same transaction, with set-based queries (`SQLiteStorage.closeBulkImport`) instead of the
    /// per-row triggers.
    ///
    /// - `bulk_import_open`: the batch an import is writing, one row at most, inserted when its
    ///   transaction starts and deleted before it commits (a refused import rolls it back with
    ///   everything else), so a book at rest never holds a row. It remembers the highest voucher
    ///   and line ids before the batch, which bound what the set-based checks read.
    /// - `voucher_insert_not_posted`: a voucher is still inserted as a draft, except a voucher
    ///   of the open batch.
    /// - `voucher_line_insert_posted`: lines are still never added to a posted voucher, except to
    ///   a voucher of the open batch, which is inserted posted and then given its lines.
    /// - `voucher_line_red_ink`, `voucher_line_leaf`, `voucher_line_chart`: unchanged outside an
    ///   open batch; inside one the batch's checks cover every line inserted.
    ///
    /// The triggers that forbid changing or deleting posted vouchers, their lines and seals, the
    /// posting triggers of every other posting, and the triggers of the sealed events stay as
    /// they were.
    static func v14BulkImport(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE bulk_import_open (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                after_voucher_id INTEGER NOT NULL,
                after_line_id INTEGER NOT NULL
            );

            DROP TRIGGER voucher_insert_not_posted;
            CREATE TRIGGER voucher_insert_not_posted BEFORE INSERT ON voucher
            WHEN NEW.status = 'posted' AND NOT EXISTS (SELECT 1 FROM bulk_import_open WHERE batch_id = NEW.import_id)
            BEGIN SELECT RAISE(ABORT, 'a voucher is inserted as a draft and posted afterwards'); END;

            DROP TRIGGER voucher_line_insert_posted;
            CREATE TRIGGER voucher_line_insert_posted BEFORE INSERT ON voucher_line
            WHEN EXISTS (SELECT 1 FROM voucher v WHERE v.id = NEW.voucher_id AND v.status = 'posted'
                         AND NOT EXISTS (SELECT 1 FROM bulk_import_open b WHERE b.batch_id = v.import_id))
            BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be changed; correct it with a red-ink reversal'); END;

            DROP TRIGGER voucher_line_red_ink;
            CREATE TRIGGER voucher_line_red_ink BEFORE INSERT ON voucher_line
            WHEN NOT EXISTS (SELECT 1 FROM bulk_import_open)
             AND (NEW.amount < 0) <> ((SELECT reverses_id FROM voucher WHERE id = NEW.voucher_id) IS NOT NULL)
            BEGIN SELECT RAISE(ABORT, 'negative amounts belong to red-ink vouchers only'); END;

            DROP TRIGGER voucher_line_leaf;
            CREATE TRIGGER voucher_line_leaf BEFORE INSERT ON voucher_line
            WHEN NOT EXISTS (SELECT 1 FROM bulk_import_open)
             AND EXISTS (SELECT 1 FROM account c WHERE c.parent_id = NEW.account_id
                           AND (c.organization_id IS NULL
                                OR c.organization_id = (SELECT organization_id FROM voucher WHERE id = NEW.voucher_id)))
            BEGIN SELECT RAISE(ABORT, 'vouchers post to leaf accounts only'); END;

            DROP TRIGGER voucher_line_chart;
            CREATE TRIGGER voucher_line_chart BEFORE INSERT ON voucher_line
            WHEN NOT EXISTS (SELECT 1 FROM bulk_import_open)
             AND NOT EXISTS (SELECT 1 FROM account a JOIN voucher v ON v.id = NEW.voucher_id
                             JOIN organization o ON o.id = v.organization_id
                             WHERE a.id = NEW.account_id AND a.chart = o.chart
                               AND (a.organization_id IS NULL OR a.organization_id = o.id))
            BEGIN SELECT RAISE(ABORT, 'the account is not in the organisation''s chart'); END;
            """)
    }
}
