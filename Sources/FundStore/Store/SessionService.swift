import FundCore

/// What every service of the store shares: the session it acts in. The forwarding below lets a
/// service read, write and check roles as its session's user without naming the session each
/// time; no service holds any state of its own.
protocol SessionService: Sendable {
    var session: Session { get }
}

extension SessionService {
    /// Who is acting.
    var user: String { session.user }

    /// Refuses a text that holds a control or bidirectional character (`TextRules`), naming
    /// its field; nil values are skipped.
    func checkText(_ fields: KeyValuePairs<String, String?>) throws {
        for (field, value) in fields {
            if let value, let scalar = TextRules.firstRefused(in: value) {
                throw BookError.textRefused(field: field, character: TextRules.name(scalar))
            }
        }
    }

    func reading<T>(_ body: (any BookStorage) throws -> T) throws -> T { try session.reading(body) }

    func writing<T>(_ body: (any BookStorage) throws -> T) throws -> T { try session.writing(body) }

    func authorize(_ storage: any BookStorage, _ action: Action, organization: String?) throws {
        try session.authorize(storage, action, organization: organization)
    }

    func authorizeTree(_ storage: any BookStorage, _ tree: RollupTree) throws { try session.authorizeTree(storage, tree) }

    func authorizeWholeBook(_ storage: any BookStorage) throws { try session.authorizeWholeBook(storage) }
}
