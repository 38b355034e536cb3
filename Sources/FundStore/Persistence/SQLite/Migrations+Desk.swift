import GRDB

extension Migrations {
    /// The desk's logins: a bcrypt hash per user with the failed attempts that lock it, and the
    /// server-side sessions of logged-in users (the SHA-256 of each session's random id, never
    /// the id itself, so a copy of the book opens no session). Failures and locks live in the
    /// book so that restarting the server does not clear them.
    static func v7Desk(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE desk_credential (
                user TEXT PRIMARY KEY CHECK (length(trim(user)) > 0),
                password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$[0-9][0-9]$*' AND length(password_hash) = 60),
                failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                locked_until INTEGER,
                set_at TEXT NOT NULL,
                set_by TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE desk_session (
                token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
                user TEXT NOT NULL REFERENCES desk_credential(user) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
                created_at INTEGER NOT NULL,
                last_seen INTEGER NOT NULL,
                CHECK (last_seen >= created_at)
            ) WITHOUT ROWID;
            CREATE INDEX desk_session_user ON desk_session(user);
            """)
    }
}
