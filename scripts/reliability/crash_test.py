#!/usr/bin/env python3
"""Crash safety: kills fundledger with SIGKILL at random moments during an import, a month's
close, a year-end close and a subsidy payment, then checks that `verify` passes and that each act happened whole
or not at all (both books or neither for the payment). Kills `backup` (nothing partial under the
backup's name) and `restore` (the book verifies and holds either its old content or the backup's,
and every kept copy is whole), and restores a book while another process imports into it (the
import lands whole in the restored book or in the kept copy, or fails cleanly).

usage: crash_test.py FUNDLEDGER [TRIALS]       (TRIALS per act, default 20; `make stress` runs 200)
"""
import glob, os, random, signal, sqlite3, subprocess, sys, tempfile, time

fundledger = os.path.abspath(sys.argv[1])
trials = int(sys.argv[2]) if len(sys.argv) > 2 else 20
os.environ["FUNDLEDGER_USER"] = "测试员"
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
rng = random.Random(2026)
failures = []
outcomes = {}


def run(*args, check=True):
    return subprocess.run([fundledger, *args], capture_output=True, text=True, check=check, cwd=root)


def count(book, sql):
    with sqlite3.connect(f"file:{book}?mode=ro", uri=True) as db:
        return db.execute(sql).fetchone()[0]


