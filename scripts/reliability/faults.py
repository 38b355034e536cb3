#!/usr/bin/env python3
"""Database faults: a corrupted book, a full disk and a read-only disk each get a clear error,
never a crash, and the book is never made worse.

usage: faults.py FUNDLEDGER
The full and read-only disks are small tmpfs mounts and need root; without it they are skipped
(and say so).
"""
import hashlib, os, subprocess, sys, tempfile

fundledger = os.path.abspath(sys.argv[1])
os.environ["FUNDLEDGER_USER"] = "测试员"
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
passed, failures, skipped = 0, [], []


def run(*args):
    return subprocess.run([fundledger, *args], capture_output=True, text=True, cwd=root)


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def expect_clear_error(result, words, what):
    global passed
    if result.returncode < 0:
        failures.append(f"{what}: crashed with signal {-result.returncode}")
    elif result.returncode == 0:
        failures.append(f"{what}: succeeded")
    # Messages are Chinese by default; each keeps its English rule id in brackets.
    elif not result.stderr.startswith("错误：") or not any(w in result.stderr for w in words):
        failures.append(f"{what}: unclear error: {result.stderr.strip()[:200]}")
    else:
        passed += 1


def small_book(path):
    run("init", "--book", path)
    run("user", "grant", "测试员", "officer", "--book", path)
    run("org", "import", "ledgers/errors/setup/organizations.csv", "--book", path)
    for person in ["王芳", "李强"]:
        run("user", "grant", person, "officer", "--org", "FED-01", "--book", path)
    run("import", "ledgers/errors/setup/base.journal", "--book", path)


with tempfile.TemporaryDirectory() as folder:
    # A flipped byte inside the file.
    book = os.path.join(folder, "corrupt.sqlite")
    small_book(book)
    data = bytearray(open(book, "rb").read())
    for offset in range(4096 + 100, len(data), 4096):
        data[offset] ^= 0xFF
    open(book, "wb").write(bytes(data))
    before = digest(book)
    expect_clear_error(run("verify", "--book", book), ["[not-a-book]", "[database]", "已损坏"], "verify of a corrupted book")
    expect_clear_error(run("import", "ledgers/errors/setup/base.journal", "--book", book), ["[not-a-book]", "[database]", "已损坏", "拒绝"],
                       "import into a corrupted book")
    if digest(book) != before:
        failures.append("the corrupted book was changed by the commands run on it")
    else:
        passed += 1
    # A backup that fails verify is never restored, and the book it would replace is untouched.
    target = os.path.join(folder, "target.sqlite")
    small_book(target)
    target_before = digest(target)
    expect_clear_error(run("restore", book, "--book", target), ["[backup-not-a-book]", "[not-a-book]", "校验发现"], "restore of a corrupted backup")
    if digest(target) != target_before or not os.path.exists(target):
        failures.append("a refused restore changed the book")
    else:
        passed += 1
    # Not a database at all.
    garbage = os.path.join(folder, "garbage.sqlite")
    open(garbage, "wb").write(os.urandom(20000))
    expect_clear_error(run("verify", "--book", garbage), ["[not-a-book]"], "verify of random bytes")

    mount = os.path.join(folder, "disk")
    os.makedirs(mount)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3000k", "tmpfs", mount], capture_output=True).returncode != 0:
        skipped.append("full and read-only disks (mounting a tmpfs needs root)")
    else:
        try:
            book = os.path.join(mount, "book.sqlite")
            small_book(book)
            baseline = run("report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "csv", "--book", book).stdout
            big = os.path.join(folder, "big.journal")
            with open(big, "w", encoding="utf-8") as f:
                for i in range(8000):
                    f.write(f"2026-03-{1 + i % 28:02d} * 大量会费收入第{i}笔用于填满磁盘的说明文字  ; org:FED-01\n    102  {1 + i}.00\n    401  -{1 + i}.00\n\n")
            expect_clear_error(run("import", big, "--reviewer", "李强", "--book", book), ["磁盘已满"], "import onto a full disk")
            after = run("report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "csv", "--book", book)
            if after.stdout != baseline or run("verify", "--book", book).returncode != 0:
                failures.append(f"the book changed or fails verify after the full disk: {after.stderr.strip()}")
            else:
                passed += 1
            # A backup onto the full disk fails clearly and leaves nothing under its name.
            filler = os.path.join(mount, "filler")
            descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(descriptor, b"\0" * 4096) > 0:
                    pass
            except OSError:
                pass
            os.close(descriptor)
            target = os.path.join(mount, "backup.sqlite")
            expect_clear_error(run("backup", "-o", target, "--book", book), ["磁盘已满"], "backup onto a full disk")
            left = sorted(name for name in os.listdir(mount) if name.startswith("backup.sqlite"))
            if left:
                failures.append(f"a failed backup left {left}")
            else:
                passed += 1
            os.remove(filler)
            subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
            expect_clear_error(run("close", "--org", "FED-01", "--period", "2026-02", "--book", book), ["[read-only]", "只读"], "close on a read-only disk")
            # Commands that only read work on read-only media.
            for args in (["report", "trial-balance", "--org", "FED-01", "--year", "2026", "--format", "csv"], ["verify"]):
                result = run(*args, "--book", book)
                if result.returncode != 0 or (args[0] == "report" and result.stdout != baseline):
                    failures.append(f"{args[0]} on a read-only disk failed: {result.stderr.strip()}")
                else:
                    passed += 1
        finally:
            subprocess.run(["umount", mount], capture_output=True)

for failure in failures:
    print("FAIL " + failure)
for skip in skipped:
    print("skipped: " + skip)
print(f"database faults: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
