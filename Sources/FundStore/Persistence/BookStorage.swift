/// The persistence seam: everything the services read and write, as typed operations inside the
/// one transaction a session opened (`Session.reading` and `Session.writing`).
///
/// Services see only this protocol, records (one per table, in `Records/`) and FundCore values;
/// every SQL statement and every SQLite particular (triggers, `GLOB`, `WITHOUT ROWID`, `PRAGMA`,
/// `INSERT OR IGNORE`) lives in the SQLite implementation, `SQLiteStorage`. A second engine is a
/// second implementation of these protocols, with its own dialect, and no service changes.
///
/// Each concept declares what it stores in a protocol of its own (`AccessStorage`,
/// `PeriodStorage`, ...), and the book's storage is all of them.
protocol BookStorage: AccessStorage, OrganizationStorage, PeriodStorage, VoucherStorage, PostingStorage, SealStorage, ImportStorage,
                     YearEndStorage, AssetStorage, SubsidyStorage, BudgetStorage,
                     CommitteeStorage, ReviewStorage, RollupStorage, LedgerStorage, VerifyStorage, SignerStorage,
                     DeskStorage, FormStorage, FederationStorage, OpeningStorage, PackStorage, AccountOpeningStorage, CashStorage {}
