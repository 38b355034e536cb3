/// The book's queries and writes on SQLite, as functions of one open database inside the
/// transaction that a session began. Services call these; nothing outside FundStore does.
enum SQLiteBook {}
