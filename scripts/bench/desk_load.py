#!/usr/bin/env python3
"""Load on the desk (a benchmark, not a test): logged-in sessions reading pages and officers
entering, reviewing and posting vouchers, all at once, against `fundledger serve` on a fresh demo
book on 127.0.0.1.

    python3 scripts/bench/desk_load.py BIN [--readers 200] [--writers 20] [--seconds 60] [--think 1.0] [--markdown]

Each reader is its own login (cookie and CSRF token) and reads one page after another, pausing
--think seconds (uniformly 0.5x to 1.5x) between them, as a person does; a writer holds two logins,
刘敏 who enters a three-line voucher of FED-12 through the entry form, and 赵敏 who reviews and posts
it, then pauses the same way. Every request runs on one keep-alive connection per login with
asyncio (no threads), so that the client takes as little of the machine as it can.

Prints p50 and p99 per page kind, as the client waited and as the server spent (its
`Server-Timing` header: the difference is time queued), the errors by page kind and by kind of
error (any status other than the expected one, or a failure to connect), and the time of one
voucher post alone (20 posts one after another on an otherwise idle server), both ways. With --markdown, prints the section of BENCHMARKS.md instead.
The server is stopped by its PID at the end; every loop is bounded by --seconds.
"""
import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ADMIN = "演示导入"
PASSWORD = "desk-bench-2026"
ORG = "FED-12"
# The demo reads its files from the repository's ledgers/demo/.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
READERS = ["刘敏", "赵敏", "陈静", "钱进", ADMIN]
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Connection:
    """One keep-alive HTTP/1.1 connection with a cookie jar of one login."""

    def __init__(self, port):
        self.port = port
        self.reader = None
        self.writer = None
        self.cookies = {}
        self.csrf = ""
        self.user = ""

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method, path, form=None):
        if self.writer is None:
            await self.open()
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        head = [f"{method} {urllib.parse.quote(path, safe='/?=&%-._~')} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Connection: keep-alive"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, headers = 0, False, {}
        while True:
            line = (await self.reader.readline()).decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            headers.setdefault(name, []).append(value)
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, cookie = pair.partition("=")
                if cookie and "Max-Age=0" not in value and "max-age=0" not in value.lower():
                    self.cookies[key.strip()] = cookie.strip()
                else:
                    self.cookies.pop(key.strip(), None)
        if chunked:
            data = b""
            while True:
                size = int((await self.reader.readline()).strip() or b"0", 16)
                if size == 0:
                    await self.reader.readline()
                    break
                data += await self.reader.readexactly(size)
                await self.reader.readline()
        else:
            data = await self.reader.readexactly(length) if length else b""
        return status, headers, data.decode("utf-8", "replace")

    async def login(self, user):
        self.user = user
        status, _, page = await self.request("GET", "/login")
        token = CSRF.search(page).group(1)
        status, headers, _ = await self.request("POST", "/login", {"_csrf": token, "user": user, "password": PASSWORD})
        if status != 303:
            raise RuntimeError(f"login of {user} answered {status}")
        status, _, page = await self.request("GET", "/")
        self.csrf = CSRF.search(page).group(1)

    def close(self):
        if self.writer:
            self.writer.close()


class Stats:
    def __init__(self):
        self.times = {}
        self.server = {}
        self.errors = {}

    def add(self, kind, seconds, server=None):
        self.times.setdefault(kind, []).append(seconds)
        if server is not None:
            self.server.setdefault(kind, []).append(server)

    def error(self, kind, what):
        self.errors.setdefault(kind, {}).setdefault(what, 0)
        self.errors[kind][what] += 1


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def server_time(headers):
    """The server's own time for an answer in seconds, from its `Server-Timing: app;dur=MS` header."""
    for value in headers.get("server-timing", []):
        match = re.search(r"app;dur=([0-9.]+)", value)
        if match:
            return float(match.group(1)) / 1000
    return None


async def timed(stats, kind, connection, method, path, form=None, expect=200):
    start = time.perf_counter()
    try:
        status, headers, body = await connection.request(method, path, form)
    except (OSError, ConnectionError, asyncio.IncompleteReadError) as error:
        stats.error(kind, type(error).__name__)
        connection.writer = None
        return None, None, None
    stats.add(kind, time.perf_counter() - start, server_time(headers))
    if status != expect:
        stats.error(kind, f"status {status}")
    return status, headers, body


OFFICERS = {"刘敏", "赵敏", ADMIN}
# Who may read the county's own pages (the others read FED-12's: its subsidies received, its own roll-up).
COUNTY_READERS = {"钱进", "赵敏", ADMIN}
county = "CTY-01"


def page_kinds(voucher_ids, user):
    """Every page kind a reader opens, with its address, as `user` may read them."""
    voucher = random.choice(voucher_ids) if voucher_ids else 1
    kinds = [
        ("首页", "/"),
        ("凭证列表", f"/orgs/{ORG}/vouchers?period=2026-06"),
        ("凭证", f"/orgs/{ORG}/vouchers/{voucher}"),
        ("凭证打印", f"/orgs/{ORG}/vouchers/{voucher}/print"),
        ("凭证录入", f"/orgs/{ORG}/vouchers/new"),
        ("科目余额表", f"/orgs/{ORG}/reports/trial-balance?year=2026"),
        ("结账", f"/orgs/{ORG}/periods?year=2026"),
        ("经审", f"/orgs/{ORG}/audit?year=2026"),
        ("项目补贴", f"/orgs/{county if user in COUNTY_READERS else ORG}/subsidies?year=2026"),
        ("汇总表", f"/orgs/{county}/rollup?year=2026"),
    ]
    # The roll-up is the county's: a federation's officer or committee member may not read the unions below it.
    kinds = [kind for kind in kinds if kind[0] != "汇总表" or user in COUNTY_READERS]
    # Only an officer opens the entry form (anyone else is refused it, rightly).
    return [kind for kind in kinds if kind[0] != "凭证录入" or user in OFFICERS]


def pages(voucher_ids, user):
    return random.choice(page_kinds(voucher_ids, user))


async def reader(connection, stats, deadline, think, voucher_ids):
    # People do not all click in the same millisecond: each session starts within one pause.
    await asyncio.sleep(think * random.uniform(0, 1))
    while time.perf_counter() < deadline:
        kind, path = pages(voucher_ids, connection.user)
        await timed(stats, kind, connection, "GET", path)
        await asyncio.sleep(think * random.uniform(0.5, 1.5))


def voucher_form(csrf, n):
    amount = 100 + n % 900
    return [("_csrf", csrf), ("date", "2027-01-18"), ("attachments", "1"),
            ("summary", f"压测凭证{n}"), ("account", "50304"), ("debit", f"{amount}.00"), ("credit", ""),
            ("summary", "压测凭证"), ("account", "50304"), ("debit", "10.50"), ("credit", ""),
            ("summary", "付款"), ("account", "102"), ("debit", ""), ("credit", f"{amount + 10}.50")]


async def enter_and_post(officer, reviewer, stats, n, kinds=("录入保存", "审核", "记账")):
    await timed(stats, "凭证录入", officer, "GET", f"/orgs/{ORG}/vouchers/new")
    status, headers, _ = await timed(stats, kinds[0], officer, "POST", f"/orgs/{ORG}/vouchers/new", voucher_form(officer.csrf, n), expect=303)
    if status != 303:
        return None
    voucher = headers["location"][0].rsplit("/", 1)[1]
    back = "period=2027-01&status=reviewed&text=none"
    await timed(stats, kinds[1], reviewer, "POST", f"/orgs/{ORG}/vouchers/batch",
                [("_csrf", reviewer.csrf), ("voucher", voucher), ("act", "review"), ("back", back)])
    await timed(stats, kinds[2], reviewer, "POST", f"/orgs/{ORG}/vouchers/batch",
                [("_csrf", reviewer.csrf), ("voucher", voucher), ("act", "post"), ("back", back)])
    return voucher


async def writer(officer, reviewer, stats, deadline, think, start):
    n = start
    await asyncio.sleep(think * random.uniform(0, 1))
    while time.perf_counter() < deadline:
        await enter_and_post(officer, reviewer, stats, n)
        n += 1
        await asyncio.sleep(think * random.uniform(0.5, 1.5))


async def logged_in(port, user):
    connection = Connection(port)
    await connection.login(user)
    return connection


async def main_async(arguments, port):
    # The logins, a few at a time: each is a bcrypt check, which is meant to be slow.
    semaphore = asyncio.Semaphore(4)

    async def login(user):
        async with semaphore:
            return await logged_in(port, user)

    started = time.perf_counter()
    readers = await asyncio.gather(*[login(READERS[i % len(READERS)]) for i in range(arguments.readers)])
    officers = await asyncio.gather(*[login("刘敏") for _ in range(arguments.writers)])
    reviewers = await asyncio.gather(*[login("赵敏") for _ in range(arguments.writers)])
    login_seconds = time.perf_counter() - started
    # Voucher ids to read: FED-12's posted vouchers of June, from the list page.
    _, _, listing = await readers[0].request("GET", f"/orgs/{ORG}/vouchers?period=all")
    voucher_ids = sorted({int(v) for v in re.findall(rf'/orgs/{ORG}/vouchers/(\d+)"', listing)}) or [1]

    stats = Stats()
    deadline = time.perf_counter() + arguments.seconds
    tasks = [reader(c, stats, deadline, arguments.think, voucher_ids) for c in readers]
    tasks += [writer(o, r, stats, deadline, arguments.think, 1000 * i) for i, (o, r) in enumerate(zip(officers, reviewers))]
    began = time.perf_counter()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began

    # One voucher post alone: 20 in a row on the idle server.
    alone = Stats()
    for i in range(20):
        await enter_and_post(officers[0], reviewers[0], alone, 900_000 + i)
    # Each page kind alone: 10 requests in a row by the administrator (who may read every page).
    for kind, path in page_kinds(voucher_ids, ADMIN):
        for _ in range(10):
            await timed(alone, "alone " + kind, readers[READERS.index(ADMIN)], "GET", path)
    for connection in readers + officers + reviewers:
        connection.close()
    return stats, alone, elapsed, login_seconds


def prepare(binary, folder):
    book = os.path.join(folder, "bench.sqlite")
    subprocess.run([binary, "demo", "--book", book, "--exports", os.path.join(folder, "exports")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    for user in set(READERS + ["刘敏", "赵敏"]):
        subprocess.run([binary, "user", "password", user, "--book", book, "--as", ADMIN], input=PASSWORD + "\n", text=True,
                       check=True, stdout=subprocess.DEVNULL)
    return book


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port, server):
    import urllib.request
    for _ in range(150):
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz")


def build_kind(binary):
    return "release build" if "/release/" in binary else "debug build" if "/debug/" in binary else os.path.basename(binary)


def report(arguments, stats, alone, elapsed, login_seconds, binary, markdown):
    kinds = sorted(stats.times, key=lambda k: -percentile(stats.times[k], 99))
    total = sum(len(v) for v in stats.times.values())
    errors = sum(sum(e.values()) for e in stats.errors.values())
    rows = []
    for kind in kinds:
        values = stats.times[kind]
        server = stats.server.get(kind, [])
        rows.append((kind, len(values), percentile(values, 50) * 1000, percentile(values, 99) * 1000, max(values) * 1000,
                     percentile(server, 50) * 1000, percentile(server, 99) * 1000,
                     ", ".join(f"{what}: {n}" for what, n in sorted(stats.errors.get(kind, {}).items())) or "0"))
    # Kinds that only failed (no answer timed) still show their errors.
    for kind in sorted(set(stats.errors) - set(stats.times)):
        rows.append((kind, 0, float("nan"), float("nan"), float("nan"), float("nan"), float("nan"),
                     ", ".join(f"{what}: {n}" for what, n in sorted(stats.errors[kind].items()))))
    by_error = {}
    for kinds_errors in stats.errors.values():
        for what, n in kinds_errors.items():
            by_error[what] = by_error.get(what, 0) + n
    errors_text = ", ".join(f"{what}: {n}" for what, n in sorted(by_error.items())) or "none"
    post_alone = alone.times.get("记账", [])
    post_server = alone.server.get("记账", [])
    # Each page kind alone on the idle server: what one request costs without queueing.
    solo = [(kind[len("alone "):], statistics.median(alone.server.get(kind) or [float("nan")]) * 1000, max(alone.times[kind]) * 1000)
            for kind in alone.times if kind.startswith("alone ")]
    solo_text = "; ".join(f"{kind} {server:.1f} ms" for kind, server, _ in solo)
    lines = []
    if markdown:
        pace = "a person's pace" if arguments.think >= 3 else "a stress test"
        lines.append(f"## The desk under load, {arguments.think:g} s between pages ({pace})")
        lines.append("")
        lines.append(f"`python3 scripts/bench/desk_load.py {os.path.relpath(binary)} --readers {arguments.readers} --writers {arguments.writers} "
                     f"--seconds {arguments.seconds} --think {arguments.think}`: `fundledger serve` on a fresh demo book, "
                     f"{arguments.readers} logged-in sessions reading pages (each pausing {arguments.think} s ± 50 % between pages) and "
                     f"{arguments.writers} officers entering a three-line voucher, which a second officer reviews and posts, for "
                     f"{arguments.seconds} s; the client (Python asyncio, one keep-alive connection per login) runs on the same "
                     f"{os.cpu_count()} cores as the server. {total} requests in {elapsed:.0f} s ({total / elapsed:.0f} a second), "
                     f"{errors} errors; the {arguments.readers + 2 * arguments.writers} logins took {login_seconds:.0f} s beforehand (bcrypt, cost 12). "
                     f"Load average of the machine at the end: {os.getloadavg()[0]:.1f}; binary: {build_kind(binary)}.")
        lines.append("")
        lines.append("| page kind | requests | p50 ms | p99 ms | max ms | server p50 ms | server p99 ms | errors |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for kind, n, p50, p99, top, sp50, sp99, err in rows:
            lines.append(f"| {kind} | {n} | {p50:.1f} | {p99:.1f} | {top:.1f} | {sp50:.1f} | {sp99:.1f} | {err} |")
        lines.append("")
        lines.append(f"Errors by kind: {errors_text}.")
        lines.append("")
        if post_alone:
            lines.append(f"One voucher post (记账 of a reviewed voucher, the answer page included) on the otherwise idle server, "
                         f"{len(post_alone)} in a row: median {statistics.median(post_alone) * 1000:.1f} ms, "
                         f"slowest {max(post_alone) * 1000:.1f} ms"
                         + (f"; server time median {statistics.median(post_server) * 1000:.1f} ms, slowest {max(post_server) * 1000:.1f} ms"
                            if post_server else "")
                         + " (goal: 20 ms). Goals under load: p99 ≤ 100 ms for pages, no errors.")
        if solo:
            lines.append("")
            lines.append(f"Each page alone on the idle server (server time, median of 10 in a row): {solo_text}.")
    else:
        print(f"{total} requests in {elapsed:.1f} s, {errors} errors; logins took {login_seconds:.1f} s")
        print(f"{'kind':<10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'srv p50':>8} {'srv p99':>8}  errors")
        for kind, n, p50, p99, top, sp50, sp99, err in rows:
            print(f"{kind:<10} {n:>6} {p50:>8.1f} {p99:>8.1f} {top:>8.1f} {sp50:>8.1f} {sp99:>8.1f}  {err}")
        print(f"errors by kind: {errors_text}")
        if post_alone:
            print(f"one voucher post alone: median {statistics.median(post_alone) * 1000:.1f} ms, max {max(post_alone) * 1000:.1f} ms"
                  + (f"; server time median {statistics.median(post_server) * 1000:.1f} ms, max {max(post_server) * 1000:.1f} ms"
                     if post_server else ""))
        if solo:
            print(f"each page alone (server time, median of 10): {solo_text}")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--markdown", action="store_true")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    folder = tempfile.mkdtemp(prefix="fundledger-desk-bench-")
    book = prepare(binary, folder)
    port = free_port()
    log = open(os.path.join(folder, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--book", book, "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, server)
        stats, alone, elapsed, login_seconds = asyncio.run(main_async(arguments, port))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    report(arguments, stats, alone, elapsed, login_seconds, binary, arguments.markdown)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
