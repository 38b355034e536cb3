/// When the desk lets a password be tried, and how long a login lasts: the decisions as pure
/// functions of the stored state and the time, so that the store only loads, asks and applies
/// (as `CarryForward` does for a year's close), and a test can move the clock.
///
/// Attempts are counted before the password is checked: each admitted attempt adds one failure,
/// which a success clears. Parallel guesses therefore cannot get past the limit: the sixth of six
/// simultaneous tries finds five counted and is refused.
public struct LoginPolicy: Hashable, Sendable {
    /// Failures in a row after which the user is locked.
    public var maxFailures: Int
    /// How long a lock lasts, in seconds.
    public var lockSeconds: Int64
    /// A login ends after this many seconds without a request.
    public var idleSeconds: Int64
    /// A login ends this many seconds after it began, however busy.
    public var absoluteSeconds: Int64
    /// A request refreshes the login's last-seen time only when it is older than this, so that
    /// reading pages does not write to the book on every request.
    public var touchSeconds: Int64

    /// A policy with the given limits; the defaults are the desk's.
    public init(maxFailures: Int = 5, lockSeconds: Int64 = 15 * 60, idleSeconds: Int64 = 30 * 60,
                absoluteSeconds: Int64 = 12 * 60 * 60, touchSeconds: Int64 = 15) {
        self.maxFailures = maxFailures
        self.lockSeconds = lockSeconds
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
        self.touchSeconds = touchSeconds
    }

    /// The desk's rules: 5 failures lock for 15 minutes; 30 minutes idle or 12 hours in all end a login.
    public static let standard = LoginPolicy()

    /// A user's failed attempts as the book keeps them. Times are seconds since 1970 (UTC).
    public struct Attempts: Hashable, Sendable {
        /// Attempts counted since the last success (an admitted try counts before it is judged).
        public var failures: Int
        /// Until when the user is locked, if locked.
        public var lockedUntil: Int64?

        /// Attempts as stored; none by default.
        public init(failures: Int = 0, lockedUntil: Int64? = nil) {
            self.failures = failures
            self.lockedUntil = lockedUntil
        }
    }

    /// Whether a password may be tried now, and the attempts to store before trying it.
    public enum Admission: Hashable, Sendable {
        /// Try the password; `Attempts` already counts this try as a failure.
        case admitted(Attempts)
        /// Locked: the password is not tried (the answer still takes a password check's time).
        case locked(Attempts)
    }

    /// The decision before a password is checked.
    public func admit(_ attempts: Attempts, now: Int64) -> Admission {
        var attempts = attempts
        if let until = attempts.lockedUntil {
            if now < until { return .locked(attempts) }
            attempts = Attempts()
        }
        if attempts.failures >= maxFailures {
            return .locked(Attempts(failures: attempts.failures, lockedUntil: now + lockSeconds))
        }
        attempts.failures += 1
        return .admitted(attempts)
    }

    /// The attempts after an admitted try failed: locked when it was the last one allowed.
    public func failed(_ attempts: Attempts, now: Int64) -> Attempts {
        guard attempts.failures >= maxFailures else { return attempts }
        return Attempts(failures: attempts.failures, lockedUntil: attempts.lockedUntil ?? now + lockSeconds)
    }

    /// What a stored login is worth at `now`.
    public enum Liveness: Hashable, Sendable {
        /// Still valid; `touch` says whether to store `now` as its last-seen time.
        case live(touch: Bool)
        /// Unused for longer than `idleSeconds`.
        case idle
        /// Begun longer ago than `absoluteSeconds`.
        case expired
    }

    /// Whether a login begun at `createdAt` and last used at `lastSeen` is still valid at `now`.
    public func liveness(createdAt: Int64, lastSeen: Int64, now: Int64) -> Liveness {
        if now - createdAt >= absoluteSeconds || now < createdAt { return .expired }
        if now - lastSeen >= idleSeconds { return .idle }
        return .live(touch: now - lastSeen >= touchSeconds)
    }
}
