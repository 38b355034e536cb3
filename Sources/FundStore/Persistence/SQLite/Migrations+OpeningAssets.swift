import GRDB

extension Migrations {
    /// 建账 and the fixed assets' classes and acts.
    ///
    /// - `book_opening`: an organisation's opening (one at most), its first period and its
    ///   opening voucher (word 建, dated in the month before the first period). Never changed
    ///   or removed once written.
    /// - `fixed_asset_class`: the class of a card (固定资产分类), which fixes its minimum life and
    ///   whether it is depreciated; cards made before have none.
    /// - `fixed_asset_act`: 盘盈, 报废, 出售 and 盘亏 of a card, each with the voucher that put it
    ///   on 182 待处理财产损溢, the value waiting there, and the voucher that settled it against
    ///   301 once approved. A card is disposed of once; the acts are never removed.
    ///
    /// The three tables are new and empty, so their events start with their first rows.
    static func v12OpeningAssets(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE book_opening (
                organization_id INTEGER PRIMARY KEY REFERENCES organization(id),
                first_period INTEGER NOT NULL CHECK (first_period % 100 BETWEEN 1 AND 12 AND first_period BETWEEN 190001 AND 999912),
                voucher_id INTEGER NOT NULL UNIQUE REFERENCES voucher(id),
                opened_at TEXT NOT NULL,
                opened_by TEXT NOT NULL
            );
            CREATE TRIGGER book_opening_immutable BEFORE UPDATE ON book_opening
            BEGIN SELECT RAISE(ABORT, 'an opening is never changed'); END;
            CREATE TRIGGER book_opening_undeletable BEFORE DELETE ON book_opening
            BEGIN SELECT RAISE(ABORT, 'an opening is never removed'); END;

            CREATE TABLE fixed_asset_class (
                asset_id INTEGER PRIMARY KEY REFERENCES fixed_asset(id),
                class TEXT NOT NULL CHECK (class IN (
                    'building-concrete', 'building-brick', 'building-simple', 'building-ancillary', 'structure', 'computer',
                    'office-equipment', 'vehicle', 'archive-equipment', 'machinery', 'electrical', 'communication', 'broadcasting',
                    'instrument', 'food-textile', 'medical', 'safety-environment', 'culture-sports', 'furniture', 'fixtures',
                    'land', 'relics', 'books-archives', 'nominal'))
            );

            CREATE TABLE fixed_asset_act (
                asset_id INTEGER NOT NULL REFERENCES fixed_asset(id),
                act TEXT NOT NULL CHECK (act IN ('surplus', 'scrap', 'sale', 'loss')),
                date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                period INTEGER NOT NULL,
                voucher_id INTEGER NOT NULL REFERENCES voucher(id),
                pending INTEGER NOT NULL CHECK (typeof(pending) = 'integer' AND pending >= 0),
                settled_voucher_id INTEGER REFERENCES voucher(id),
                settled_on TEXT CHECK (settled_on IS NULL OR settled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                PRIMARY KEY (asset_id, act)
            ) WITHOUT ROWID;
            CREATE UNIQUE INDEX fixed_asset_disposed_once ON fixed_asset_act(asset_id) WHERE act <> 'surplus';
            CREATE TRIGGER fixed_asset_act_undeletable BEFORE DELETE ON fixed_asset_act
            BEGIN SELECT RAISE(ABORT, 'an asset act is never removed'); END;
            CREATE TRIGGER fixed_asset_act_settled_once BEFORE UPDATE ON fixed_asset_act
            WHEN OLD.settled_on IS NOT NULL OR NEW.asset_id <> OLD.asset_id OR NEW.act <> OLD.act OR NEW.voucher_id <> OLD.voucher_id
              OR NEW.pending <> OLD.pending OR NEW.date <> OLD.date
            BEGIN SELECT RAISE(ABORT, 'an asset act is settled once and otherwise never changed'); END;
            """)
    }
}
