import GRDB

/// The book's schema as frozen, named migrations. A migration that has landed is never edited;
/// changes come as new migrations appended at the end.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-book", migrate: v1Book)
        migrator.registerMigration("v2-review", migrate: v2Review)
        migrator.registerMigration("v3-numbering-index", migrate: v3NumberingIndex)
        migrator.registerMigration("v4-event-chain", migrate: v4EventChain)
        migrator.registerMigration("v5-people", migrate: v5People)
        migrator.registerMigration("v6-voucher-ids", migrate: v6VoucherIDs)
        migrator.registerMigration("v8-monthly-close", migrate: v8MonthlyClose)
        migrator.registerMigration("v7-desk", migrate: v7Desk)
        migrator.registerMigration("v9-pack-receipts", migrate: v9PackReceipts)
        migrator.registerMigration("v11-federation-rules", migrate: v11FederationRules)
        migrator.registerMigration("v12-opening-assets", migrate: v12OpeningAssets)
        migrator.registerMigration("v13-county-accounts", migrate: v13CountyAccounts)
        migrator.registerMigration("v14-bulk-import", migrate: v14BulkImport)
        migrator.registerMigration("v10-cash-bank", migrate: v10CashBank)
        migrator.registerMigration("v15-year-aggregates", migrate: v15YearAggregates)
        migrator.registerMigration("v15-basic-classes", migrate: v15BasicClasses)
        return migrator
    }

    /// Organisations, accounts, vouchers and lines, turnover balances, period closing.
    /// Every invariant the Swift code checks is checked here a second time.
    static func v1Book(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE organization (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                level TEXT NOT NULL CHECK (level IN ('county', 'township', 'federation', 'grassroots')),
                parent_id INTEGER REFERENCES organization(id),
                chart TEXT NOT NULL CHECK (chart IN ('grassroots', 'county')),
                independent INTEGER NOT NULL CHECK (independent IN (0, 1)),
                term_years INTEGER CHECK (term_years IN (3, 5)),
                term_start TEXT CHECK (term_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                budget_control TEXT NOT NULL DEFAULT 'warn' CHECK (budget_control IN ('warn', 'refuse')),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                CHECK (parent_id IS NULL OR parent_id <> id),
                CHECK ((term_years IS NULL) = (term_start IS NULL))
            );
            CREATE INDEX organization_parent ON organization(parent_id);

            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                chart TEXT NOT NULL CHECK (chart IN ('grassroots', 'county')),
                organization_id INTEGER REFERENCES organization(id),
                code TEXT NOT NULL CHECK (length(code) IN (3, 5, 7, 9) AND code NOT GLOB '*[^0-9]*'),
                name TEXT NOT NULL CHECK (length(name) > 0),
                parent_id INTEGER REFERENCES account(id),
                CHECK ((parent_id IS NULL) = (length(code) = 3)),
                CHECK (organization_id IS NULL OR parent_id IS NOT NULL)
            );
            CREATE UNIQUE INDEX account_code ON account(chart, ifnull(organization_id, 0), code);
            CREATE INDEX account_parent ON account(parent_id);

            CREATE TABLE import_batch (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                imported_by TEXT NOT NULL,
                voucher_count INTEGER NOT NULL
            );

            CREATE TABLE voucher (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                period INTEGER NOT NULL,
                word TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 4),
                number INTEGER CHECK (number >= 1),
                summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),
                attachments INTEGER NOT NULL CHECK (attachments >= 0),
                preparer TEXT NOT NULL CHECK (length(preparer) > 0),
                reviewer TEXT CHECK (reviewer IS NULL OR reviewer <> preparer),
                bookkeeper TEXT,
                status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'posted')),
                kind TEXT NOT NULL DEFAULT 'entry' CHECK (kind IN ('entry', 'closing', 'depreciation')),
                reverses_id INTEGER UNIQUE REFERENCES voucher(id),
                import_id INTEGER REFERENCES import_batch(id),
                created_at TEXT NOT NULL,
                posted_at TEXT,
                CHECK (period = CAST(substr(date, 1, 4) AS INTEGER) * 100 + CAST(substr(date, 6, 2) AS INTEGER)),
                CHECK (status = 'draft' OR reviewer IS NOT NULL OR import_id IS NOT NULL OR kind <> 'entry'),
                CHECK ((status = 'posted') = (number IS NOT NULL AND bookkeeper IS NOT NULL AND posted_at IS NOT NULL)),
                CHECK (reverses_id IS NULL OR reverses_id <> id)
            );
            CREATE UNIQUE INDEX voucher_number ON voucher(organization_id, period, word, number) WHERE number IS NOT NULL;
            CREATE INDEX voucher_period ON voucher(organization_id, period, status);

            CREATE TABLE voucher_line (
                id INTEGER PRIMARY KEY,
                voucher_id INTEGER NOT NULL REFERENCES voucher(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 1),
                account_id INTEGER NOT NULL REFERENCES account(id),
                side TEXT NOT NULL CHECK (side IN ('D', 'C')),
                amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount <> 0),
                summary TEXT NOT NULL DEFAULT '',
                project TEXT,
                expense_type TEXT CHECK (expense_type IN ('basic', 'project')),
                econ TEXT,
                counterpart_id INTEGER REFERENCES organization(id),
                fund_source TEXT CHECK (fund_source IN ('appropriation', 'union')),
                UNIQUE (voucher_id, position)
            );
            CREATE INDEX voucher_line_account ON voucher_line(account_id);

            CREATE TABLE balance (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                account_id INTEGER NOT NULL REFERENCES account(id),
                period INTEGER NOT NULL,
                project TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '',
                closing INTEGER NOT NULL DEFAULT 0 CHECK (closing IN (0, 1)),
                expense TEXT NOT NULL DEFAULT '',
                counterpart_id INTEGER NOT NULL DEFAULT 0,
                debit INTEGER NOT NULL CHECK (typeof(debit) = 'integer'),
                credit INTEGER NOT NULL CHECK (typeof(credit) = 'integer'),
                PRIMARY KEY (organization_id, period, account_id, project, source, closing, expense, counterpart_id)
            ) WITHOUT ROWID;

            CREATE TABLE budget (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
                status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
                document TEXT,
                approved_at TEXT,
                approved_by TEXT,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                UNIQUE (organization_id, year),
                CHECK ((status = 'approved') = (document IS NOT NULL AND approved_at IS NOT NULL AND approved_by IS NOT NULL))
            );

            CREATE TABLE budget_line (
                id INTEGER PRIMARY KEY,
                budget_id INTEGER NOT NULL REFERENCES budget(id),
                position INTEGER NOT NULL,
                account TEXT NOT NULL CHECK (length(account) IN (3, 5, 7, 9)),
                expense TEXT NOT NULL DEFAULT '' CHECK (expense IN ('', 'basic', 'project')),
                project TEXT NOT NULL DEFAULT '',
                counterpart_id INTEGER REFERENCES organization(id),
                amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
                note TEXT NOT NULL DEFAULT '',
                UNIQUE (budget_id, account, expense, project, counterpart_id)
            );

            CREATE TABLE budget_adjustment (
                id INTEGER PRIMARY KEY,
                budget_id INTEGER NOT NULL REFERENCES budget(id),
                number INTEGER NOT NULL CHECK (number >= 1),
                document TEXT NOT NULL CHECK (length(trim(document)) > 0),
                date TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                UNIQUE (budget_id, number)
            );

            CREATE TABLE budget_adjustment_line (
                adjustment_id INTEGER NOT NULL REFERENCES budget_adjustment(id),
                line_id INTEGER NOT NULL REFERENCES budget_line(id),
                delta INTEGER NOT NULL CHECK (typeof(delta) = 'integer' AND delta <> 0),
                PRIMARY KEY (adjustment_id, line_id)
            ) WITHOUT ROWID;

            CREATE TABLE period_close (
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                period INTEGER NOT NULL,
                closed_at TEXT NOT NULL,
                closed_by TEXT NOT NULL,
                PRIMARY KEY (organization_id, period)
            ) WITHOUT ROWID;

            CREATE TABLE fixed_asset (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
                name TEXT NOT NULL CHECK (length(name) > 0),
                cost INTEGER NOT NULL CHECK (typeof(cost) = 'integer' AND cost > 0),
                life_months INTEGER NOT NULL CHECK (life_months BETWEEN 1 AND 1200),
                acquired TEXT NOT NULL CHECK (acquired GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                UNIQUE (organization_id, code)
            );

            CREATE TABLE depreciation (
                asset_id INTEGER NOT NULL REFERENCES fixed_asset(id),
                period INTEGER NOT NULL,
                voucher_id INTEGER NOT NULL REFERENCES voucher(id),
                amount INTEGER NOT NULL CHECK (amount > 0),
                PRIMARY KEY (asset_id, period)
            ) WITHOUT ROWID;

            CREATE TABLE subsidy_item (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
                grantor_id INTEGER NOT NULL REFERENCES organization(id),
                recipient_id INTEGER NOT NULL REFERENCES organization(id),
                title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                purpose TEXT NOT NULL,
                accounts TEXT NOT NULL CHECK (length(accounts) >= 3),
                approved INTEGER NOT NULL CHECK (typeof(approved) = 'integer' AND approved > 0),
                document TEXT,
                document_date TEXT,
                window_start TEXT NOT NULL,
                deadline TEXT NOT NULL CHECK (deadline >= window_start),
                status TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'disbursed', 'settled')),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                CHECK (grantor_id <> recipient_id),
                CHECK (status = 'applied' OR (document IS NOT NULL AND document_date IS NOT NULL))
            );

            CREATE TABLE subsidy_log (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES subsidy_item(id),
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE subsidy_voucher (
                item_id INTEGER NOT NULL REFERENCES subsidy_item(id),
                voucher_id INTEGER NOT NULL REFERENCES voucher(id),
                role TEXT NOT NULL CHECK (role IN ('disburse', 'return')),
                side TEXT NOT NULL CHECK (side IN ('grantor', 'recipient')),
                PRIMARY KEY (item_id, voucher_id)
            ) WITHOUT ROWID;

            CREATE TABLE period_log (
                id INTEGER PRIMARY KEY,
                organization_id INTEGER NOT NULL REFERENCES organization(id),
                period INTEGER NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('close', 'reopen', 'close-year', 'reopen-year')),
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                reason TEXT,
                CHECK (action IN ('close', 'close-year') OR length(trim(reason)) > 0)
            );
            """)
        try db.execute(sql: triggers)
    }

    /// Second line of defence: the database itself refuses what the Swift code must never do.
    static let triggers = """
        CREATE TRIGGER voucher_insert_not_posted BEFORE INSERT ON voucher WHEN NEW.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a voucher is inserted as a draft and posted afterwards'); END;

        CREATE TRIGGER voucher_posted_immutable BEFORE UPDATE ON voucher WHEN OLD.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be changed; correct it with a red-ink reversal'); END;

        CREATE TRIGGER voucher_posted_undeletable BEFORE DELETE ON voucher WHEN OLD.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be deleted; correct it with a red-ink reversal'); END;

        CREATE TRIGGER voucher_post_balanced BEFORE UPDATE OF status ON voucher
        WHEN NEW.status = 'posted' AND (SELECT coalesce(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0)
                                        FROM voucher_line WHERE voucher_id = NEW.id) <> 0
        BEGIN SELECT RAISE(ABORT, 'the voucher does not balance: debits must equal credits'); END;

        CREATE TRIGGER voucher_post_lines BEFORE UPDATE OF status ON voucher
        WHEN NEW.status = 'posted' AND (SELECT count(*) FROM voucher_line WHERE voucher_id = NEW.id) < 2
        BEGIN SELECT RAISE(ABORT, 'a voucher needs at least two lines'); END;

        CREATE TRIGGER voucher_post_open_period BEFORE UPDATE OF status ON voucher
        WHEN NEW.status = 'posted' AND EXISTS (SELECT 1 FROM period_close
                                               WHERE organization_id = NEW.organization_id AND period = NEW.period)
        BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;

        CREATE TRIGGER voucher_post_gapless BEFORE UPDATE OF status ON voucher
        WHEN NEW.status = 'posted' AND NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM voucher
                 WHERE organization_id = NEW.organization_id AND period = NEW.period AND word = NEW.word
                   AND status = 'posted')
        BEGIN SELECT RAISE(ABORT, 'voucher numbers run without gaps from 1 in each month'); END;

        CREATE TRIGGER voucher_line_insert_posted BEFORE INSERT ON voucher_line
        WHEN (SELECT status FROM voucher WHERE id = NEW.voucher_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be changed; correct it with a red-ink reversal'); END;

        CREATE TRIGGER voucher_line_update_posted BEFORE UPDATE ON voucher_line
        WHEN (SELECT status FROM voucher WHERE id = OLD.voucher_id) = 'posted'
          OR (SELECT status FROM voucher WHERE id = NEW.voucher_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be changed; correct it with a red-ink reversal'); END;

        CREATE TRIGGER voucher_line_delete_posted BEFORE DELETE ON voucher_line
        WHEN (SELECT status FROM voucher WHERE id = OLD.voucher_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a posted voucher cannot be changed; correct it with a red-ink reversal'); END;

        CREATE TRIGGER voucher_line_red_ink BEFORE INSERT ON voucher_line
        WHEN (NEW.amount < 0) <> ((SELECT reverses_id FROM voucher WHERE id = NEW.voucher_id) IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'negative amounts belong to red-ink vouchers only'); END;

        CREATE TRIGGER voucher_line_leaf BEFORE INSERT ON voucher_line
        WHEN EXISTS (SELECT 1 FROM account c WHERE c.parent_id = NEW.account_id
                       AND (c.organization_id IS NULL
                            OR c.organization_id = (SELECT organization_id FROM voucher WHERE id = NEW.voucher_id)))
        BEGIN SELECT RAISE(ABORT, 'vouchers post to leaf accounts only'); END;

        CREATE TRIGGER voucher_line_chart BEFORE INSERT ON voucher_line
        WHEN NOT EXISTS (SELECT 1 FROM account a JOIN voucher v ON v.id = NEW.voucher_id
                         JOIN organization o ON o.id = v.organization_id
                         WHERE a.id = NEW.account_id AND a.chart = o.chart
                           AND (a.organization_id IS NULL OR a.organization_id = o.id))
        BEGIN SELECT RAISE(ABORT, 'the account is not in the organisation''s chart'); END;

        CREATE TRIGGER account_detail_unused_parent BEFORE INSERT ON account
        WHEN NEW.organization_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id
            WHERE l.account_id = NEW.parent_id AND v.organization_id = NEW.organization_id)
        BEGIN SELECT RAISE(ABORT, 'the parent account already has postings'); END;

        CREATE TRIGGER budget_line_approved_immutable BEFORE UPDATE ON budget_line
        WHEN (SELECT status FROM budget WHERE id = OLD.budget_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved budget changes only through a numbered adjustment'); END;

        CREATE TRIGGER budget_line_approved_undeletable BEFORE DELETE ON budget_line
        WHEN (SELECT status FROM budget WHERE id = OLD.budget_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved budget changes only through a numbered adjustment'); END;

        CREATE TRIGGER budget_approved_stays BEFORE UPDATE ON budget
        WHEN OLD.status = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved budget changes only through a numbered adjustment'); END;

        CREATE TRIGGER budget_adjustment_append_only BEFORE UPDATE ON budget_adjustment
        BEGIN SELECT RAISE(ABORT, 'budget adjustments are kept as they were made'); END;

        CREATE TRIGGER budget_adjustment_undeletable BEFORE DELETE ON budget_adjustment
        BEGIN SELECT RAISE(ABORT, 'budget adjustments are kept as they were made'); END;

        CREATE TRIGGER subsidy_log_append_only_update BEFORE UPDATE ON subsidy_log
        BEGIN SELECT RAISE(ABORT, 'the subsidy log is append-only'); END;

        CREATE TRIGGER subsidy_log_append_only_delete BEFORE DELETE ON subsidy_log
        BEGIN SELECT RAISE(ABORT, 'the subsidy log is append-only'); END;

        CREATE TRIGGER subsidy_settled_stays BEFORE UPDATE ON subsidy_item WHEN OLD.status = 'settled'
        BEGIN SELECT RAISE(ABORT, 'a settled subsidy item takes no more changes'); END;

        CREATE TRIGGER period_log_append_only_update BEFORE UPDATE ON period_log
        BEGIN SELECT RAISE(ABORT, 'the period log is append-only'); END;

        CREATE TRIGGER period_log_append_only_delete BEFORE DELETE ON period_log
        BEGIN SELECT RAISE(ABORT, 'the period log is append-only'); END;
        """
}
