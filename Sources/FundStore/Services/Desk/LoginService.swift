import FundCore

/// The desk's logins over the book: which passwords may be tried, the sessions of logged-in
/// users, and their end. Reached as `store.logins`, before anyone is logged in: it decides who
/// the request's `Session` will act as, and so acts as nobody itself.
///
/// Passwords are checked by the caller against the bcrypt hash this service hands out (the
/// store never sees a password); every decision is `LoginPolicy`'s, and every change is one
/// transaction, so two servers or two requests on one book count the same failures.
public struct LoginService: Sendable {
    let store: Store
    /// The limits applied: failures before a lock, the lock's length, idle and absolute expiry.
    public let policy: LoginPolicy

    init(store: Store, policy: LoginPolicy) {
        self.store = store
        self.policy = policy
    }

    /// A session of nobody, for the transactions of logging in (it holds no role).
    private var nobody: Session { store.session(as: "") }

    /// What a login attempt may do: check the password against `passwordHash` when `admitted`.
    /// An unknown user has no hash and a locked one is not admitted; the caller checks a dummy
    /// hash then, so that neither answers faster than a wrong password.
    public struct Attempt: Hashable, Sendable {
        /// The user's bcrypt hash, when the user has a password.
        public let passwordHash: String?
        /// Whether the password may be tried (false: unknown user or locked).
        public let admitted: Bool
    }

    /// Counts an attempt of `user` at `now` (seconds since 1970) before its password is checked.
    public func begin(user: String, now: Int64) throws -> Attempt {
        let user = PersonName.normalized(user)
        return try nobody.writing { storage in
            guard let credential = try storage.deskCredential(user: user) else { return Attempt(passwordHash: nil, admitted: false) }
            switch policy.admit(credential.attempts, now: now) {
            case let .admitted(attempts):
                try storage.updateDeskAttempts(user: user, attempts)
                return Attempt(passwordHash: credential.passwordHash, admitted: true)
            case let .locked(attempts):
                if attempts != credential.attempts { try storage.updateDeskAttempts(user: user, attempts) }
                return Attempt(passwordHash: nil, admitted: false)
            }
        }
    }

    /// The admitted attempt failed: locks the user when it was the last one allowed.
    public func failed(user: String, now: Int64) throws {
        let user = PersonName.normalized(user)
        try nobody.writing { storage in
            guard let credential = try storage.deskCredential(user: user) else { return }
            let attempts = policy.failed(credential.attempts, now: now)
            if attempts != credential.attempts { try storage.updateDeskAttempts(user: user, attempts) }
        }
    }

    /// The admitted attempt of a second person confirming an act with a password (the reviewer
    /// of a closing voucher at the first person's desk) succeeded: clears the failures, starts
    /// no session.
    public func confirmed(user: String) throws {
        let user = PersonName.normalized(user)
        try nobody.writing { storage in
            guard let credential = try storage.deskCredential(user: user), credential.attempts != LoginPolicy.Attempts() else { return }
            try storage.updateDeskAttempts(user: user, LoginPolicy.Attempts())
        }
    }

    /// The admitted attempt succeeded: clears the failures and stores a new session under the
    /// SHA-256 (hex) of its id, with its CSRF token. Sessions past their time are cleared too.
    public func succeeded(user: String, now: Int64, tokenHash: String, csrfToken: String) throws {
        let user = PersonName.normalized(user)
        try nobody.writing { storage in
            try storage.updateDeskAttempts(user: user, LoginPolicy.Attempts())
            try storage.deleteStaleDeskSessions(idleBefore: now - policy.idleSeconds, createdBefore: now - policy.absoluteSeconds)
            try storage.insertDeskSession(DeskSessionRecord(tokenHash: tokenHash, user: user, csrfToken: csrfToken, createdAt: now, lastSeen: now))
        }
    }

    /// How stale the stored last-seen time of a login may grow when the caller keeps the exact
    /// time in memory (`resume(tokenHash:now:seen:)`): a server reading pages then writes a
    /// login's time at most every five minutes instead of taking the book's one write lock for
    /// every few requests. A server that restarts (or another one on the same book) sees a time
    /// at most this much too early, so a login can only end early by as much, never late.
    public static let storedSeenSeconds: Int64 = 5 * 60

    /// The login whose id hashes to `tokenHash`, if it is still valid at `now`; a login past
    /// its time is deleted. The login is read from the book on every call, so a login ended
    /// elsewhere (退出, a lock, a new password) ends here at once.
    ///
    /// `seen` is when the caller last let this login through, if it keeps that in memory: idle
    /// time counts from the later of it and the stored time, and the stored time is refreshed
    /// only when it is `storedSeenSeconds` old. Without `seen` the stored time is refreshed at
    /// most every `LoginPolicy.touchSeconds`.
    public func resume(tokenHash: String, now: Int64, seen: Int64? = nil) throws -> DeskLogin? {
        let found = try nobody.reading { storage in try storage.deskSession(tokenHash: tokenHash) }
        guard let found else { return nil }
        // A time from memory counts only up to now: a clock set back cannot stretch a login.
        let lastSeen = max(found.lastSeen, min(seen ?? found.lastSeen, now))
        switch policy.liveness(createdAt: found.createdAt, lastSeen: lastSeen, now: now) {
        case .idle, .expired:
            try nobody.writing { storage in try storage.deleteDeskSession(tokenHash: tokenHash) }
            return nil
        case let .live(touch):
            let write = seen == nil ? touch : now - found.lastSeen >= Self.storedSeenSeconds
            if write { try nobody.writing { storage in try storage.touchDeskSession(tokenHash: tokenHash, at: now) } }
            return DeskLogin(user: found.user, csrfToken: found.csrfToken, createdAt: found.createdAt)
        }
    }

    /// Ends the login whose id hashes to `tokenHash` (退出).
    public func end(tokenHash: String) throws {
        try nobody.writing { storage in try storage.deleteDeskSession(tokenHash: tokenHash) }
    }
}

/// A valid login of the desk: who is acting and the token its forms must carry.
public struct DeskLogin: Hashable, Sendable {
    /// Who logged in: the store session of each request acts as this user.
    public let user: String
    /// The synchronizer token every form of this login carries.
    public let csrfToken: String
    /// When the login began (seconds since 1970), for its 12 hours.
    public let createdAt: Int64
}

extension Store {
    /// The desk's logins, under the standard `LoginPolicy`.
    public var logins: LoginService { LoginService(store: self, policy: .standard) }

    /// The desk's logins under `policy` (tests shorten nothing; they move the clock).
    public func logins(policy: LoginPolicy) -> LoginService { LoginService(store: self, policy: policy) }
}
