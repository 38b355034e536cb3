import Testing
@testable import FundCore

/// Every code and name of both standard charts, checked against lists written out from the
/// rule's text (domain notes §2.2–2.4), not from the chart data itself.
@Suite struct ChartTests {
    /// 基层工会主要会计科目, §2.2.
    static let grassrootsLevelOne = """
        101:库存现金 102:银行存款 131:应收上级经费 135:其他应收款 141:库存物品 162:固定资产 163:累计折旧 182:待处理财产损溢 211:应付上级经费
        215:其他应付款 301:资产基金 321:工会资金结转 322:工会资金结余 401:会费收入 402:拨缴经费收入 403:上级补助收入 405:行政补助收入
        408:其他收入 501:职工活动支出 503:职工服务支出 504:维权支出 505:业务支出 507:资本性支出 510:其他支出
        """
    /// 县级以上工会会计科目, §2.3.
    static let countyLevelOne = """
        101:库存现金 102:银行存款 111:零余额账户用款额度 121:财政应返还额度 131:应收上级经费 132:应收下级经费 135:其他应收款 141:库存物品
        151:投资 161:在建工程 162:固定资产 163:累计折旧 171:无形资产 172:累计摊销 181:长期待摊费用 182:待处理财产损溢 201:应付职工薪酬
        211:应付上级经费 212:应付下级经费 215:其他应付款 221:代管经费 301:资产基金 311:专用基金 321:工会资金结转 322:工会资金结余
        331:财政拨款结转 332:财政拨款结余 341:预算稳定调节基金 402:拨缴经费收入 403:上级补助收入 404:政府补助收入 406:附属单位上缴收入 407:投资收益
        408:其他收入 411:动用预算稳定调节基金 502:职工活动组织支出 503:职工服务支出 504:维权支出 505:业务支出 506:行政支出 507:资本性支出
        508:补助下级支出 509:对附属单位的支出 510:其他支出 521:安排预算稳定调节基金
        """
    /// Prescribed details with codes, §2.3–2.4.
    static let prescribedDetails = """
        12101:财政直接支付 12102:财政授权支付 13101:应收上级补助 13102:应收上级转拨经费 21201:应付下级补助 21202:应付下级转拨经费
        30101:库存物品 30102:投资 30103:在建工程 30104:固定资产 30105:无形资产 30106:长期待摊费用 32101:年初余额调整
        32102:单位内部调剂 32103:本年收支结转 32104:累计结转 32201:年初余额调整 32202:单位内部调剂 32203:本年收支结转 32204:结转转入
        32205:累计结余 33201:年初余额调整 33202:归集上缴 33203:单位内部调剂 33204:结转转入 33205:累计结余 40301:一般性转移支付补助
        40302:专项转移支付补助 40401:财政拨款收入 40402:非同级财政拨款收入 50101:职工教育支出 50102:文体活动支出 50103:宣传活动支出
        50104:劳模职工疗休养支出 50105:会员活动支出 50106:其他活动支出 50301:劳动和技能竞赛活动支出 50302:建家活动支出 50303:职工创新活动支出
        50304:职工书屋活动支出 50305:其他服务支出 50401:劳动关系协调支出 50402:劳动保护支出 50403:法律援助支出 50404:困难职工帮扶支出
        50405:送温暖支出 50406:其他维权支出 50501:培训支出 50502:会议支出 50503:专项业务支出 50504:其他业务支出 50601:工资福利支出
        50602:商品和服务支出 50603:对个人和家庭的补助支出 50604:其他行政支出 50701:房屋建筑物购建 50702:办公设备购置 50703:专用设备购置
        50704:交通工具购置 50705:大型修缮 50706:信息网络购建 50707:其他资本性支出 50801:一般性转移支付补助 50802:专项转移支付补助
        """
    /// 331 财政拨款结转: "33101–33104, with the same four names as 321" (§2.4).
    static let appropriationCarryForward = "33101:年初余额调整 33102:单位内部调剂 33103:本年收支结转 33104:累计结转"
    /// Choices documented in docs/chart.md: 201's names given codes in order, 502 modelled on 501.
    static let documentedChoices = """
        20101:基本工资 20102:国家统一规定的津贴补贴 20103:规范津贴补贴（绩效工资） 20104:改革性补贴 20105:社会保险费
        20106:住房公积金 20107:其他个人收入 50201:职工教育支出 50202:文体活动支出 50203:宣传活动支出
        50204:劳模职工疗休养支出 50205:会员活动支出 50206:其他活动支出
        """

