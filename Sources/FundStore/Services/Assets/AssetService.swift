import FundCore

/// Fixed assets: the asset register, its import, and the month's depreciation voucher.
public struct AssetService: SessionService {
    public let session: Session

    init(session: Session) { self.session = session }

    /// Adds a fixed asset to an organisation's register. An asset that breaks the register's
    /// rules (its life below its class's minimum among them) is refused as
    /// `BookError.fixedAsset`, a code already in the register as `BookError.duplicateAsset`.
    public func addFixedAsset(_ asset: FixedAsset) throws {
        do throws(FixedAssetError) { try asset.validate() } catch { throw BookError.fixedAsset(error) }
        try checkText(["the asset code": asset.code, "the asset name": asset.name])
        try writing { storage in
            try insertCard(storage, asset)
        }
    }

    /// Inserts a checked card (and its class) into the register; returns its row id.
    @discardableResult
    func insertCard(_ storage: any BookStorage, _ asset: FixedAsset) throws -> Int64 {
        let organizationID = try storage.organizationID(asset.organization)
        try authorize(storage, .writeBooks, organization: asset.organization)
        if try storage.fixedAssetExists(organizationID: organizationID, code: asset.code) {
            throw BookError.duplicateAsset(organization: asset.organization, code: asset.code)
        }
        let id = try storage.insertFixedAsset(FixedAssetRecord(asset: asset, organizationID: organizationID, createdAt: Store.now(), createdBy: user))
        if let assetClass = asset.assetClass {
            try storage.insertFixedAssetClass(FixedAssetClassRecord(assetID: id, assetClass: assetClass))
        }
        return id
    }

