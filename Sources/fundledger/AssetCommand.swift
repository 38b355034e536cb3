import ArgumentParser
import FundCore
import FundReports
import FundStore

struct AssetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", abstract: bilingual("The fixed-asset register (固定资产卡片) that depreciation runs from.", "固定资产卡片：计提折旧的依据。"),
        subcommands: [Add.self, List.self, ImportCSV.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: bilingual("Add a fixed asset to the register.", "登记一项固定资产。"))
        @OptionGroup var options: BookOptions
        @Option(help: bilingual("The organisation.", "单位代码。")) var org: String
        @Option(help: bilingual("The asset's code, e.g. ZC-2026-001.", "资产编号，如 ZC-2026-001。")) var code: String
        @Option(help: bilingual("What it is.", "名称。")) var name: String
        @Option(help: bilingual("Its cost in yuan.", "原值（元）。")) var cost: String
        @Option(help: bilingual("Its useful life in months.", "使用年限（月）。")) var life: Int
        @Option(help: bilingual("The date it was acquired, YYYY-MM-DD.", "取得日期，YYYY-MM-DD。")) var acquired: LocalDate

        func run() throws {
            try reporting {
                let money = try parseAmount(cost, option: "--cost")
                try options.open().assets.addFixedAsset(FixedAsset(organization: org, code: code, name: name, cost: money, lifeMonths: life,
                                                            acquired: acquired))
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
                let assets = try options.open().assets.fixedAssets(organization: org)
                let rows = assets.map { [$0.code, $0.name, $0.cost.description, String($0.lifeMonths), $0.acquired.description] }
                switch format.resolved {
                case .table: emit(Render.table(headers: ["编号", "名称", "原值", "使用月数", "取得日期"], rows: rows, rightAligned: [2, 3]))
                case .csv: emit(Render.csv(headers: ["code", "name", "cost", "life_months", "acquired"], rows: rows))
                case .json:
                    emit(Render.jsonArray(rows.map { r in
                        Render.jsonObject([("code", Render.jsonString(r[0])), ("name", Render.jsonString(r[1])), ("cost", Render.jsonString(r[2])),
                                           ("life_months", r[3]), ("acquired", Render.jsonString(r[4]))], indent: "  ")
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
