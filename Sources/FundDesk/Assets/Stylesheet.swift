/// desk.css: dense tables in the manner of a union finance package, and the A5 landscape print
/// layout of the 记账凭证.
enum Stylesheet {
    static let text = """
        :root { --ink: #1f2933; --line: #c9d2dc; --head: #eef2f6; --accent: #1d5fa8; --red: #b42318; --ok: #1a7f37; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: #f7f9fb; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        main { padding: 12px 20px 40px; max-width: 1280px; }
        h1 { font-size: 20px; margin: 8px 0 10px; }
        h2 { font-size: 16px; margin: 14px 0 8px; }
        .topbar { display: flex; align-items: center; gap: 14px; background: #153e6f; color: #fff; padding: 6px 20px; }
        .topbar a, .topbar .link { color: #fff; }
        .brand { font-weight: 600; font-size: 16px; }
        .org-name { font-weight: 600; }
        .switcher { margin-left: auto; display: flex; gap: 6px; align-items: center; }
        .switcher select { max-width: 280px; }
        .who { opacity: .9; }
        .logout { margin: 0; }
        .menu { display: flex; gap: 2px; background: #fff; border-bottom: 1px solid var(--line); padding: 0 20px; }
        .menu a { padding: 8px 14px; color: var(--ink); border-bottom: 2px solid transparent; }
        .menu a.current { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
        table.grid { border-collapse: collapse; width: 100%; background: #fff; }
        table.grid.narrow { width: auto; min-width: 480px; }
        .grid th, .grid td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
        .grid th { background: var(--head); font-weight: 600; text-align: left; white-space: nowrap; }
        .grid caption { text-align: left; font-weight: 600; padding: 10px 0 4px; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { text-align: right; }
        .nowrap { white-space: nowrap; }
        tr.strong td { font-weight: 600; background: #fafbfc; }
        tr.busy td:first-child { border-left: 3px solid var(--accent); }
        tr.status-draft td { background: #fffdf5; }
        tr.red-ink td, .red-ink { color: var(--red); }
        tr.closed td { color: #52606d; background: #f4f6f8; }
        .actions a, .actions form { margin-right: 8px; }
        .filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0 12px; padding: 8px 10px; background: #fff; border: 1px solid var(--line); }
        input, select, button { font: inherit; }
        input, select { padding: 3px 6px; border: 1px solid #9aa5b1; border-radius: 2px; background: #fff; }
        button, .button { display: inline-block; padding: 4px 14px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 2px; cursor: pointer; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); }
        button.danger { background: var(--red); border-color: var(--red); }
        button.small { padding: 1px 8px; }
        button.link { background: none; border: 0; padding: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .buttons { display: flex; gap: 10px; align-items: center; margin: 12px 0; }
        .error { color: var(--red); }
        p.error, p.ok { padding: 6px 10px; border: 1px solid; background: #fff; }
        p.ok, .ok { color: var(--ok); }
        .hint, .meta, .count { color: #52606d; }
        .empty { color: #52606d; padding: 12px 0; }
        .panel { background: #fff; border: 1px solid var(--line); padding: 4px 14px 12px; margin-top: 16px; }
        .panel form { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        .batch { margin-top: 10px; display: flex; gap: 10px; align-items: center; }
        .outcomes { background: #fff; border: 1px solid var(--line); padding: 4px 14px; margin-bottom: 12px; }
        .login { max-width: 360px; margin: 80px auto; background: #fff; border: 1px solid var(--line); padding: 20px 28px 28px; }
        .login form { display: flex; flex-direction: column; gap: 12px; }
        .login label { display: flex; flex-direction: column; gap: 4px; }
        .error-page { max-width: 640px; margin: 60px auto; }
        .entry-head { display: flex; gap: 24px; align-items: baseline; }
        .entry-head h1 { letter-spacing: 6px; margin-right: auto; }
        .voucher-grid input { width: 100%; border: 0; padding: 5px 6px; background: transparent; }
        .voucher-grid td { padding: 0; }
        .voucher-grid input:focus { outline: 2px solid var(--accent); background: #f0f6ff; }
        .voucher-grid .amount { text-align: right; font-variant-numeric: tabular-nums; }
        .voucher-grid tfoot td { padding: 5px 8px; font-weight: 600; }
        .w-summary { width: 24%; } .w-account { width: 22%; } .w-amount { width: 12%; } .w-dim { width: 9%; } .w-choice { width: 6%; }
        .voucher-grid select { width: 100%; border: 0; background: transparent; padding: 5px 2px; }
        tr.has-error td { background: #fff1f0; }
        tr.line-error td { color: var(--red); padding: 3px 8px; background: #fff; border-top: 0; }
        .difference.unbalanced { color: var(--red); }
        .capitals { margin-left: 12px; font-weight: 600; }
        kbd { border: 1px solid #9aa5b1; border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font-size: 12px; background: #fff; }
        /* 记账凭证 for printing: one voucher per A5 landscape sheet. */
        body.print { background: #fff; }
        .voucher-form { width: 200mm; margin: 6mm auto; padding: 4mm 6mm; page-break-after: always; break-after: page; }
        .voucher-form h1 { text-align: center; font-size: 22px; letter-spacing: 10px; border-bottom: 3px double var(--ink); width: 60mm; margin: 0 auto 4mm; padding-bottom: 1mm; }
        .form-head { display: flex; justify-content: space-between; margin-bottom: 2mm; font-size: 13px; }
        .voucher-form table { width: 100%; border-collapse: collapse; font-size: 13px; table-layout: fixed; }
        .voucher-form td { overflow-wrap: anywhere; }
        .voucher-form th, .voucher-form td { border: 1px solid var(--ink); padding: 2mm 2mm; height: 9mm; }
        .voucher-form th { font-weight: 600; text-align: center; }
        .c-summary { width: 32%; } .c-account { width: 32%; } .c-amount { width: 18%; }
        .voucher-form tr.total td { font-weight: 600; }
        details.act summary { cursor: pointer; color: var(--accent); white-space: nowrap; }
        details.act[open] { min-width: 26em; }
        details.act form.act-form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
        p.warning, span.warning { color: #8a5300; background: #fff7e6; border-left: 4px solid #d48806; padding: 4px 8px; }
        span.warning { border-left: 0; padding: 0 4px; }
        .voucher-form .red-note { color: var(--red); font-size: 13px; margin: 0 0 2mm; }
        .voucher-form table.red-ink td.num { color: var(--red); }
        .signatures { display: flex; justify-content: space-between; margin-top: 3mm; font-size: 13px; }
        .signatures span { min-width: 30mm; }
        .screen-only { padding: 8px 20px; }
        /* 预算, 项目补贴, 经审, 汇总, 用户与权限. */
        .toolbar { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0 12px; padding: 8px 10px; background: #fff; border: 1px solid var(--line); }
        .stack { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; margin: 8px 0 16px; padding: 8px 10px; background: #fff; border: 1px solid var(--line); }
        .stack label { display: flex; flex-direction: column; gap: 4px; }
        .stack .toolbar { border: 0; padding: 0; margin: 0; }
        textarea { font: inherit; padding: 4px 6px; border: 1px solid #9aa5b1; border-radius: 2px; }
        .wide { overflow-x: auto; }
        .admin-link { margin-left: 4px; }
        .grid tr.section th { background: #eef2f6; }
        .grid tr.total td, .grid tfoot tr.total td { font-weight: 600; background: #fafbfc; }
        .grid tr.over td { background: #fff1f0; }
        .grid tr.acts td { background: #fbfcfd; border-top: 0; font-size: 13px; }
        .grid td.text { min-width: 22em; }
        .grid td.status, .grid td.severity, .grid td.actions, .grid td.nowrap { white-space: nowrap; }
        .grid td.vouchers { max-width: 14em; }
        .grid td.acts details summary { cursor: pointer; color: var(--accent); white-space: nowrap; }
        .grid td.acts form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; min-width: 22em; }
        .grid td.vouchers a { white-space: nowrap; margin-right: 6px; }
        .grid td.flags { color: var(--red); font-size: 13px; }
        .severity.high { color: var(--red); font-weight: 600; }
        .status.open { color: var(--red); } .status.answered { color: #b26a00; font-weight: 600; } .status.resolved, .status.accepted { color: #2e7d32; }
        table.record { border-collapse: collapse; background: #fff; margin: 8px 0 12px; min-width: 480px; }
        table.record th, table.record td { border: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
        table.record th { background: var(--head); white-space: nowrap; width: 7em; }
        blockquote.opinion { background: #fff; border-left: 4px solid var(--accent); margin: 8px 0; padding: 8px 14px; line-height: 1.7; }
        .signer { margin-right: 12px; }
        td.roles form.role { display: block; margin: 0 0 2px; }
        /* 审查意见 for printing: one A4 portrait page. */
        .opinion-form { page: opinion; width: 180mm; margin: 8mm auto; padding: 6mm 8mm; font-size: 15px; line-height: 1.9; }
        .opinion-form h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 0 0 6mm; }
        .opinion-form .opinion-text { text-indent: 2em; margin: 0 0 2mm; white-space: pre-wrap; }
        .opinion-form .opinion-basis { color: #52606d; font-size: 13px; }
        .opinion-signers { border-collapse: collapse; margin: 6mm 0; width: 100%; }
        .opinion-signers th, .opinion-signers td { border: 1px solid var(--ink); padding: 2mm 3mm; height: 10mm; text-align: left; }
        .opinion-date { text-align: right; margin-top: 10mm; }
        .pack-state.sent { color: #b26a00; font-weight: 600; } .pack-state.returned, .pack-state.superseded { color: var(--red); } .pack-state.received { color: #2e7d32; }
        @page opinion { size: A4 portrait; margin: 15mm; }
        /* 记账凭证 on A5 landscape; every other page (账簿, 报表) on A4. */
        @page voucher { size: A5 landscape; margin: 6mm; }
        @page { size: A4 portrait; margin: 12mm; }
        .voucher-form { page: voucher; box-sizing: border-box; }
        @media print {
          body { margin: 0; }
          .screen-only, .topbar, .menu, form.filters, .buttons, form.inline, .hint { display: none; }
          .voucher-form { margin: 0; width: 100%; max-width: 198mm; padding: 0; }
          .voucher-form table, .form-head, .signatures { font-size: 12px; }
          .voucher-form th, .voucher-form td { height: 8mm; padding: 1.5mm; }
          main { margin: 0; padding: 0; max-width: none; }
        }
        """
}
