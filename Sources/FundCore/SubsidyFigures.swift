/// The money of a subsidy item as both books show it.
public struct SubsidyFigures: Hashable, Sendable {
    /// 50802 debits at the grantor toward the recipient for the item.
    public var disbursed: Int64 = 0
    /// 40302 credits at the recipient for the item.
    public var received: Int64 = 0
    /// The recipient's spending tagged with the item (closing vouchers left out).
    public var spent: Int64 = 0
    /// What settlement returned to the grantor.
    public var returned: Int64 = 0
    /// Spending tagged with the item on accounts outside its purpose.
    public var outsidePurpose: Int64 = 0
    /// The last date money moved on the item.
    public var lastActivity: LocalDate?

    public init() {}
    public var balance: Int64 { received - spent - returned }
}
