import FundCore
import FundStore
import Testing
@testable import FundDesk

@Suite("Desk wording of refusals")
struct DeskWordingTests {
    @Test func commandLineAdviceIsLeftOutAndTheReasonKept() {
        #expect(DeskWording.plain("FED-01 的 2026-04 已结账，已结账的月份不能再记账。请把凭证日期改到未结账的月份，或用 `fundledger reopen --org FED-01 --period 2026-04 --reason ……` 反结账 [period-closed]")
                == "FED-01 的 2026-04 已结账，已结账的月份不能再记账。请把凭证日期改到未结账的月份 [period-closed]")
        #expect(DeskWording.plain("FED-01 2026-04 结账时要做期末结转凭证，须由另一名财务人员审核；请用 --reviewer 给出审核人 [closing-needs-reviewer]")
                == "FED-01 2026-04 结账时要做期末结转凭证，须由另一名财务人员审核 [closing-needs-reviewer]")
        #expect(DeskWording.plain("反结账需要理由（--reason \"……\"），理由记入期间日志 [missing-reason]") == "反结账需要理由，理由记入期间日志 [missing-reason]")
        #expect(DeskWording.plain("请向账套管理员申请授权（`fundledger user grant`），或以有权限的用户操作（--as 或 FUNDLEDGER_USER） [not-permitted]")
                == "请向账套管理员申请授权，或以有权限的用户操作 [not-permitted]")
        // Text without advice, with ordinary brackets and dates, stays as it is.
        let plain = "凭证日期（2026-04-06）在结账月份之后；金额 1,234.56（含税） [x-rule]"
        #expect(DeskWording.plain(plain) == plain)
        // Each line of a list of refusals on its own.
        #expect(DeskWording.plain("有 1 张凭证不能记账：\n  - 记-0001：没有凭证；可用 `fundledger voucher list` 查看 [voucher-not-found]")
                == "有 1 张凭证不能记账：\n  - 记-0001：没有凭证 [voucher-not-found]")
    }

    @Test func aRefusalOfTheStoreReadsWithoutCommandsOnTheDesk() {
        let error = BookError.voucherNotFound(.id(374))
        #expect(error.chinese.contains("fundledger"))
        #expect(!error.deskText.contains("fundledger") && error.deskText.contains("没有凭证 #374") && error.deskText.hasSuffix("]"))
    }
}
