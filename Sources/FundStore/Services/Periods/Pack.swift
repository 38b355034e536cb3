import FundCore

/// An act on a closed month's pack (月报), as `pack_event` stores it.
public enum PackAction: String, Sendable, CaseIterable {
    /// 报送: an officer sends the closed month up.
    case submit
    /// 签收: a superior receives it.
    case receive
    /// 退回: a superior returns it, with a reason.
    case `return`
    /// The month was reopened after the pack was sent: what was sent no longer stands.
    case supersede

    /// The act as people name it.
    public var chinese: String {
        switch self {
        case .submit: "报送"
        case .receive: "签收"
        case .return: "退回"
        case .supersede: "反结账作废"
        }
    }
}

/// Where a month's pack stands after its last act.
public enum PackStatus: String, Sendable, CaseIterable {
    /// Sent up, not yet received or returned.
    case sent
    /// Received by a superior.
    case received
    /// Returned by a superior; the officer corrects the month and sends it again.
    case returned
    /// Sent, then the month was reopened: it is to be closed and sent again.
    case superseded

    /// The status that `action` leaves.
    public init(after action: PackAction) {
        switch action {
        case .submit: self = .sent
        case .receive: self = .received
        case .return: self = .returned
        case .supersede: self = .superseded
        }
    }

    /// The status as people name it.
    public var chinese: String {
        switch self {
        case .sent: "已报送待签收"
        case .received: "已签收"
        case .returned: "已退回"
        case .superseded: "已作废（报送后反结账）"
        }
    }

    /// Whether the month may be sent (again) in this status.
    public var maySend: Bool { self == .returned || self == .superseded }
}

/// One act on a pack, with who did it and when (UTC, as stored).
public struct PackEvent: Hashable, Sendable {
    public let action: PackAction
    public let at: String
    public let by: String
    public let reason: String?
}

/// A month's pack of one organisation: its status and every act on it, oldest first.
public struct PackState: Hashable, Sendable {
    public let organization: String
    public let period: Period
    public let events: [PackEvent]

    /// The status after the last act (a state has at least one act).
    public var status: PackStatus { PackStatus(after: events.last?.action ?? .submit) }
    /// The last time the month was sent.
    public var lastSent: PackEvent? { events.last { $0.action == .submit } }
    /// The last act.
    public var last: PackEvent? { events.last }
}
