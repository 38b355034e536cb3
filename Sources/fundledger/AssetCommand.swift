import ArgumentParser
import FundCore
import FundReports
import FundStore

struct AssetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", abstract: "The fixed-asset register (固定资产卡片) that depreciation runs from.",
        subcommands: [Add.self, List.self, ImportCSV.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a fixed asset to the register.")
        @OptionGroup var options: BookOptions
        @Option(help: "The organisation.") var org: String
        @Option(help: "The asset's code, e.g. ZC-2026-001.") var code: String
        @Option(help: "What it is.") var name: String
        @Option(help: "Its cost in yuan.") var cost: String
        @Option(help: "Its useful life in months.") var life: Int
        @Option(help: "The date it was acquired, YYYY-MM-DD.") var acquired: LocalDate

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
        static let configuration = CommandConfiguration(abstract: "List the register.")
        @OptionGroup var options: BookOptions
        @OptionGroup var format: FormatOptions
        @Option(help: "The organisation.") var org: String

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
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Add fixed assets from a CSV file, all or nothing.")
        @OptionGroup var options: BookOptions
        @Argument(help: "CSV with columns org,code,name,cost,life_months,acquired.") var file: String

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
        abstract: "Post a month's depreciation (计提折旧) from the register: Dr 301 资产基金 / Cr 163 累计折旧.")
    @OptionGroup var options: BookOptions
    @Option(help: "The organisation.") var org: String
    @Option(help: "The month, YYYY-MM.") var period: Period

    func run() throws {
        try reporting {
            if let voucher = try options.open().assets.depreciate(organization: org, period: period) {
                let total = voucher.draft.lines.filter { $0.side == .debit }.reduce(Int64(0)) { $0 + $1.amount.fen }
                say(.depreciationPosted(ref: voucher.ref!.description, total: Money(fen: total), period: period))
            } else {
                say(.nothingToDepreciate(organization: org, period: period))
            }
        }
    }
}