    /// The organisation's register, by code, for listing and for reports.
    public func fixedAssets(organization: String) throws -> [FixedAsset] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let classes = try storage.fixedAssetClasses(organizationID: organizationID)
            return try storage.fixedAssets(organizationID: organizationID).map { record in
                var asset = record.asset(organization: organization)
                asset.assetClass = record.id.flatMap { classes[$0] }
                return asset
            }
        }
    }

    /// The acts (盘盈, 报废, 出售, 盘亏) of each card of the organisation's register, by the card's
    /// code, oldest first; a card with none is not listed.
    public func fixedAssetActs(organization: String) throws -> [String: [AssetActEntry]] {
        try reading { storage in
            try authorize(storage, .read, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let acts = try storage.fixedAssetActs(organizationID: organizationID)
            var result: [String: [AssetActEntry]] = [:]
            for record in try storage.fixedAssets(organizationID: organizationID) {
                guard let id = record.id, let entries = acts[id] else { continue }
                result[record.code] = entries.map { AssetActEntry(act: $0.act, date: $0.date, pending: $0.pending, settledOn: $0.settledOn) }
            }
            return result
        }
    }

    /// Posts the month's depreciation (计提折旧) of every asset in the register that has not been
    /// depreciated for that month: Dr 301 资产基金 / Cr 163 累计折旧, one 163 line per asset, as
    /// `Depreciation.plan` decides it. Returns the voucher, or nil when there is nothing to
    /// depreciate. The acting user prepares the voucher and `reviewer`, another officer of the
    /// organisation, reviews it.
    public func depreciate(organization: String, period: Period, reviewer: String) throws -> Voucher? {
        let reviewer = PersonName.normalized(reviewer)
        return try writing { storage in
            try authorize(storage, .writeBooks, organization: organization)
            let organizationID = try storage.organizationID(organization)
            let chart = try storage.chartOfAccounts(organization: organization)
            let records = try storage.fixedAssetsNotDepreciated(organizationID: organizationID, period: period.key)
            let classes = try storage.fixedAssetClasses(organizationID: organizationID)
            let assets = records.map { record in
                var asset = record.asset(organization: organization)
                asset.assetClass = record.id.flatMap { classes[$0] }
                return asset
            }
            guard let plan = Depreciation.plan(organization: organization, period: period, assets: assets,
                                               chart: chart, preparer: user) else { return nil }
            let voucher = try storage.postGenerated(plan.draft, reviewer: reviewer, bookkeeper: user)
            let assetIDs = Dictionary(records.compactMap { record in record.id.map { (record.code, $0) } }, uniquingKeysWith: { first, _ in first })
            for charge in plan.charges {
                guard let assetID = assetIDs[charge.assetCode] else {
                    throw BookError.storedValueInvalid(table: FixedAssetRecord.databaseTableName, column: "id", value: "NULL", row: "code " + charge.assetCode)
                }
                try storage.insertDepreciation(DepreciationRecord(assetID: assetID, period: period, voucherID: voucher.id, amount: charge.amount))
            }
            return voucher
        }
    }

    /// Adds the fixed assets listed in a CSV file (org, code, name, cost, life_months, acquired;
    /// or 单位, 编号, 名称, 原值, 使用月数, 取得日期; optionally class or 分类), all or nothing.
    @discardableResult
    public func importFixedAssets(path: String) throws -> Int {
        let (file, records) = try ImportFiles.readCSVRecords(path: path)
        guard let header = records.first else {
            throw InputErrors([InputError(file: file, line: 0, rule: "empty-file", message: "the file is empty; the first line names the columns org,code,name,cost,life_months,acquired",
                                          chinese: "文件为空；第一行应写列名 org,code,name,cost,life_months,acquired（或 单位,编号,名称,原值,使用月数,取得日期）")])
        }
        let aliases = ["单位": "org", "编号": "code", "名称": "name", "原值": "cost", "使用月数": "life_months", "取得日期": "acquired", "分类": "class"]
        let columns = header.fields.map { aliases[$0] ?? $0.lowercased() }
        for required in ["org", "code", "name", "cost", "life_months", "acquired"] where !columns.contains(required) {
            throw InputErrors([InputError(file: file, line: header.line, column: required, rule: "missing-column",
                                          message: "the header has no column \(required); name the columns org,code,name,cost,life_months,acquired",
                                          chinese: "表头没有 \(required) 列；列名应为 org,code,name,cost,life_months,acquired（或 单位,编号,名称,原值,使用月数,取得日期）")])
        }
        var errors: [InputError] = []
        var assets: [FixedAsset] = []
        for record in records.dropFirst() {
            var values: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) { values[name] = value }
            func fail(_ column: String, _ message: String, _ chinese: String) {
                errors.append(InputError(file: file, line: record.line, column: column, rule: "bad-asset", message: message, chinese: chinese))
            }
            guard let cost = try? Money(input: values["cost"] ?? "") else { fail("cost", "\"\(values["cost"] ?? "")\" is not an amount", "“\(values["cost"] ?? "")”不是金额"); continue }
            guard let life = Int(values["life_months"] ?? "") else { fail("life_months", "\"\(values["life_months"] ?? "")\" is not a number of months", "“\(values["life_months"] ?? "")”不是月数"); continue }
            guard let acquired = LocalDate(input: values["acquired"] ?? "") else { fail("acquired", "\"\(values["acquired"] ?? "")\" is not a date YYYY-MM-DD", "“\(values["acquired"] ?? "")”不是日期（YYYY-MM-DD）"); continue }
            var assetClass: AssetClass?
            if let text = values["class"], !text.trimmingWhitespace.isEmpty {
                guard let parsed = AssetClass(input: text) else { fail("class", "\"\(text)\" is not an asset class; use one of \(AssetClass.allCases.map(\.rawValue).joined(separator: ", "))", "“\(text)”不是资产分类；请用以下之一：\(AssetClass.allCases.map(\.rawValue).joined(separator: "、"))"); continue }
                assetClass = parsed
            }
            let asset = FixedAsset(organization: values["org"] ?? "", code: values["code"] ?? "", name: values["name"] ?? "",
                                   cost: cost, lifeMonths: life, acquired: acquired, assetClass: assetClass)
            do throws(FixedAssetError) { try asset.validate() } catch {
                if case .lifeBelowMinimum = error {
                    errors.append(InputError(file: file, line: record.line, column: "life_months", rule: error.rule, message: error.description,
                                             chineseMessage: error.chinese))
                } else {
                    fail("code", error.description, error.chinese)
                }
                continue
            }
            assets.append(asset)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        try writing { storage in
            for asset in assets {
                let organizationID = try storage.organizationID(asset.organization)
                try authorize(storage, .writeBooks, organization: asset.organization)
                let id = try storage.insertFixedAsset(FixedAssetRecord(asset: asset, organizationID: organizationID, createdAt: Store.now(), createdBy: user))
                if let assetClass = asset.assetClass {
                    try storage.insertFixedAssetClass(FixedAssetClassRecord(assetID: id, assetClass: assetClass))
                }
            }
        }
        return assets.count
    }
}

extension Session {
    /// This session's AssetService.
    public var assets: AssetService { AssetService(session: self) }
}
