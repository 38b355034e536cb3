/// The county-and-above accounts a union on the grassroots chart may use: "基层工会依法开展的特殊
/// 业务可以按照县级以上工会会计科目进行会计处理" (MOF Q&A on the 2021 standard, domain notes §2.10).
/// A township union or federation that passes allocated funds down or subsidises lower unions
/// needs 132 应收下级经费, 212 应付下级经费 and 508 补助下级支出; no other county account.
extension Chart {
    /// The level-1 codes of the county chart a grassroots-chart union may open.
    public static let countyAccountsForGrassroots: Set<String> = ["132", "212", "508"]

    /// Whether `code` is one of the county accounts this chart opened (a level-1 account the
    /// grassroots chart does not prescribe, or a detail under one).
    public func isOpenedCountyAccount(_ code: String) -> Bool {
        kind == .grassroots && Chart.countyAccountsForGrassroots.contains(String(code.prefix(3))) && account(code) != nil
    }

    /// The county-chart accounts to add for `code` (a borrowable level-1 account or one of its
    /// prescribed details): the level-1 account and every prescribed detail this chart does not
    /// have yet, parents first, with the county chart's names, so that no balance is ever split
    /// between a parent and its details. Refused on the county chart itself, for any other
    /// account, and when every one of them is already open.
    public func countyAccountsToOpen(_ code: String) throws(ChartError) -> [Account] {
        guard AccountCode.isWellFormed(code) else { throw .malformedCode(code) }
        let levelOne = String(code.prefix(3))
        guard kind == .grassroots, Chart.countyAccountsForGrassroots.contains(levelOne) else {
            throw .countyAccountNotAllowed(code: code, chart: kind)
        }
        let county = Chart.standard(.county)
        let wanted = county.accounts.filter { $0.code.hasPrefix(levelOne) }
        guard wanted.contains(where: { $0.code == code }) else { throw .countyAccountNotAllowed(code: code, chart: kind) }
        let missing = wanted.filter { account($0.code) == nil }
        guard !missing.isEmpty else { throw .duplicate(code) }
        return missing.sorted { $0.code < $1.code }
    }
}
