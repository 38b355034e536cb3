"""What the workbook checks share: the book being checked (`configure`), the tally of checks and
failures, the binary's JSON reports, amounts read to the fen, and LibreOffice's recalculation of
workbooks to CSV."""
import glob, json, os, re, shutil, subprocess, zipfile
from decimal import Decimal

MONEY = "#,##0.00"


class Context:
    """The binary, the book and its exports folder; how many checks ran and which failed; the
    chain heads `verify` printed, read once."""

    def __init__(self):
        self.fundledger = self.book = self.exports = None
        self.checks = 0
        self.failures = []
        self.heads = None


context = Context()


def configure(fundledger, book, exports):
    context.fundledger, context.book, context.exports = fundledger, book, exports


def check(condition, message):
    context.checks += 1
    if not condition:
        context.failures.append(message)
        print("FAIL " + message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fen(value):
    if value is None or value == "":
        return 0
    number = Decimal(str(value).replace(",", "")) * 100
    return int(number.quantize(Decimal(1)))


def trial_balance(code, year):
    return json.loads(run(context.fundledger, "report", "trial-balance", "--book", context.book, "--org", code, "--year", year, "--format", "json"))


def libreoffice_recalculated(paths, folder):
    """Converts workbooks to CSV with LibreOffice, recalculating all formulas on load."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    profile = os.path.join(folder, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
                '<value>0</value></prop></item>\n</oor:items>\n')
    out = os.path.join(folder, "csv")
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out] + paths,
                   check=True, capture_output=True, timeout=600)
    return out


def report_json(*args):
    return json.loads(run(context.fundledger, "report", *args, "--book", context.book, "--format", "json"))


def yearly(prefix):
    """Workbooks named PREFIX-ORG-YEAR.xlsx, as (path, org, year)."""
    for path in sorted(glob.glob(os.path.join(context.exports, prefix + "-*.xlsx"))):
        match = re.fullmatch(re.escape(prefix) + r"-(.+)-(\d{4})\.xlsx", os.path.basename(path))
        if match:
            yield path, match.group(1), match.group(2)


def verified_heads():
    """The chain heads `verify` prints (vouchers/events, organisation, links, hash), once."""
    if context.heads is None:
        out = subprocess.run([context.fundledger, "verify", "--book", context.book], capture_output=True, text=True).stdout
        context.heads = set(re.findall(r"^  ((?:vouchers|events) \S+ \d+ [0-9a-f]{64})$", out, re.M))
    return context.heads


def converted(out, stem):
    """The CSV LibreOffice wrote for STEM.xlsx: STEM.csv, or STEM-Sheet.csv for a named sheet."""
    return [p for p in glob.glob(os.path.join(out, stem + "*.csv"))
            if re.fullmatch(re.escape(stem) + r"(-[^/]*)?\.csv", os.path.basename(p))]


def tampered_copy(source, target):
    """A copy whose first SUMPRODUCT total caches a wrong value, to prove LibreOffice recalculates."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<f>SUMPRODUCT[^<]*</f><v>)[^<]*(</v>)", rb"\g<1>987654321\g<2>", data, count=1)
            zout.writestr(item, data)
