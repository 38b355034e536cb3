/*
 * The 序时账 benchmark's yardstick: reads the same lines from the same book with the same query
 * as `fundledger export journal`, and writes the same rows, columns, styles and totals with
 * libxlsxwriter in constant-memory mode, straight from C. What FundLedger takes beyond this
 * program is the cost of its own layers (Swift, GRDB, the wrapper).
 *
 *   journal_xlsx BOOK ORG FROM_PERIOD TO_PERIOD OUT.xlsx     (periods as YYYYMM)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "journal_xlsx: %s: %s\n", what, detail);
    exit(1);
}

typedef struct { char *code; char *name; } account;

static int by_code(const void *a, const void *b) {
    return strcmp(((const account *)a)->code, ((const account *)b)->code);
}

static lxw_format *style(lxw_workbook *workbook, int bold, double size, const char *number, int align, int border) {
    lxw_format *format = workbook_add_format(workbook);
    if (bold) format_set_bold(format);
    format_set_font_size(format, size);
    format_set_font_name(format, "宋体");
    if (number) format_set_num_format(format, number);
    if (align) format_set_align(format, align);
    if (border) format_set_border(format, LXW_BORDER_THIN);
    return format;
}

int main(int argc, char **argv) {
    if (argc != 6) fail("usage", "journal_xlsx BOOK ORG FROM_PERIOD TO_PERIOD OUT.xlsx");
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) fail("open", sqlite3_errmsg(db));
    int from = atoi(argv[3]), to = atoi(argv[4]);

    /* Account names as the chart prints them: parent/child. */
    account *accounts = NULL;
    size_t count_accounts = 0, capacity = 0;
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db,
        "SELECT a.code, coalesce(g.name || '/', '') || coalesce(p.name || '/', '') || a.name FROM account a "
        "LEFT JOIN account p ON p.id = a.parent_id LEFT JOIN account g ON g.id = p.parent_id "
        "JOIN organization o ON o.code = ?1 WHERE a.chart = o.chart AND (a.organization_id IS NULL OR a.organization_id = o.id) "
        "ORDER BY a.code",
        -1, &q, NULL);
    sqlite3_bind_text(q, 1, argv[2], -1, SQLITE_STATIC);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (count_accounts == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            accounts = realloc(accounts, capacity * sizeof(account));
        }
        accounts[count_accounts].code = strdup((const char *)sqlite3_column_text(q, 0));
        accounts[count_accounts].name = strdup((const char *)sqlite3_column_text(q, 1));
        count_accounts++;
    }
    sqlite3_finalize(q);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[5], &options);
    if (!workbook) fail("create", argv[5]);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "序时账");
    lxw_format *title = style(workbook, 1, 16, NULL, 0, 0), *subtitle = style(workbook, 0, 10, NULL, LXW_ALIGN_LEFT, 0);
    lxw_format *header = style(workbook, 1, 10, NULL, LXW_ALIGN_CENTER, 1), *center = style(workbook, 0, 10, NULL, LXW_ALIGN_CENTER, 1);
    lxw_format *text = style(workbook, 0, 10, NULL, 0, 1), *money = style(workbook, 0, 10, "#,##0.00", 0, 1);
    lxw_format *total_text = style(workbook, 1, 10, NULL, LXW_ALIGN_CENTER, 1), *total_money = style(workbook, 1, 10, "#,##0.00", 0, 1);
    double widths[] = {11, 15, 36, 10, 30, 16, 16, 14};
    for (int c = 0; c < 8; c++) worksheet_set_column(sheet, c, c, widths[c], NULL);

    sqlite3_prepare_v2(db, "SELECT count(*) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id JOIN organization o ON o.id = v.organization_id "
                           "WHERE o.code = ?1 AND v.status = 'posted' AND v.period BETWEEN ?2 AND ?3", -1, &q, NULL);
    sqlite3_bind_text(q, 1, argv[2], -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, from);
    sqlite3_bind_int(q, 3, to);
    sqlite3_step(q);
    int count = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);

    int row = 2;
    worksheet_freeze_panes(sheet, 3, 0);
    worksheet_autofilter(sheet, 2, 0, 2 + (count > 0 ? count : 1), 7);
    worksheet_set_landscape(sheet);
    worksheet_repeat_rows(sheet, 2, 2);
    worksheet_write_string(sheet, 0, 0, "序时账", title);
    worksheet_write_string(sheet, 1, 0, "编制单位：    期间：    单位：元", subtitle);
    const char *headers[] = {"日期", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "项目"};
    for (int c = 0; c < 8; c++) worksheet_write_string(sheet, 2, c, headers[c], header);
    row = 3;

    sqlite3_prepare_v2(db,
        "SELECT v.date, v.word, v.number, v.summary, a.code, l.side, l.amount, l.summary, l.project "
        "FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id JOIN account a ON a.id = l.account_id "
        "WHERE v.organization_id = (SELECT id FROM organization WHERE code = ?1) AND v.number IS NOT NULL AND v.period BETWEEN ?2 AND ?3 "
        "ORDER BY v.period, v.word, v.number, l.position", -1, &q, NULL);
    sqlite3_bind_text(q, 1, argv[2], -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, from);
    sqlite3_bind_int(q, 3, to);
    long long debit_total = 0, credit_total = 0;
    char ref[64];
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *line_summary = (const char *)sqlite3_column_text(q, 7);
        const char *summary = line_summary && *line_summary ? line_summary : (const char *)sqlite3_column_text(q, 3);
        const char *code = (const char *)sqlite3_column_text(q, 4);
        long long amount = sqlite3_column_int64(q, 6);
        const char *project = (const char *)sqlite3_column_text(q, 8);
        account key = {(char *)code, NULL};
        account *found = bsearch(&key, accounts, count_accounts, sizeof(account), by_code);
        snprintf(ref, sizeof ref, "%s-%d", (const char *)sqlite3_column_text(q, 1), sqlite3_column_int(q, 2));
        worksheet_write_string(sheet, row, 0, (const char *)sqlite3_column_text(q, 0), center);
        worksheet_write_string(sheet, row, 1, ref, center);
        worksheet_write_string(sheet, row, 2, summary, text);
        worksheet_write_string(sheet, row, 3, code, text);
        worksheet_write_string(sheet, row, 4, found ? found->name : "", text);
        if (sqlite3_column_text(q, 5)[0] == 'D') {
            worksheet_write_number(sheet, row, 5, amount / 100.0, money);
            worksheet_write_string(sheet, row, 6, "", money);
            debit_total += amount;
        } else {
            worksheet_write_string(sheet, row, 5, "", money);
            worksheet_write_number(sheet, row, 6, amount / 100.0, money);
            credit_total += amount;
        }
        worksheet_write_string(sheet, row, 7, project ? project : "", text);
        row++;
    }
    sqlite3_finalize(q);
    char formula[128];
    worksheet_write_string(sheet, row, 2, "合计", total_text);
    snprintf(formula, sizeof formula, "=SUBTOTAL(9,F4:F%d)", row);
    worksheet_write_formula_num(sheet, row, 5, formula, total_money, debit_total / 100.0);
    snprintf(formula, sizeof formula, "=SUBTOTAL(9,G4:G%d)", row);
    worksheet_write_formula_num(sheet, row, 6, formula, total_money, credit_total / 100.0);
    lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) fail("close", lxw_strerror(error));
    sqlite3_close(db);
    printf("%d lines\n", row - 3);
    return 0;
}
