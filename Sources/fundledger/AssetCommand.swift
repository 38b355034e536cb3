import ArgumentParser
import FundCore
import FundReports
import FundStore

struct AssetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", abstract: bilingual("The fixed-asset register (固定资产卡片) that depreciation runs from.", "固定资产卡片：计提折旧的依据。"),
        subcommands: [Add.self, List.self, ImportCSV.self, Surplus.self, Dispose.self, Settle.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Add a fixed asset to the register.", "登记一项固定资产。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The asset's code, e.g. ZC-2026-001.", "资产编号，如 ZC-2026-001。")) var code: String
        @Option(help: bilingual("What it is.", "名称。")) var name: String
        @Option(help: bilingual("Its cost in yuan.", "原值（元）。")) var cost: String
        @Option(help: bilingual("Its useful life in months.", "使用年限（月）。")) var life: Int
        @Option(help: bilingual("The date it was acquired, YYYY-MM-DD.", "取得日期，YYYY-MM-DD。")) var acquired: LocalDate
        @Option(name: .customLong("class"), help: bilingual("Its class (固定资产分类), e.g. office-equipment or 办公设备; the class sets the minimum life.",
                                                            "固定资产分类，如 office-equipment 或 办公设备；分类决定最低使用年限。")) var assetClass: AssetClass?

        func run() throws {
            try reporting {
                let money = try parseAmount(cost, option: "--cost")
                try options.open().assets.addFixedAsset(FixedAsset(organization: org, code: code, name: name, cost: money, lifeMonths: life,
                                                            acquired: acquired, assetClass: assetClass))
                say(.assetAdded(code: code, name: name, cost: money, lifeMonths: life, acquired: acquired))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("List the register.", "列出固定资产卡片。"))
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String

        func run() throws {
            try reporting {
                let book = try options.openReading()
                let assets = try book.assets.fixedAssets(organization: org)
                let acts = try book.assets.fixedAssetActs(organization: org)
                let rows = assets.map { [$0.code, $0.name, $0.cost.description, String($0.lifeMonths), $0.acquired.description] }
                // The class and the acts are shown where the register has them, so a register without them lists as before.
                let classes = assets.map { $0.assetClass?.chineseName ?? "" }
                let states = assets.map { asset in
                    (acts[asset.code] ?? []).map { "\($0.act.chinese) \($0.date)" + ($0.settledOn == nil ? "（待批准）" : "") }.joined(separator: "；")
                }
                let showClass = classes.contains { !$0.isEmpty }, showState = states.contains { !$0.isEmpty }
                switch format.resolved {
                case .table:
                    var headers = ["编号", "名称", "原值", "使用月数", "取得日期"]
                    var table = rows
                    if showClass { headers.append("分类"); table = zip(table, classes).map { $0 + [$1] } }
                    if showState { headers.append("变动"); table = zip(table, states).map { $0 + [$1] } }
                    emit(Render.table(headers: headers, rows: table, rightAligned: [2, 3]))
                case .csv:
                    var headers = ["code", "name", "cost", "life_months", "acquired"]
                    var table = rows
                    if showClass { headers.append("class"); table = zip(table, assets).map { $0 + [$1.assetClass?.rawValue ?? ""] } }
                    if showState { headers.append("acts"); table = zip(table, assets).map { row, asset in
                        row + [(acts[asset.code] ?? []).map { "\($0.act.rawValue) \($0.date)" + ($0.settledOn == nil ? " pending" : "") }.joined(separator: "; ")] } }
                    emit(Render.csv(headers: headers, rows: table))
                case .json:
                    emit(Render.jsonArray(zip(rows, assets).map { r, asset in
                        var fields = [("code", Render.jsonString(r[0])), ("name", Render.jsonString(r[1])), ("cost", Render.jsonString(r[2])),
                                      ("life_months", r[3]), ("acquired", Render.jsonString(r[4]))]
                        if showClass { fields.append(("class", asset.assetClass.map { Render.jsonString($0.rawValue) } ?? "null")) }
                        if showState {
                            fields.append(("acts", Render.jsonArray((acts[asset.code] ?? []).map { act in
                                Render.jsonObject([("act", Render.jsonString(act.act.rawValue)), ("date", Render.jsonString(act.date.description)),
                                                   ("pending", Render.jsonString(act.pending.description)),
                                                   ("settled_on", act.settledOn.map { Render.jsonString($0.description) } ?? "null")], indent: "    ")
                            })))
                        }
                        return Render.jsonObject(fields, indent: "  ")
                    }) + "\n")
                }
            }
        }
    }
}

extension AssetCommand {
    struct ImportCSV: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: bilingual("Add fixed assets from a CSV file, all or nothing.", "从 CSV 文件登记固定资产，全部成功或全部不登记。"))
        @OptionGroup var options: BookOptions
        @Argument(help: bilingual("CSV with columns org,code,name,cost,life_months,acquired.", "CSV 文件，列为 org,code,name,cost,life_months,acquired。")) var file: String

        func run() throws {
            try reporting {
                let count = try options.open().assets.importFixedAssets(path: file)
                say(.assetsImported(count: count, file: file))
            }
        }
    }
}

