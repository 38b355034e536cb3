/// Which rows of each table a part of the book takes (`Store.writePart`): the rows of the
/// organisations of the part, found through their own `organization_id` or through the row they
/// hang on (a budget's lines, an asset's acts, a finding's events), the standard charts and the
/// book's calendar; nothing of any other organisation.
///
/// Each condition is SQL over the source table's row, with the part's organisation ids in
/// `temp.part_org` and the source book attached as `source`. A table the part leaves out has no
/// condition: the access log and the desk's credentials and sessions (they name users of the
/// whole book), an unfinished bulk import's marker. Every table of the schema has an entry, so a
/// table a later migration adds must be given one here (a test checks it).
enum PartTables {
    /// The conditions of a part written from a SQLite book attached as `source`.
    static let rules = conditions(members: "(SELECT id FROM temp.part_org)", source: "source.")

    /// The condition of the rows each table takes, nil for a table the part leaves out, with
    /// `members` an SQL subquery of the part's organisation ids and `source` the prefix that
    /// names the source book's tables (empty for the current schema).
    static func conditions(members: String, source: String) -> [String: String?] {
        let owned = "organization_id IN " + members
        let vouchers = "(SELECT id FROM \(source)voucher WHERE \(owned))"
        let budgets = "(SELECT id FROM \(source)budget WHERE \(owned))"
        let assets = "(SELECT id FROM \(source)fixed_asset WHERE \(owned))"
        let items = "(SELECT id FROM \(source)subsidy_item WHERE grantor_id IN \(members))"
        let findings = "(SELECT id FROM \(source)finding WHERE \(owned))"
        return [
            "organization": "id IN " + members,
            // The standard charts are the book's (no organisation); detail accounts are their own.
            "account": "organization_id IS NULL OR " + owned,
            "import_batch": "id IN (SELECT import_id FROM \(source)voucher WHERE \(owned))",
            "voucher": owned,
            "voucher_line": "voucher_id IN " + vouchers,
            "voucher_seal": owned,
            "balance": owned,
            "year_balance": owned,
            "budget": owned,
            "budget_line": "budget_id IN " + budgets,
            "budget_adjustment": "budget_id IN " + budgets,
            "budget_adjustment_line": "adjustment_id IN (SELECT id FROM \(source)budget_adjustment WHERE budget_id IN \(budgets))",
            "period_close": owned,
            "period_log": owned,
            "fixed_asset": owned,
            "depreciation": "asset_id IN " + assets,
            "fixed_asset_class": "asset_id IN " + assets,
            "fixed_asset_act": "asset_id IN " + assets,
            // A subsidy item is its grantor's (its chain): one granted from above is left out.
            "subsidy_item": "grantor_id IN " + members,
            "subsidy_log": "item_id IN " + items,
            "subsidy_voucher": "item_id IN " + items,
            // Roles on the part's organisations only: book-wide roles name users of the whole book.
            "user_role": owned,
            "committee": owned,
            "committee_member": "committee_id IN (SELECT id FROM \(source)committee WHERE \(owned))",
            // Settings of no organisation are the book's defaults of the audit rules.
            "audit_setting": "organization_id IS NULL OR " + owned,
            "calendar_day": "1 = 1",
            "audit": owned,
            "finding": owned,
            "finding_voucher": "finding_id IN " + findings,
            "finding_event": "finding_id IN " + findings,
            "opinion": owned,
            "opinion_signer": "opinion_id IN (SELECT id FROM \(source)opinion WHERE \(owned))",
            "opinion_draft": owned,
            "opinion_signature": owned,
            "cash_control": owned,
            "cash_confirmation": "voucher_id IN " + vouchers,
            "bank_statement": owned,
            "bank_statement_line": "statement_id IN (SELECT id FROM \(source)bank_statement WHERE \(owned))",
            "bank_match": """
                statement_line_id IN (SELECT l.id FROM \(source)bank_statement_line l JOIN \(source)bank_statement s ON s.id = l.statement_id
                                      WHERE s.organization_id IN \(members))
                """,
            "federation_township": owned,
            "federation_term": owned,
            "federation_member": owned,
            "federation_exception": owned,
            "book_opening": owned,
            "pack_event": owned,
            "account_opening": owned,
            "form_signer": owned,
            // The events of the part's chains; the book's own chain is left out (it holds the
            // book-wide roles), and the part starts one of its own.
            "event": owned,
            // The key's id (not the key): a keyed part verifies with the same key.
            "seal_key": "1 = 1",
            "voucher_id_high": "1 = 1",
            "access_log": nil,
            "desk_credential": nil,
            "desk_session": nil,
            "bulk_import_open": nil,
        ]
    }

    /// The organisations outside the part that its rows name (a counterpart of a line or a
    /// budget line, a turnover's counterpart, a subsidy's recipient, a federation's exempt
    /// grantor), read from the part being written: they are kept as bare rows, without their
    /// parent, so that the rows naming them keep their seals and their foreign keys.
    static let namedOrganizations = """
        SELECT counterpart_id FROM main.voucher_line WHERE counterpart_id IS NOT NULL
        UNION SELECT counterpart_id FROM main.budget_line WHERE counterpart_id IS NOT NULL
        UNION SELECT counterpart_id FROM main.balance WHERE counterpart_id <> 0
        UNION SELECT counterpart_id FROM main.year_balance WHERE counterpart_id <> 0
        UNION SELECT recipient_id FROM main.subsidy_item
        UNION SELECT grantor_id FROM main.federation_exception
        """
}
