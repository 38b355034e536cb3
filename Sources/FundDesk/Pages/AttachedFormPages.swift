import Foundation
import FundApp
import FundCore
import FundReports
import FundStore
import FundXLSX

extension ReportPages {
    /// The attached forms (附01–03, county-level unions), the 附注 and the annual pack (决算):
    /// each page built from the FundApp report the CLI prints, each 导出Excel the CLI's workbook.
    /// 附01 and 附02 are annual, so their pages read the year only.
    static let attachedKinds: [Kind] = [
        Kind(slug: "appropriations", title: "财政拨款收入支出表（工会附01表）", needsAccount: false, view: { session, code, query in
            formView(try Reports.appropriations(session, organization: code, year: query.year))
        }, workbook: { session, code, query, path, created in
            try FormWorkbook.write(try Reports.appropriations(session, organization: code, year: query.year), to: path,
                                   preparedBy: session.user, created: created)
        }),
        Kind(slug: "state-assets", title: "国有资产情况表（工会附02表）", needsAccount: false, view: { session, code, query in
            formView(try Reports.stateAssets(session, organization: code, year: query.year))
        }, workbook: { session, code, query, path, created in
            try FormWorkbook.write(try Reports.stateAssets(session, organization: code, year: query.year), to: path,
                                   preparedBy: session.user, created: created)
        }),
        Kind(slug: "costs", title: "成本费用表（工会附03表）", needsAccount: false, view: { session, code, query in
            formView(try Reports.costExpense(session, organization: code, year: query.year, month: query.month))
        }, workbook: { session, code, query, path, created in
            try FormWorkbook.write(try Reports.costExpense(session, organization: code, year: query.year, month: query.month), to: path,
                                   preparedBy: session.user, created: created)
        }),
        Kind(slug: "notes", title: "会计报表附注", needsAccount: false, view: nil, workbook: { session, code, query, path, created in
            try NotesWorkbook.write(try Reports.financialNotes(session, organization: code, year: query.year), to: path,
                                    preparedBy: session.user, created: created)
        }),
        Kind(slug: "annual-pack", title: "年度报表（决算）", needsAccount: false, view: nil, workbook: { session, code, query, path, created in
            try writeAnnualPack(book: session, organization: code, year: query.year, path: path, user: session.user, created: created)
        }),
    ]
}