extension AssetClass: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension AssetCommand {
    /// `asset surplus`: 盘盈, a card found in a count.
    struct Surplus: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual(
            "盘盈: add a fixed asset found in a count and post Dr 162 / Cr 182; settle it against 301 with `asset settle` once approved.",
            "盘盈：登记盘点中发现的固定资产并记账（借 162，贷 182）；批准后用 `asset settle` 转入资产基金。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The asset's code.", "资产编号。")) var code: String
        @Option(help: bilingual("What it is.", "名称。")) var name: String
        @Option(help: bilingual("Its appraised value in yuan.", "评估价值（元）。")) var cost: String
        @Option(help: bilingual("Its remaining useful life in months.", "尚可使用年限（月）。")) var life: Int
        @Option(help: bilingual("The day it was found, YYYY-MM-DD.", "盘盈日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(name: .customLong("class"), help: bilingual("Its class (固定资产分类).", "固定资产分类。")) var assetClass: AssetClass?
        @Option(help: bilingual("Who reviewed the voucher (审核): another officer of the organisation.", "凭证审核人：本单位另一名财务人员。")) var reviewer: String

        func run() throws {
            try reporting {
                let money = try parseAmount(cost, option: "--cost")
                let voucher = try options.open().assets.recordSurplus(FixedAsset(organization: org, code: code, name: name, cost: money, lifeMonths: life,
                                                                                 acquired: date, assetClass: assetClass), reviewer: reviewer)
                say(.assetActPosted(ref: voucher.ref.map(\.description) ?? "#\(voucher.id)", code: code, act: .surplus))
            }
        }
    }

    /// `asset dispose`: 报废, 出售 or 盘亏.
    struct Dispose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual(
            "报废, 出售 or 盘亏 of a fixed asset: Dr 182 (net book value) + Dr 163 / Cr 162; settle it against 301 with `asset settle` once approved.",
            "固定资产报废、出售或盘亏：借 182（净值）、借 163，贷 162；批准后用 `asset settle` 核销资产基金。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The asset's code.", "资产编号。")) var code: String
        @Option(help: bilingual("scrap (报废), sale (出售) or loss (盘亏).", "scrap（报废）、sale（出售）或 loss（盘亏）。")) var act: AssetAct
        @Option(help: bilingual("The day, YYYY-MM-DD.", "日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(help: bilingual("Who reviewed the voucher (审核): another officer of the organisation.", "凭证审核人：本单位另一名财务人员。")) var reviewer: String

        func validate() throws {
            if act == .surplus { throw ValidationError(bilingual("盘盈 adds a card: use `asset surplus`", "盘盈须登记新卡片：请用 `asset surplus` [bad-act]")) }
        }

        func run() throws {
            try reporting {
                let voucher = try options.open().assets.dispose(organization: org, code: code, act: act, date: date, reviewer: reviewer)
                say(.assetActPosted(ref: voucher.ref.map(\.description) ?? "#\(voucher.id)", code: code, act: act))
            }
        }
    }

    /// `asset settle`: the approved second step through 182.
    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual(
            "Settle an approved 盘盈 (Dr 182 / Cr 301) or disposal (Dr 301 / Cr 182) of a fixed asset.",
            "结转经批准的盘盈（借 182，贷 301）或处置（借 301，贷 182）。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The asset's code.", "资产编号。")) var code: String
        @Option(help: bilingual("The day of approval, YYYY-MM-DD.", "批准日期，YYYY-MM-DD。")) var date: LocalDate
        @Option(help: bilingual("Who reviewed the voucher (审核): another officer of the organisation.", "凭证审核人：本单位另一名财务人员。")) var reviewer: String

        func run() throws {
            try reporting {
                let (voucher, act) = try options.open().assets.settle(organization: org, code: code, date: date, reviewer: reviewer)
                say(.assetActSettled(ref: voucher.ref.map(\.description) ?? "#\(voucher.id)", code: code, act: act))
            }
        }
    }
}

extension AssetAct: ExpressibleByArgument {}

struct Depreciate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: bilingual("Post a month's depreciation (计提折旧) from the register: Dr 301 资产基金 / Cr 163 累计折旧.", "按固定资产卡片计提一个月的折旧并记账：借 301 资产基金，贷 163 累计折旧。"))
    @OptionGroup var options: BookOptions
    @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
    @Option(help: bilingual("The month, YYYY-MM.", "月份，YYYY-MM。")) var period: Period
    @Option(help: bilingual("Who reviewed the depreciation voucher (审核): another officer of the organisation.", "折旧凭证的审核人：本单位另一名财务人员。")) var reviewer: String

    func run() throws {
        try reporting {
            if let voucher = try options.open().assets.depreciate(organization: org, period: period, reviewer: reviewer) {
                let total = voucher.draft.lines.filter { $0.side == .debit }.reduce(Int64(0)) { $0 + $1.amount.fen }
                say(.depreciationPosted(ref: voucher.ref!.description, total: Money(fen: total), period: period))
            } else {
                say(.nothingToDepreciate(organization: org, period: period))
            }
        }
    }
}
