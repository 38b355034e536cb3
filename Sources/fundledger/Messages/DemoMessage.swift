import FundCore

/// What `fundledger demo` reports as it builds the demo county, one case per line.
enum DemoMessage: LocalizedMessage {
    case loaded(book: String, organizations: Int, vouchers: Int, lines: Int, files: [String], assets: Int, budgets: Int, items: Int, actions: Int)
    case reviewYear(vouchers: Int, files: [String], lateItems: Int)
    case yearEnd(depreciation: Int, closing: Int)
    case wrote(workbooks: Int, folder: String, problems: Int, warnings: Int)
    case review(firstAudit: Int64, new: Int, rulesFound: Int, rules: Int, answered: Int, secondAudit: Int64, again: Int)

    var description: String {
        switch self {
        case let .loaded(book, organizations, vouchers, lines, files, assets, budgets, items, actions):
            "demo book \(book): \(organizations) organisations, \(vouchers) vouchers with \(lines) lines from \(files.joined(separator: ", ")), \(assets) fixed assets, \(budgets) approved budgets, \(items) subsidy items (\(actions) settlements and payments)"
        case let .reviewYear(vouchers, files, lateItems):
            "FED-12's year for its review committee: \(vouchers) vouchers from review/\(files.joined(separator: ", ")), some spending an item before it was registered (\(lateItems) item registered late), one reviewed by a former officer who is no user of the book (imported as history), one purchase booked twice and reversed by red ink"
        case let .yearEnd(depreciation, closing):
            "posted \(depreciation) depreciation vouchers and \(closing) closing vouchers (期末结转 of every month, the year end); closed every month with postings"
        case let .wrote(workbooks, folder, problems, warnings):
            "wrote \(workbooks) workbooks into \(folder)/; verify: " + CLIMessage.counted(problems, "error") + ", " + CLIMessage.counted(warnings, "warning")
        case let .review(firstAudit, new, rulesFound, rules, answered, secondAudit, again):
            "review committee of FED-12: audit #\(firstAudit) found \(new) findings (\(rulesFound) of \(rules) rules), \(answered) answered, rerun #\(secondAudit) found \(again) again; opinion signed by 陈静, 王磊"
        }
    }

    var chinese: String {
        switch self {
        case let .loaded(book, organizations, vouchers, lines, files, assets, budgets, items, actions):
            "演示账套 \(book)：\(organizations) 个单位，从 \(files.joined(separator: "、")) 导入 \(vouchers) 张凭证共 \(lines) 行，固定资产 \(assets) 项，已批复预算 \(budgets) 份，项目补贴 \(items) 个（结项和拨付 \(actions) 笔）"
        case let .reviewYear(vouchers, files, lateItems):
            "FED-12 供经审会审查的一年：从 review/\(files.joined(separator: "、")) 导入 \(vouchers) 张凭证，其中有在项目登记前的支出（\(lateItems) 个项目迟登记），一张由已不是本账套用户的前任财务人员审核（按历史导入），一笔采购重复记账后已红字冲销"
        case let .yearEnd(depreciation, closing):
            "已记账 \(depreciation) 张折旧凭证和 \(closing) 张结转凭证（各月期末结转及年终结转）；有记账的月份均已结账"
        case let .wrote(workbooks, folder, problems, warnings):
            "已在 \(folder)/ 写出 \(workbooks) 个工作簿；校验：" + (problems == 0 ? "无错误" : "\(problems) 个错误") + (warnings == 0 ? "，无提示" : "，\(warnings) 条提示")
        case let .review(firstAudit, new, rulesFound, rules, answered, secondAudit, again):
            "FED-12 经审会：审计 #\(firstAudit) 发现 \(new) 个问题（\(rules) 条规则中的 \(rulesFound) 条），已答复 \(answered) 个，复审 #\(secondAudit) 再次发现 \(again) 个；审查意见由陈静、王磊签署"
        }
    }
}
