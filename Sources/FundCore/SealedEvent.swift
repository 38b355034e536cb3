/// What an event of the event chain did to a sealed row.
public enum SealedEventAction: String, Sendable, CaseIterable {
    /// The program inserted the row.
    case insert
    /// The program changed the row; the event holds its new content.
    case update
    /// The program deleted the row (a revocation, a member removed); the event holds no content.
    case delete
    /// The row was in the book when the event chain began (migration v4-event-chain) and was
    /// taken into the chain as it stood.
    case adopt
}

/// One event of an organisation's event chain: a fact a reviewer relies on (a period close, a
/// budget line, a role grant, a committee member, a finding, ...) as the program wrote it, with
/// who and when. Replaying an organisation's events in order gives the rows its sealed tables
/// must hold, so a row inserted, deleted or changed behind the program's back is named.
public struct SealedEvent: Hashable, Sendable {
    /// The organisation's code, or nil for the book's own chain (administrator grants).
    public var organization: String?
    /// The place in the chain, from 1.
    public var seq: Int64
    /// When the event was written (UTC, ISO 8601 to the second).
    public var at: String
    /// Who wrote it: the acting user, or the migration that adopted the row.
    public var by: String
    /// The sealed table the row belongs to.
    public var table: String
    public var action: SealedEventAction
    /// The row's key, typed (`SealField`), in the table's key column order.
    public var key: [SealField]
    /// The row's other columns, typed, in the table's content column order; empty for a deletion.
    public var content: [SealField]

    /// An event of a chain.
    public init(organization: String?, seq: Int64, at: String, by: String, table: String, action: SealedEventAction,
                key: [SealField], content: [SealField]) {
        self.organization = organization
        self.seq = seq
        self.at = at
        self.by = by
        self.table = table
        self.action = action
        self.key = key
        self.content = content
    }

    /// The event's canonical payload (version 2): a header group (organisation, sequence number,
    /// time, user, table, action), the key group and the content group.
    public var payload: [UInt8] {
        SealEncoding.encode(kind: .event, [[SealField(organization), .integer(seq), .text(at), .text(by), .text(table), .text(action.rawValue)],
                                           key, content])
    }

    /// The event a payload holds; nil when the bytes are no event payload.
    public init?(payload: [UInt8]) {
        guard let decoded = try? SealEncoding.decode(payload), decoded.kind == .event else { return nil }
        let groups = decoded.groups
        guard groups.count == 3,
              groups[0].count == 6,
              case let .integer(seq) = groups[0][1], case let .text(at) = groups[0][2], case let .text(by) = groups[0][3],
              case let .text(table) = groups[0][4], case let .text(actionText) = groups[0][5],
              let action = SealedEventAction(rawValue: actionText) else { return nil }
        let organization: String?
        switch groups[0][0] {
        case .absent: organization = nil
        case let .text(code): organization = code
        default: return nil
        }
        self.init(organization: organization, seq: seq, at: at, by: by, table: table, action: action, key: groups[1], content: groups[2])
    }
}
