/// Migration pg-v1-book (`PostgresSchemaV1`): the SQLite book's triggers as PL/pgSQL functions
/// and row triggers, raising SQLSTATE FL001 with SQLite's own messages. Frozen.
extension PostgresSchemaV1 {
    static let triggers: [String] = [
        #"""
        CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the access log is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER access_log_append_only BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()
        """#,
        #"""
        CREATE FUNCTION account_detail_unused_parent() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.organization_id IS NOT NULL AND EXISTS ( SELECT 1 FROM voucher_line l JOIN voucher v ON v.id = l.voucher_id WHERE l.account_id = NEW.parent_id AND v.organization_id = NEW.organization_id) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the parent account already has postings';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER account_detail_unused_parent BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION account_detail_unused_parent()
        """#,
        #"""
        CREATE FUNCTION account_opening_grassroots() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT chart FROM organization WHERE id = NEW.organization_id) IS DISTINCT FROM 'grassroots' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'only a union on the grassroots chart opens county accounts';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER account_opening_grassroots BEFORE INSERT ON account_opening FOR EACH ROW EXECUTE FUNCTION account_opening_grassroots()
        """#,
        #"""
        CREATE FUNCTION account_opening_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an account opening is a recorded fact';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER account_opening_no_delete BEFORE DELETE ON account_opening FOR EACH ROW EXECUTE FUNCTION account_opening_no_delete()
        """#,
        #"""
        CREATE FUNCTION account_opening_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an account opening is a recorded fact';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER account_opening_no_update BEFORE UPDATE ON account_opening FOR EACH ROW EXECUTE FUNCTION account_opening_no_update()
        """#,
        #"""
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an audit is kept as it was run';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()
        """#,
        #"""
        CREATE FUNCTION bank_match_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a match is undone by recording who unmatched it, never removed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_match_delete BEFORE DELETE ON bank_match FOR EACH ROW EXECUTE FUNCTION bank_match_delete()
        """#,
        #"""
        CREATE FUNCTION bank_match_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.unmatched_at IS NOT NULL OR NEW.unmatched_at IS NULL OR NEW.statement_line_id <> OLD.statement_line_id OR NEW.voucher_line_id <> OLD.voucher_line_id OR NEW.method <> OLD.method OR NEW.matched_at <> OLD.matched_at OR NEW.matched_by <> OLD.matched_by THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a match is only ever undone, once';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_match_update BEFORE UPDATE ON bank_match FOR EACH ROW EXECUTE FUNCTION bank_match_update()
        """#,
        #"""
        CREATE FUNCTION bank_statement_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an imported bank statement stays as the bank gave it';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_statement_append_only_delete BEFORE DELETE ON bank_statement FOR EACH ROW EXECUTE FUNCTION bank_statement_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION bank_statement_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an imported bank statement stays as the bank gave it';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_statement_append_only_update BEFORE UPDATE ON bank_statement FOR EACH ROW EXECUTE FUNCTION bank_statement_append_only_update()
        """#,
        #"""
        CREATE FUNCTION bank_statement_line_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an imported bank statement stays as the bank gave it';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_statement_line_append_only_delete BEFORE DELETE ON bank_statement_line FOR EACH ROW EXECUTE FUNCTION bank_statement_line_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION bank_statement_line_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an imported bank statement stays as the bank gave it';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER bank_statement_line_append_only_update BEFORE UPDATE ON bank_statement_line FOR EACH ROW EXECUTE FUNCTION bank_statement_line_append_only_update()
        """#,
        #"""
        CREATE FUNCTION book_opening_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an opening is never changed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER book_opening_immutable BEFORE UPDATE ON book_opening FOR EACH ROW EXECUTE FUNCTION book_opening_immutable()
        """#,
        #"""
        CREATE FUNCTION book_opening_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an opening is never removed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER book_opening_undeletable BEFORE DELETE ON book_opening FOR EACH ROW EXECUTE FUNCTION book_opening_undeletable()
        """#,
        #"""
        CREATE FUNCTION budget_approved_stays() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status = 'approved' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an approved budget changes only through a numbered adjustment';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER budget_approved_stays BEFORE UPDATE ON budget FOR EACH ROW EXECUTE FUNCTION budget_approved_stays()
        """#,
        #"""
        CREATE FUNCTION budget_adjustment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'budget adjustments are kept as they were made';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER budget_adjustment_append_only BEFORE UPDATE ON budget_adjustment FOR EACH ROW EXECUTE FUNCTION budget_adjustment_append_only()
        """#,
        #"""
        CREATE FUNCTION budget_adjustment_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'budget adjustments are kept as they were made';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER budget_adjustment_undeletable BEFORE DELETE ON budget_adjustment FOR EACH ROW EXECUTE FUNCTION budget_adjustment_undeletable()
        """#,
        #"""
        CREATE FUNCTION budget_line_approved_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT status FROM budget WHERE id = OLD.budget_id) = 'approved' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an approved budget changes only through a numbered adjustment';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER budget_line_approved_immutable BEFORE UPDATE ON budget_line FOR EACH ROW EXECUTE FUNCTION budget_line_approved_immutable()
        """#,
        #"""
        CREATE FUNCTION budget_line_approved_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT status FROM budget WHERE id = OLD.budget_id) = 'approved' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an approved budget changes only through a numbered adjustment';
            END IF;
            RETURN OLD;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER budget_line_approved_undeletable BEFORE DELETE ON budget_line FOR EACH ROW EXECUTE FUNCTION budget_line_approved_undeletable()
        """#,
        #"""
        CREATE FUNCTION cash_confirmation_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a confirmed receipt or payment stays as it was confirmed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER cash_confirmation_append_only_delete BEFORE DELETE ON cash_confirmation FOR EACH ROW EXECUTE FUNCTION cash_confirmation_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION cash_confirmation_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a confirmed receipt or payment stays as it was confirmed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER cash_confirmation_append_only_update BEFORE UPDATE ON cash_confirmation FOR EACH ROW EXECUTE FUNCTION cash_confirmation_append_only_update()
        """#,
        #"""
        CREATE FUNCTION event_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an event of the event chain is never deleted';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION event_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an event of the event chain is never changed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only_update()
        """#,
        #"""
        CREATE FUNCTION finding_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'findings are kept with their history';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER finding_undeletable BEFORE DELETE ON finding FOR EACH ROW EXECUTE FUNCTION finding_undeletable()
        """#,
        #"""
        CREATE FUNCTION finding_event_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the history of a finding is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER finding_event_append_only_delete BEFORE DELETE ON finding_event FOR EACH ROW EXECUTE FUNCTION finding_event_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION finding_event_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the history of a finding is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER finding_event_append_only_update BEFORE UPDATE ON finding_event FOR EACH ROW EXECUTE FUNCTION finding_event_append_only_update()
        """#,
        #"""
        CREATE FUNCTION fixed_asset_act_settled_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.settled_on IS NOT NULL OR NEW.asset_id <> OLD.asset_id OR NEW.act <> OLD.act OR NEW.voucher_id <> OLD.voucher_id OR NEW.pending <> OLD.pending OR NEW.date <> OLD.date THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an asset act is settled once and otherwise never changed';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER fixed_asset_act_settled_once BEFORE UPDATE ON fixed_asset_act FOR EACH ROW EXECUTE FUNCTION fixed_asset_act_settled_once()
        """#,
        #"""
        CREATE FUNCTION fixed_asset_act_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'an asset act is never removed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER fixed_asset_act_undeletable BEFORE DELETE ON fixed_asset_act FOR EACH ROW EXECUTE FUNCTION fixed_asset_act_undeletable()
        """#,
        #"""
        CREATE FUNCTION opinion_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a signed opinion is kept as it was recorded';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER opinion_immutable BEFORE UPDATE ON opinion FOR EACH ROW EXECUTE FUNCTION opinion_immutable()
        """#,
        #"""
        CREATE FUNCTION opinion_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a signed opinion is kept as it was recorded';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER opinion_undeletable BEFORE DELETE ON opinion FOR EACH ROW EXECUTE FUNCTION opinion_undeletable()
        """#,
        #"""
        CREATE FUNCTION pack_event_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the acts on a pack are append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER pack_event_append_only_delete BEFORE DELETE ON pack_event FOR EACH ROW EXECUTE FUNCTION pack_event_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION pack_event_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the acts on a pack are append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER pack_event_append_only_update BEFORE UPDATE ON pack_event FOR EACH ROW EXECUTE FUNCTION pack_event_append_only_update()
        """#,
        #"""
        CREATE FUNCTION period_log_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the period log is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER period_log_append_only_delete BEFORE DELETE ON period_log FOR EACH ROW EXECUTE FUNCTION period_log_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION period_log_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the period log is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER period_log_append_only_update BEFORE UPDATE ON period_log FOR EACH ROW EXECUTE FUNCTION period_log_append_only_update()
        """#,
        #"""
        CREATE FUNCTION seal_key_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the seal key of a book is never changed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER seal_key_immutable BEFORE UPDATE ON seal_key FOR EACH ROW EXECUTE FUNCTION seal_key_immutable()
        """#,
        #"""
        CREATE FUNCTION seal_key_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the seal key of a book is never removed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER seal_key_undeletable BEFORE DELETE ON seal_key FOR EACH ROW EXECUTE FUNCTION seal_key_undeletable()
        """#,
        #"""
        CREATE FUNCTION subsidy_settled_stays() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status = 'settled' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a settled subsidy item takes no more changes';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER subsidy_settled_stays BEFORE UPDATE ON subsidy_item FOR EACH ROW EXECUTE FUNCTION subsidy_settled_stays()
        """#,
        #"""
        CREATE FUNCTION subsidy_log_append_only_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the subsidy log is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER subsidy_log_append_only_delete BEFORE DELETE ON subsidy_log FOR EACH ROW EXECUTE FUNCTION subsidy_log_append_only_delete()
        """#,
        #"""
        CREATE FUNCTION subsidy_log_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the subsidy log is append-only';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER subsidy_log_append_only_update BEFORE UPDATE ON subsidy_log FOR EACH ROW EXECUTE FUNCTION subsidy_log_append_only_update()
        """#,
        #"""
        CREATE FUNCTION voucher_id_never_reused() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.id <= (SELECT high FROM voucher_id_high) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'voucher ids are never reused';
            END IF;
            UPDATE voucher_id_high SET high = NEW.id;
            RETURN NULL;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_id_never_reused AFTER INSERT ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_id_never_reused()
        """#,
        #"""
        CREATE FUNCTION voucher_insert_not_posted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND NOT EXISTS (SELECT 1 FROM bulk_import_open WHERE batch_id = NEW.import_id) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a voucher is inserted as a draft and posted afterwards';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_insert_not_posted BEFORE INSERT ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_insert_not_posted()
        """#,
        #"""
        CREATE FUNCTION voucher_post_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND (SELECT coalesce(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0) FROM voucher_line WHERE voucher_id = NEW.id) <> 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the voucher does not balance: debits must equal credits';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_balanced BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_balanced()
        """#,
        #"""
        CREATE FUNCTION voucher_post_gapless() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM voucher WHERE organization_id = NEW.organization_id AND period = NEW.period AND word = NEW.word AND number IS NOT NULL) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'voucher numbers run without gaps from 1 in each month';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_gapless BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_gapless()
        """#,
        #"""
        CREATE FUNCTION voucher_post_lines() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND (SELECT count(*) FROM voucher_line WHERE voucher_id = NEW.id) < 2 THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a voucher needs at least two lines';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_lines BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_lines()
        """#,
        #"""
        CREATE FUNCTION voucher_post_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND EXISTS (SELECT 1 FROM period_close WHERE organization_id = NEW.organization_id AND period = NEW.period) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the period is closed';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_open_period BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_open_period()
        """#,
        #"""
        CREATE FUNCTION voucher_post_preparer_officer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'reviewer') AND NOT EXISTS ( SELECT 1 FROM user_role WHERE "user" = NEW.preparer AND role IN ('officer', 'cashier') AND (organization_id IS NULL OR organization_id = NEW.organization_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the preparer of a voucher is an officer (or, for a receipt or payment, the cashier) of its organisation';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_preparer_officer BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_preparer_officer()
        """#,
        #"""
        CREATE FUNCTION voucher_post_reviewed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND (NEW.reviewer IS NULL OR NEW.reviewer = NEW.preparer) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a voucher posts only once another person has reviewed it';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_reviewed BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_reviewed()
        """#,
        #"""
        CREATE FUNCTION voucher_post_reviewer_officer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 'posted' AND (NEW.historical IS NULL OR NEW.historical = 'preparer') AND NOT EXISTS ( SELECT 1 FROM user_role WHERE "user" = NEW.reviewer AND role = 'officer' AND (organization_id IS NULL OR organization_id = NEW.organization_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the reviewer of a voucher is an officer of its organisation';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_post_reviewer_officer BEFORE UPDATE OF status ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_post_reviewer_officer()
        """#,
        #"""
        CREATE FUNCTION voucher_posted_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status = 'posted' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a posted voucher cannot be changed; correct it with a red-ink reversal';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_posted_immutable BEFORE UPDATE ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_posted_immutable()
        """#,
        #"""
        CREATE FUNCTION voucher_posted_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status = 'posted' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a posted voucher cannot be deleted; correct it with a red-ink reversal';
            END IF;
            RETURN OLD;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_posted_undeletable BEFORE DELETE ON voucher FOR EACH ROW EXECUTE FUNCTION voucher_posted_undeletable()
        """#,
        #"""
        CREATE FUNCTION voucher_line_chart() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM bulk_import_open) AND NOT EXISTS (SELECT 1 FROM account a JOIN voucher v ON v.id = NEW.voucher_id JOIN organization o ON o.id = v.organization_id WHERE a.id = NEW.account_id AND a.chart = o.chart AND (a.organization_id IS NULL OR a.organization_id = o.id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'the account is not in the organisation''s chart';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_chart BEFORE INSERT ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_chart()
        """#,
        #"""
        CREATE FUNCTION voucher_line_delete_posted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT status FROM voucher WHERE id = OLD.voucher_id) = 'posted' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a posted voucher cannot be changed; correct it with a red-ink reversal';
            END IF;
            RETURN OLD;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_delete_posted BEFORE DELETE ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_delete_posted()
        """#,
        #"""
        CREATE FUNCTION voucher_line_insert_posted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM voucher v WHERE v.id = NEW.voucher_id AND v.status = 'posted' AND NOT EXISTS (SELECT 1 FROM bulk_import_open b WHERE b.batch_id = v.import_id)) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a posted voucher cannot be changed; correct it with a red-ink reversal';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_insert_posted BEFORE INSERT ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_insert_posted()
        """#,
        #"""
        CREATE FUNCTION voucher_line_leaf() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM bulk_import_open) AND EXISTS (SELECT 1 FROM account c WHERE c.parent_id = NEW.account_id AND (c.organization_id IS NULL OR c.organization_id = (SELECT organization_id FROM voucher WHERE id = NEW.voucher_id))) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'vouchers post to leaf accounts only';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_leaf BEFORE INSERT ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_leaf()
        """#,
        #"""
        CREATE FUNCTION voucher_line_red_ink() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM bulk_import_open) AND (NEW.amount < 0) <> ((SELECT reverses_id FROM voucher WHERE id = NEW.voucher_id) IS NOT NULL) THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'negative amounts belong to red-ink vouchers only';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_red_ink BEFORE INSERT ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_red_ink()
        """#,
        #"""
        CREATE FUNCTION voucher_line_update_posted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (SELECT status FROM voucher WHERE id = OLD.voucher_id) = 'posted' OR (SELECT status FROM voucher WHERE id = NEW.voucher_id) = 'posted' THEN
                RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a posted voucher cannot be changed; correct it with a red-ink reversal';
            END IF;
            RETURN NEW;
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_line_update_posted BEFORE UPDATE ON voucher_line FOR EACH ROW EXECUTE FUNCTION voucher_line_update_posted()
        """#,
        #"""
        CREATE FUNCTION voucher_seal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a voucher seal is never changed';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_seal_immutable BEFORE UPDATE ON voucher_seal FOR EACH ROW EXECUTE FUNCTION voucher_seal_immutable()
        """#,
        #"""
        CREATE FUNCTION voucher_seal_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'FL001', MESSAGE = 'a voucher seal is never deleted';
        END;
        $$
        """#,
        #"""
        CREATE TRIGGER voucher_seal_undeletable BEFORE DELETE ON voucher_seal FOR EACH ROW EXECUTE FUNCTION voucher_seal_undeletable()
        """#,
    ]
}
