import Foundation
import FundCore

/// What an import did, or would do under `--dry-run`.
public struct ImportSummary: Sendable {
    /// Vouchers posted.
    public var vouchers = 0
    /// Lines of those vouchers.
    public var lines = 0
    /// Vouchers posted per organisation code.
    public var byOrganization: [String: Int] = [:]
    /// Whether nothing was kept (`--dry-run`).
    public var dryRun = false
}

