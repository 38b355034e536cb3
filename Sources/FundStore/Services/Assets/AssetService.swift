import FundCore
import GRDB

/// Fixed assets: the asset register, its import, and the month's depreciation voucher.
public struct AssetService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Adds a fixed asset to an organisation's register.
    public func addFixedAsset(_ asset: FixedAsset) throws {
        do throws(FixedAssetError) { try asset.validate() } catch { throw BookError.database(error.description) }
        try write { db in
            let organizationID = try SQLiteBook.organizationID(db, asset.organization)
            try authorize(db, .writeBooks, organization: asset.organization)
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM fixed_asset WHERE organization_id = ? AND code = ?",
                                arguments: [organizationID, asset.code])! > 0 {
                throw BookError.database("asset \(asset.code) is already in the register of \(asset.organization)")
            }
            try db.execute(sql: """
                INSERT INTO fixed_asset (organization_id, code, name, cost, life_months, acquired, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [organizationID, asset.code, asset.name, asset.cost.fen, asset.lifeMonths, asset.acquired.description, Store.now(), user])
        }
    }

    public func fixedAssets(organization: String) throws -> [FixedAsset] {
        try read { db in
            try authorize(db, .read, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            return try Row.fetchAll(db, sql: "SELECT * FROM fixed_asset WHERE organization_id = ? ORDER BY code", arguments: [organizationID]).map {
                FixedAsset(organization: organization, code: $0["code"], name: $0["name"], cost: Money(fen: $0["cost"]),
                           lifeMonths: $0["life_months"], acquired: LocalDate(parsing: $0["acquired"] as String)!)
            }
        }
    }

    /// Posts the month's depreciation (计提折旧) of every asset in the register that has not been
    /// depreciated for that month: Dr 301 资产基金 / Cr 163 累计折旧, one 163 line per asset.
    /// Returns the voucher, or nil when there is nothing to depreciate.
    public func depreciate(organization: String, period: Period) throws -> Voucher? {
        try write { db in
            try authorize(db, .writeBooks, organization: organization)
            let organizationID = try SQLiteBook.organizationID(db, organization)
            let chart = try SQLiteBook.chart(db, organization: organization).chart
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM fixed_asset a WHERE organization_id = ?
                  AND NOT EXISTS (SELECT 1 FROM depreciation d WHERE d.asset_id = a.id AND d.period = ?) ORDER BY code
                """, arguments: [organizationID, period.key])
            var lines: [VoucherLine] = []
            var charges: [(Int64, Int64)] = []
            var total: Int64 = 0
            for row in rows {
                let asset = FixedAsset(organization: organization, code: row["code"], name: row["name"], cost: Money(fen: row["cost"]),
                                       lifeMonths: row["life_months"], acquired: LocalDate(parsing: row["acquired"] as String)!)
                let amount = asset.depreciation(in: period)
                guard amount.fen > 0 else { continue }
                lines.append(VoucherLine(accountCode: "163", side: .credit, amount: amount, summary: "\(asset.code) \(asset.name)"))
                charges.append((row["id"], amount.fen))
                total += amount.fen
            }
            guard total > 0 else { return nil }
            let fund = VoucherLine(accountCode: AssetFund.fundAccount(for: "162", chart: chart), side: .debit, amount: Money(fen: total))
            let draft = VoucherDraft(organization: organization, date: period.lastDay, summary: "计提\(period.year)年\(period.month)月固定资产折旧",
                                     preparer: user, kind: .depreciation, lines: [fund] + lines)
            var context = PostingContext()
            let ref = try SQLiteBook.postGenerated(db, draft, context: &context, bookkeeper: user)
            let voucherID = try SQLiteBook.postedID(db, organizationID: organizationID, ref: ref)!
            for (assetID, amount) in charges {
                try db.execute(sql: "INSERT INTO depreciation (asset_id, period, voucher_id, amount) VALUES (?, ?, ?, ?)",
                               arguments: [assetID, period.key, voucherID, amount])
            }
            return try SQLiteBook.fetchVoucher(db, id: voucherID)
        }
    }

    /// Adds the fixed assets listed in a CSV file (org, code, name, cost, life_months, acquired;
    /// or 单位, 编号, 名称, 原值, 使用月数, 取得日期), all or nothing.
    @discardableResult
    public func importFixedAssets(path: String) throws -> Int {
        let (file, records) = try SQLiteBook.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first line names the columns org,code,name,cost,life_months,acquired")])
        }
        let aliases = ["单位": "org", "编号": "code", "名称": "name", "原值": "cost", "使用月数": "life_months", "取得日期": "acquired"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["org", "code", "name", "cost", "life_months", "acquired"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns org,code,name,cost,life_months,acquired")])
        }
        var errors: [InputError] = []
        var assets: [FixedAsset] = []
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) { values[name] = value }
            func fail(_ column: String, _ message: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: "bad-asset", message: message))
            }
            guard let cost = try? Money(parsing: values["cost"] ?? "") else { fail("cost", "\"\(values["cost"] ?? "")\" is not an amount"); continue }
            guard let life = Int(values["life_months"] ?? "") else { fail("life_months", "\"\(values["life_months"] ?? "")\" is not a number of months"); continue }
            guard let acquired = LocalDate(parsing: values["acquired"] ?? "") else { fail("acquired", "\"\(values["acquired"] ?? "")\" is not a date YYYY-MM-DD"); continue }
            let asset = FixedAsset(organization: values["org"] ?? "", code: values["code"] ?? "", name: values["name"] ?? "",
                                   cost: cost, lifeMonths: life, acquired: acquired)
            do throws(FixedAssetError) { try asset.validate() } catch { fail("code", error.description); continue }
            assets.append(asset)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        try write { db in
            for asset in assets {
                let organizationID = try SQLiteBook.organizationID(db, asset.organization)
                try authorize(db, .writeBooks, organization: asset.organization)
                try db.execute(sql: """
                    INSERT INTO fixed_asset (organization_id, code, name, cost, life_months, acquired, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [organizationID, asset.code, asset.name, asset.cost.fen, asset.lifeMonths, asset.acquired.description, Store.now(), user])
            }
        }
        return assets.count
    }
}

extension Session {
    /// This session's AssetService.
    public var assets: AssetService { AssetService(session: self) }
}
