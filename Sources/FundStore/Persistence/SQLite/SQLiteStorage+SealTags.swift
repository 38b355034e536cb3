import FundCore
import GRDB

extension SQLiteStorage {
    /// The keyed seal's checks: with the key, every voucher seal and event must carry the tag of
    /// its hash under it (a chain rebuilt without the key is named at its first untagged or
    /// wrongly tagged link); without it, a keyed book's tags go unchecked, which is said.
    func sealTagProblems(key: SealKey?) throws -> (problems: [VerifyProblem], warnings: [VerifyProblem]) {
        let recorded = try String.fetchOne(db, sql: "SELECT key_id FROM seal_key")
        guard let key else {
            let warning = VerifyProblem(check: "seal-key", organization: nil, voucher: nil,
                                        message: "the book is sealed with a key, and without it the seals' tags were not checked: a chain rebuilt behind the program's back shows only with the key (verify --key PATH)",
                                        chineseMessage: "账套用密钥封印，未给出密钥时不核对封印标记：只有用密钥（verify --key 路径）才能发现在 FundLedger 之外重建的链")
            return ([], recorded == nil ? [] : [warning])
        }
        guard let recorded else {
            return ([VerifyProblem(check: "seal-key", organization: nil, voucher: nil,
                                   message: "a key was given, but the book records none: either it was never sealed with a key, or its key record (table seal_key) was removed behind the program's back",
                                   chineseMessage: "给出了密钥，但账套没有密钥记录：或是账套从未用密钥封印，或是其密钥记录（seal_key 表）在 FundLedger 之外被删除")], [])
        }
        guard recorded == key.id else {
            return ([VerifyProblem(check: "seal-key", organization: nil, voucher: nil,
                                   message: "the key \(key.path) is not the key this book is sealed with, so its tags cannot be checked with it; give the book's own key",
                                   chineseMessage: "密钥 \(key.path) 不是封印本账套的密钥，无法用它核对封印标记；请给出本账套自己的密钥")], [])
        }
        var problems: [VerifyProblem] = []
        for (chain, sql) in [("the voucher chain", "SELECT o.code, s.organization_id AS chain, s.seq, s.hash, s.tag FROM voucher_seal s LEFT JOIN organization o ON o.id = s.organization_id ORDER BY s.organization_id, s.seq"),
                             ("the event chain", "SELECT o.code, ifnull(e.organization_id, 0) AS chain, e.seq, e.hash, e.tag FROM event e LEFT JOIN organization o ON o.id = e.organization_id ORDER BY chain, e.seq")] {
            var current: Int64? = nil, named = false
            let links = try Row.fetchCursor(db, sql: sql)
            while let link = try links.next() {
                let owner: Int64 = link["chain"]
                if owner != current { (current, named) = (owner, false) }
                guard !named else { continue }
                let hash: String = link["hash"], tag: String? = link["tag"], seq: Int64 = link["seq"]
                if tag != key.tag(hash) {
                    named = true
                    let code: String? = link["code"]
                    let whose = owner == 0 ? "the book's own event chain" : "\(chain) of \(code ?? "#\(owner)")"
                    let chineseWhose = owner == 0 ? "账套本身的事件链" : "\(code ?? "#\(owner)") 的\(chain == "the voucher chain" ? "凭证链" : "事件链")"
                    problems.append(VerifyProblem(check: "seal-key", organization: owner == 0 ? nil : code ?? "#\(owner)", voucher: nil,
                        message: "link \(seq) of \(whose) \(tag == nil ? "has no tag" : "has a tag the book's key did not make"): the chain was rebuilt from here behind the program's back, by someone without the key",
                        chineseMessage: "\(chineseWhose)第 \(seq) 环\(tag == nil ? "没有封印标记" : "的封印标记不是账套密钥生成的")：该链从此处起被没有密钥的人在 FundLedger 之外重建"))
                }
            }
        }
        return (problems, [])
    }
}