    static func pairs(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = item.split(separator: ":", maxSplits: 1)
            result[String(parts[0])] = String(parts[1])
        }
        return result
    }

    static func expected(_ kind: ChartKind) -> [String: String] {
        let levelOne = pairs(kind == .grassroots ? grassrootsLevelOne : countyLevelOne)
        var details = pairs(prescribedDetails).merging(pairs(appropriationCarryForward)) { a, _ in a }
            .merging(pairs(documentedChoices)) { a, _ in a }
        // The grassroots chart keeps 301 资产基金 as a leaf (its details are listed for the county chart).
        if kind == .grassroots { details = details.filter { !$0.key.hasPrefix("301") } }
        return levelOne.merging(details.filter { levelOne[String($0.key.prefix(3))] != nil }) { a, _ in a }
    }

    @Test(arguments: ChartKind.allCases)
    func everyCodeAndName(kind: ChartKind) {
        let chart = Chart.standard(kind)
        var actual: [String: String] = [:]
        for account in chart.accounts { actual[account.code] = account.name }
        #expect(actual == ChartTests.expected(kind))
    }

    @Test func levelOneCounts() {
        #expect(Chart.standard(.grassroots).levelOneAccounts.count == 24)
        #expect(Chart.standard(.county).levelOneAccounts.count == 45)
        #expect(Chart.standard(.grassroots).accounts.count == 24 + 2 + 4 + 5 + 2 + 6 + 5 + 6 + 4 + 7)
    }

    @Test func leavesAndFullNames() {
        let chart = Chart.standard(.grassroots)
        #expect(chart.isLeaf("102"))
        #expect(!chart.isLeaf("403"))
        #expect(chart.isLeaf("40302"))
        #expect(chart.isLeaf("301"))
        #expect(!Chart.standard(.county).isLeaf("301"))
        #expect(!chart.isLeaf("999"))
        #expect(chart.fullName("40302") == "上级补助收入/专项转移支付补助")
        #expect(chart.account("502") == nil)
        #expect(Chart.standard(.county).account("501") == nil)
    }

    @Test func normalSides() {
        let chart = Chart.standard(.county)
        #expect(chart.account("102")!.normalSide == .debit)
        #expect(chart.account("163")!.normalSide == .credit)
        #expect(chart.account("172")!.normalSide == .credit)
        #expect(chart.account("211")!.normalSide == .credit)
        #expect(chart.account("32101")!.normalSide == .credit)
        #expect(chart.account("40302")!.normalSide == .credit)
        #expect(chart.account("50802")!.normalSide == .debit)
    }

    @Test func addingDetailAccounts() throws {
        var chart = Chart.standard(.grassroots)
        try chart.addDetail(Account(code: "10201", name: "代管经费"))
        #expect(!chart.isLeaf("102"))
        #expect(chart.isLeaf("10201"))
        try chart.addDetail(Account(code: "1020101", name: "俱乐部会费"))
        #expect(chart.fullName("1020101") == "银行存款/代管经费/俱乐部会费")
    }

    /// Rule-order table: each bad detail account and the error that refuses it.
    @Test func refusedDetailAccounts() {
        let cases: [(Account, ChartError)] = [
            (Account(code: "109", name: "新科目"), .levelOneNotAllowed("109")),
            (Account(code: "10", name: "x"), .malformedCode("10")),
            (Account(code: "1020", name: "x"), .malformedCode("1020")),
            (Account(code: "60201", name: "x"), .malformedCode("60201")),
            (Account(code: "1a201", name: "x"), .malformedCode("1a201")),
            (Account(code: "11101", name: "x"), .unknownParent(code: "11101", parent: "111")),
            (Account(code: "40301", name: "x"), .duplicate("40301")),
            (Account(code: "10201", name: "a/b"), .badName(code: "10201", name: "a/b")),
            (Account(code: "10201", name: " "), .badName(code: "10201", name: " ")),
        ]
        for (account, expected) in cases {
            var chart = Chart.standard(.grassroots)
            #expect(throws: expected) { try chart.addDetail(account) }
        }
    }
}
