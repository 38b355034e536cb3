import Foundation
import FundCore
import GRDB

/// What an import did, or would do under `--dry-run`.
public struct ImportSummary: Sendable {
    public var vouchers = 0
    public var lines = 0
    public var byOrganization: [String: Int] = [:]
    public var dryRun = false
}