def content(book):
    """Every row of every table, in a canonical order: two books with equal content are equal."""
    with sqlite3.connect(f"file:{book}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(repr(row) for row in db.execute(f'SELECT * FROM "{table}"')) for table in tables}


def alone(path, folder):
    """A copy of the one file at `path`, without any -wal or -shm beside it."""
    copy = os.path.join(folder, "alone.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    subprocess.run(["cp", path, copy], check=True)
    return copy


def remove(pattern):
    for path in glob.glob(pattern):
        os.remove(path)


def killed_at_random(args, duration):
    """Starts fundledger, kills it at a random moment within about its run time."""
    env = dict(os.environ, FUNDLEDGER_USER="测试员")
    process = subprocess.Popen([fundledger, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root, env=env)
    time.sleep(rng.uniform(0, duration * 1.6))
    process.send_signal(signal.SIGKILL)
    process.wait()


def trial(name, book, act, duration, check_whole):
    for index in range(trials):
        copy = book + f".{name}{index}.sqlite"
        subprocess.run(["cp", book, copy], check=True)
        killed_at_random([*act, "--book", copy], duration)
        verify = run("verify", "--book", copy, check=False)
        if verify.returncode != 0:
            failures.append(f"{name} trial {index}: verify failed: {verify.stdout.strip()} {verify.stderr.strip()}")
        problem = check_whole(copy)
        if problem:
            failures.append(f"{name} trial {index}: {problem}")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
    seen = outcomes.get(name, [])
    print(f"{name}: {trials} kills ({seen.count('none')} left none, {seen.count('all')} left all), "
          f"{sum(1 for f in failures if f.startswith(name))} failures")


with tempfile.TemporaryDirectory() as folder:
    base = os.path.join(folder, "base.sqlite")
    subprocess.run([sys.executable, os.path.join(root, "scripts/bench/gen_province.py"), "300", "8", folder], check=True, capture_output=True)
    run("init", "--book", base)
    # The acting user, the preparer and reviewer the generated journal names, and the reviewer
    # of the acts below keep every union's books.
    for person in ["测试员", "甲", "乙", "李强"]:
        run("user", "grant", person, "officer", "--book", base)
    run("org", "import", os.path.join(folder, "organizations.csv"), "--book", base)
    journal = os.path.join(folder, "province.journal")
    total = sum(1 for line in open(journal, encoding="utf-8") if line[:1].isdigit())
    start = time.time()
    timed = base + ".timed.sqlite"
    subprocess.run(["cp", base, timed], check=True)
    run("import", journal, "--book", timed)
    import_seconds = time.time() - start

    def whole_import(copy):
        posted = count(copy, "SELECT count(*) FROM voucher WHERE status = 'posted'")
        outcomes.setdefault("import", []).append("none" if posted == 0 else "all" if posted == total else "part")
        return None if posted in (0, total) else f"{posted} of {total} vouchers posted"
    trial("import", base, ["import", journal], import_seconds, whole_import)

    # A year-end close of the imported province's county.
    start = time.time()
    closed = timed + ".closed.sqlite"
    subprocess.run(["cp", timed, closed], check=True)
    run("close-year", "--org", "C0", "--year", "2026", "--reviewer", "乙", "--book", closed)
    close_seconds = time.time() - start
    expected = count(closed, "SELECT count(*) FROM voucher WHERE kind = 'closing'")

    def whole_close(copy):
        made = count(copy, "SELECT count(*) FROM voucher WHERE kind = 'closing'")
        outcomes.setdefault("close-year", []).append("none" if made == 0 else "all" if made == expected else "part")
        return None if made in (0, expected) else f"{made} of {expected} closing vouchers"
    trial("close-year", timed, ["close-year", "--org", "C0", "--year", "2026", "--reviewer", "乙"], close_seconds, whole_close)

    # Closing a month writes the close and its log line together.
    start = time.time()
    probe = timed + ".close.sqlite"
    subprocess.run(["cp", timed, probe], check=True)
    run("close", "--org", "C0", "--period", "2026-01", "--reviewer", "乙", "--book", probe)
    month_seconds = time.time() - start

    def whole_month_close(copy):
        closes = count(copy, "SELECT count(*) FROM period_close")
        logged = count(copy, "SELECT count(*) FROM period_log WHERE action = 'close'")
        outcomes.setdefault("close", []).append("none" if closes == 0 else "all")
        return None if closes == logged and closes in (0, 1) else f"{closes} closes but {logged} log lines"
    trial("close", timed, ["close", "--org", "C0", "--period", "2026-01", "--reviewer", "乙"], month_seconds, whole_month_close)

    # A subsidy payment posts two books at once.
    paying = timed + ".subsidy.sqlite"
    subprocess.run(["cp", timed, paying], check=True)
    items = os.path.join(folder, "items.csv")
    with open(items, "w", encoding="utf-8") as f:
        f.write("code,grantor,recipient,title,purpose,accounts,approved,document,document_date,window_start,deadline\n")
        f.write("XB-1,C0,C0T0F0,竞赛,奖品,50301,50000.00,文1号,2026-01-05,2026-01-05,2026-12-31\n")
    run("subsidy", "import", items, "--book", paying)
    start = time.time()
    probe = paying + ".probe.sqlite"
    subprocess.run(["cp", paying, probe], check=True)
    run("subsidy", "disburse", "XB-1", "--amount", "10000", "--date", "2026-06-01", "--reviewer", "李强", "--book", probe)
    pay_seconds = time.time() - start

    def both_or_neither(copy):
        books = count(copy, "SELECT count(DISTINCT v.organization_id) FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id WHERE l.project = 'XB-1'")
        outcomes.setdefault("subsidy", []).append("none" if books == 0 else "all" if books == 2 else "part")
        return None if books in (0, 2) else f"the payment reached {books} book(s)"
    trial("subsidy", paying, ["subsidy", "disburse", "XB-1", "--amount", "10000", "--date", "2026-06-01", "--reviewer", "李强"], pay_seconds, both_or_neither)

    # A backup taken while another process imports holds none or all of that import, and
    # restores only because it verifies.
    backups = 0
    for index in range(max(3, trials // 4)):
        live = base + f".live{index}.sqlite"
        subprocess.run(["cp", base, live], check=True)
        importing = subprocess.Popen([fundledger, "import", journal, "--book", live], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root)
        time.sleep(rng.uniform(0, import_seconds * 1.2))
        copy = live + ".backup"
        taken = run("backup", "-o", copy, "--book", live, check=False)
        importing.wait()
        if taken.returncode != 0:
            failures.append(f"backup {index}: {taken.stderr.strip()}")
            continue
        restored = live + ".restored.sqlite"
        result = run("restore", copy, "--book", restored, check=False)
        if result.returncode != 0:
            failures.append(f"backup {index}: restore refused: {result.stderr.strip()}")
            continue
        posted = count(restored, "SELECT count(*) FROM voucher WHERE status = 'posted'")
        if posted not in (0, total):
            failures.append(f"backup {index}: the restored book holds {posted} of {total} vouchers")
        backups += 1
    print(f"backup during import: {backups} backups restored, none half an import")

    # A killed backup leaves nothing under the backup's name, or the whole book: one file that
    # needs no -wal.
    timed_content = content(timed)
    start = time.time()
    run("backup", "-o", timed + ".probe.backup", "--book", timed)
    backup_seconds = time.time() - start
    seen = outcomes.setdefault("backup", [])
    for index in range(trials):
        target = os.path.join(folder, f"killed{index}.backup")
        killed_at_random(["backup", "-o", target, "--book", timed], backup_seconds)
        if not os.path.exists(target):
            seen.append("none")
        elif os.path.exists(target + "-wal"):
            failures.append(f"backup {index}: a -wal beside the backup")
        elif content(alone(target, folder)) != timed_content:
            failures.append(f"backup {index}: the file under the backup's name is not the whole book")
        else:
            seen.append("all")
        remove(target + "*")
    print(f"backup: {trials} kills ({seen.count('none')} left none, {seen.count('all')} left all), "
          f"{sum(1 for f in failures if f.startswith('backup '))} failures")

    # A killed restore leaves the book verifying, with its old content or the backup's; every
    # kept copy of the replaced book is whole. Half the trials restore the small book over the
    # large one, half the large over the small.
    base_backup = base + ".backup"
    timed_backup = timed + ".backup"
    run("backup", "-o", base_backup, "--book", base)
    run("backup", "-o", timed_backup, "--book", timed)
    base_content = content(base)
    durations = {}
    for backup, live in ((base_backup, timed), (timed_backup, base)):
        probe = live + ".restore-probe.sqlite"
        subprocess.run(["cp", live, probe], check=True)
        start = time.time()
        run("restore", backup, "--book", probe)
        durations[backup] = time.time() - start
    seen = outcomes.setdefault("restore", [])
    for index in range(trials):
        backup, live = (base_backup, timed) if index % 2 == 0 else (timed_backup, base)
        old, new = (timed_content, base_content) if index % 2 == 0 else (base_content, timed_content)
        copy = os.path.join(folder, f"restoring{index}.sqlite")
        subprocess.run(["cp", live, copy], check=True)
        killed_at_random(["restore", backup, "--book", copy], durations[backup])
        now = content(copy)
        if now not in (old, new):
            failures.append(f"restore {index}: the book holds neither its old content nor the backup's")
        else:
            seen.append("none" if now == old else "all")
        verify = run("verify", "--book", copy, check=False)
        if verify.returncode != 0:
            failures.append(f"restore {index}: verify failed: {verify.stdout.strip()} {verify.stderr.strip()}")
        for kept in glob.glob(copy + ".replaced-*"):
            if content(alone(kept, folder)) != old:
                failures.append(f"restore {index}: the kept copy {os.path.basename(kept)} is not the whole replaced book")
        if now == new and not glob.glob(copy + ".replaced-*"):
            failures.append(f"restore {index}: restored, but no copy of the replaced book is kept")
        remove(copy + "*")
    print(f"restore: {trials} kills ({seen.count('none')} left none, {seen.count('all')} left all), "
          f"{sum(1 for f in failures if f.startswith('restore '))} failures")

    # A restore while another process imports into the book: the import lands whole in the
    # restored book or in the kept copy of the replaced one (never in a file moved away), or
    # fails cleanly.
    landed = {"restored book": 0, "kept copy": 0, "refused": 0}
    probe = base + ".restore-probe.sqlite"
    subprocess.run(["cp", base, probe], check=True)
    start = time.time()
    run("restore", base_backup, "--book", probe)
    small_restore_seconds = time.time() - start
    for index in range(max(3, trials // 4)):
        live = os.path.join(folder, f"importing{index}.sqlite")
        subprocess.run(["cp", base, live], check=True)
        def start(*args):
            return subprocess.Popen([fundledger, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=root, text=True)
        # Every other trial starts the restore first, so that the import waits for it.
        if index % 2 == 0:
            importing = start("import", journal, "--book", live)
            time.sleep(rng.uniform(0, import_seconds * 1.2))
            restoring = start("restore", base_backup, "--book", live)
        else:
            restoring = start("restore", base_backup, "--book", live)
            time.sleep(rng.uniform(0.5, 1.0) * small_restore_seconds)
            importing = start("import", journal, "--book", live)
        restored = subprocess.CompletedProcess([], restoring.wait(), "", restoring.stderr.read())
        imported = importing.wait() == 0
        import_error = importing.stderr.read()
        kept = glob.glob(live + ".replaced-*")
        in_live = count(live, "SELECT count(*) FROM voucher WHERE status = 'posted'")
        in_kept = count(kept[0], "SELECT count(*) FROM voucher WHERE status = 'posted'") if kept else 0
        if restored.returncode != 0 and "[busy]" not in restored.stderr:
            failures.append(f"restore during import {index}: restore failed: {restored.stderr.strip()}")
        elif restored.returncode == 0 and len(kept) != 1:
            failures.append(f"restore during import {index}: {len(kept)} kept copies")
        elif imported and sorted((in_live, in_kept)) != [0, total]:
            failures.append(f"restore during import {index}: the import reported success, but the book holds {in_live} and the kept copy {in_kept} of {total}")
        elif not imported and (in_live, in_kept) != (0, 0):
            failures.append(f"restore during import {index}: a failed import left {in_live} and {in_kept} vouchers")
        elif not imported and not import_error.startswith("错误："):
            failures.append(f"restore during import {index}: the import failed without a clear error: {import_error.strip()[:200]}")
        else:
            landed["restored book" if imported and in_live == total else "kept copy" if imported else "refused"] += 1
        if run("verify", "--book", live, check=False).returncode != 0:
            failures.append(f"restore during import {index}: the book fails verify")
        remove(live + "*")
    print(f"restore during import: the import landed in the restored book {landed['restored book']} times, "
          f"in the kept copy {landed['kept copy']} times, was refused {landed['refused']} times")

for failure in failures[:20]:
    print("FAIL " + failure)
print(f"crash safety: {6 * trials + 2 * max(3, trials // 4) - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
