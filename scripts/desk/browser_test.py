#!/usr/bin/env python3
"""The desk in a real browser: headless Chromium driven by Selenium over `fundledger serve` on a
fresh demo book.

    python3 scripts/desk/browser_test.py BIN [--screenshots DIR] [--keep]

What a day at the desk is, done as people do it:
  1. 刘敏 (FED-12's finance officer) logs in, enters a three-line voucher with the keyboard alone in
     the grid (Enter moves on, = fills the balancing amount), saves it as a draft and prints it
     (the print page, and the browser's PDF of it read back with pdftotext);
  2. 赵敏, a second officer, reviews and posts it, and it gets its 凭证字号; 刘敏 uploads a bank
     statement through the file input on 银行对账, matches it automatically and opens the
     银行存款余额调节表 on a date she types;
  3. 陈静, who chairs FED-12's review committee, runs the audit; 刘敏 answers an open finding on the
     finding's page; 陈静 resolves it;
  4. 陈静 drafts the committee's opinion on 2027 and signs it; 王磊, a second member, signs it in
     his own login, and the opinion is recorded and printed;
  5. 刘敏 sends December's pack up (报送); 钱进 (the county's superior) opens the roll-up, sees the
     pack waiting, receives it (签收) and opens a member's 工会01表 from the roll-up;
  6. the administrator opens 用户与权限, and a user of one federation gets 403 on another's pages.
Dates are typed as people write them (2027/1/12), and no page shows a stored UTC time.
With --screenshots DIR, the main pages are saved there as PNG (1280 px wide).

The server runs on a free port of 127.0.0.1 and is stopped by the PID this script started.
Prints "N passed, 0 failed" and exits 0 when every step held.
"""
import argparse
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile

from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from desk_driver import Check, Desk, browser, free_port, start_server, stop_server

ADMIN = "演示导入"
PASSWORD = "browser-test-2026"
USERS = [ADMIN, "刘敏", "赵敏", "陈静", "王磊", "钱进"]
ORG = "FED-12"
# The demo reads its files from the repository's ledgers/demo/.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prepare_book(binary, folder):
    book = os.path.join(folder, "desk.sqlite")
    subprocess.run([binary, "demo", "--book", book, "--exports", os.path.join(folder, "exports")], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    for user in USERS:
        subprocess.run([binary, "user", "password", user, "--book", book, "--as", ADMIN], input=PASSWORD + "\n",
                       text=True, check=True, stdout=subprocess.DEVNULL)
    return book


def run(binary, shots):
    check = Check()
    folder = tempfile.mkdtemp(prefix="fundledger-browser-")
    log = open(os.path.join(folder, "serve.log"), "w")
    server = None
    driver = None
    try:
        book = prepare_book(binary, folder)
        port = free_port()
        server = start_server(binary, book, port, log)
        driver = browser()
        desk = Desk(driver, f"http://127.0.0.1:{port}", shots, PASSWORD)

        # --- The login page, and a wrong password.
        desk.open("/login")
        desk.shot("login")
        driver.find_element(By.NAME, "user").send_keys("刘敏")
        driver.find_element(By.NAME, "password").send_keys("wrong-password" + Keys.ENTER)
        desk.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        check.that("用户名或密码" in desk.text(), "a wrong password is refused in Chinese")

        # --- 1. The officer enters a three-line voucher with the keyboard.
        check.that(desk.login("刘敏"), "刘敏 logs in and sees 首页")
        desk.shot("home")
        desk.open(f"/orgs/{ORG}/vouchers/new")
        date = driver.find_element(By.NAME, "date")
        check.that(date.get_attribute("type") == "text" and date.get_attribute("placeholder"), "the date is a text field with a placeholder")
        date.send_keys(Keys.CONTROL, "a")
        date.send_keys("2027/1/12")      # as people type it
        attachments = driver.find_element(By.NAME, "attachments")
        attachments.clear()
        attachments.send_keys("3")
        first = driver.find_element(By.CSS_SELECTOR, "#lines input.summary")
        first.click()
        keys = driver.switch_to.active_element
        # Line 1: summary, account, debit, (credit blank); line 2 the same; line 3 the bank, credit by "=".
        for typed in ["购买职工书屋图书", "50304", "1,200.00", "",
                      "购买书架", "50304", "380.50", "",
                      "付款", "102", ""]:
            keys = driver.switch_to.active_element
            if typed:
                keys.send_keys(typed)
            keys.send_keys(Keys.ENTER)
        keys = driver.switch_to.active_element
        check.that(keys.get_attribute("class") == "amount credit", "Enter moves across the grid to the third line's 贷方")
        keys.send_keys("=")
        check.that(keys.get_attribute("value") == "1,580.50", "= fills the balancing amount (1,580.50)")
        check.that(driver.find_element(By.ID, "difference-amount").text == "0.00", "the running difference is 0.00")
        check.that("壹仟伍佰捌拾元伍角" in driver.find_element(By.ID, "capitals").text, "金额大写 reads 壹仟伍佰捌拾元伍角")
        desk.shot("voucher-entry")
        desk.press("#voucher-entry button[type=submit]")
        page = desk.text()
        voucher_path = driver.current_url.split(str(port), 1)[1]
        check.that("/vouchers/" in voucher_path and "未审核" in page, f"the draft is saved ({voucher_path})")
        check.that("1,580.50" in page and "购买书架" in page, "the saved voucher shows its lines and total")

        # --- A draft is changed on the same grid: 修改, one amount corrected, saved again.
        edit = driver.find_elements(By.CSS_SELECTOR, f"a[href='{voucher_path}/edit']")
        if check.that(len(edit) == 1, "a draft offers 修改"):
            desk.submit_and_wait(edit[0])
            amounts = driver.find_elements(By.CSS_SELECTOR, "#lines input.debit")
            check.that("修改凭证" in desk.text() and amounts[0].get_attribute("value") == "1,200.00", "修改 opens the grid filled with the draft")
            amounts[0].send_keys(Keys.CONTROL, "a")
            amounts[0].send_keys("1,199.50")
            credits = driver.find_elements(By.CSS_SELECTOR, "#lines input.credit")
            credits[2].send_keys(Keys.CONTROL, "a")
            credits[2].send_keys("1,580.00")
            check.that(driver.find_element(By.ID, "difference-amount").text == "0.00", "the changed draft balances")
            desk.press("#voucher-entry button[type=submit]")
            voucher_path = driver.current_url.split(str(port), 1)[1]
            page = desk.text()
            check.that("1,580.00" in page and "未审核" in page, f"the changed draft is saved in place of the old ({voucher_path})")

        # --- Printing: the print page and the browser's PDF of it.
        desk.open(voucher_path + "/print")
        page = desk.text()
        flat = "".join(page.split())
        check.that("记账凭证" in flat and "附单据3张" in flat, "the print page is a 记账凭证 with 附单据 3 张")
        check.that("壹仟伍佰捌拾元整" in page, "the print page shows 金额大写")
        check.that("制单" in page and "刘敏" in page, "the print page names 刘敏 as 制单")
        desk.shot("voucher-print")
        pdf = base64.b64decode(driver.print_page())
        pdf_path = os.path.join(folder, "voucher.pdf")
        with open(pdf_path, "wb") as out:
            out.write(pdf)
        check.that(pdf.startswith(b"%PDF"), "the browser prints the voucher to a PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True, text=True).stdout
            check.that("记账凭证" in "".join(text.split()) and "1,580.00" in text, "the PDF holds 记账凭证 and the total 1,580.00")
        desk.logout()

        # --- 2. A second officer reviews and posts it.
        check.that(desk.login("赵敏"), "赵敏 logs in")
        desk.open(voucher_path)
        desk.press("button[value=review]")
        check.that("已审核" in desk.text(), "赵敏 reviews the voucher")
        desk.open(voucher_path)
        desk.press("button[value=post]")
        desk.open(voucher_path)
        page = desk.text()
        check.that("已记账" in page and "2027-01 记-" in page, "赵敏 posts it and it has its 凭证字号 2027-01 记-NNNN")
        desk.open(f"/orgs/{ORG}/vouchers?period=2027-01")
        desk.shot("vouchers")
        desk.logout()

        # --- 2b. The bank statement: uploaded through the file input, matched automatically, the 调节表 on a date.
        check.that(desk.login("刘敏"), "刘敏 logs in for 银行对账")
        statement = os.path.join(folder, "statement-2027-01.csv")
        with open(statement, "w", encoding="utf-8-sig") as out:
            out.write("日期,摘要,收入,支出,余额,参考号\r\n2027-01-13,<script>图书款</script>,,\"1,580.00\",\"50,000.00\",B1\r\n")
        desk.open(f"/orgs/{ORG}/bank")
        upload = driver.find_element(By.CSS_SELECTOR, "#statement-upload input[type=file]")
        upload.send_keys(statement)
        desk.press("#statement-upload button[type=submit]")
        page = desk.text()
        check.that("已导入对账单" in page and "statement-2027-01.csv" in page, "刘敏 uploads a bank statement through the file input")
        check.that("<script>图书款</script>" in page and not driver.find_elements(By.XPATH, "//td/script"),
                   "the statement's 摘要 shows as text, not markup")
        days = driver.find_element(By.CSS_SELECTOR, "#auto-match input[name=days]")
        days.clear()
        days.send_keys("3")
        desk.press("#auto-match button[type=submit]")
        page = desk.text()
        matched = driver.find_elements(By.CSS_SELECTOR, "#statement-lines tr.matched")
        check.that("自动勾对 1 行" in page and len(matched) == 1 and "2027-01/记-" in matched[0].text and "刘敏" in matched[0].text,
                   "the automatic match pairs the row with the posted payment, naming who matched it")
        desk.shot("bank")
        date = driver.find_element(By.CSS_SELECTOR, "form[action$='/reports/bank-reconciliation'] input[name=date]")
        check.that(date.get_attribute("value") == "2027-01-31", "the 调节表 is offered on the statement's month end")
        date.send_keys(Keys.CONTROL, "a")
        date.send_keys("2027/1/20")
        desk.press("form[action$='/reports/bank-reconciliation'] button")
        page = desk.text()
        check.that("银行存款余额调节表" in page and "2027-01-20" in page and "50,000.00" in page and "调节后" in page,
                   "the 调节表 on 2027-01-20 shows the bank's balance 50,000.00 and the adjusted balances")
        desk.shot("bank-reconciliation")
        desk.logout()

        # --- 2c. 刘敏 closes January; the closing voucher's reviewer 赵敏 types her own password.
        check.that(desk.login("刘敏"), "刘敏 logs in to close January")
        desk.open(f"/orgs/{ORG}/periods?year=2027")
        driver.find_element(By.CSS_SELECTOR, "details.act summary").click()
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/periods/close']")
        form.find_element(By.NAME, "reviewer").send_keys("赵敏")
        form.find_element(By.NAME, "reviewer_password").send_keys("not-her-password")
        desk.submit_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        check.that("reviewer-not-confirmed" in desk.text() and "2027-01已结账" not in desk.text(),
                   "a closing with the reviewer's name but not her password is refused")
        driver.find_element(By.CSS_SELECTOR, "details.act summary").click()
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/periods/close']")
        form.find_element(By.NAME, "reviewer").send_keys("赵敏")
        form.find_element(By.NAME, "reviewer_password").send_keys(PASSWORD)
        desk.submit_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        check.that("2027-01已结账" in desk.text(), "刘敏 closes January, reviewed by 赵敏 with her own password")
        desk.shot("periods")
        desk.logout()

        # --- 3. The committee runs the audit; the officer answers; the committee resolves.
        check.that(desk.login("陈静"), "陈静 logs in")
        desk.open(f"/orgs/{ORG}/audit?year=2026")
        desk.press("#run-audit")
        check.that("审查已完成" in desk.text(), "陈静 runs the audit")
        desk.shot("audit")
        open_findings = driver.find_elements(By.CSS_SELECTOR, "tr.finding.open td.actions a")
        check.that(len(open_findings) > 0, "the audit lists findings waiting for an answer")
        finding_path = open_findings[0].get_attribute("href").split(str(port), 1)[1]
        linked = driver.find_elements(By.CSS_SELECTOR, "tr.finding td.vouchers a")
        if check.that(len(linked) > 0, "findings link their vouchers"):
            desk.submit_and_wait(linked[0])
            check.that("记账凭证" in desk.text(), "a finding's voucher opens in one click")
        desk.logout()

        check.that(desk.login("刘敏"), "刘敏 logs in again")
        desk.open(finding_path)
        driver.find_element(By.NAME, "text").send_keys("已补充审批单据，并按规定调整")
        desk.press("form[action$='/answer'] button")
        check.that("答复已保存" in desk.text(), "刘敏 answers the finding")
        desk.logout()

        check.that(desk.login("陈静"), "陈静 logs in again")
        desk.open(finding_path)
        desk.shot("finding")
        desk.press("#resolve")
        page = desk.text()
        check.that("已确认整改" in page and "已整改" in page, "陈静 resolves the answered finding")
        check.that(not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", page), "the finding's history shows Beijing times, not stored UTC")

        # --- 4. The opinion: drafted by 陈静, signed by her and by 王磊 in his own login.
        desk.open(f"/orgs/{ORG}/audit?year=2027")
        desk.press("#run-audit")
        form = driver.find_element(By.ID, "opinion-draft-form")
        Select(form.find_element(By.NAME, "through_month")).select_by_value("1")
        form.find_element(By.NAME, "text").send_keys("经审查，2027年1月经费收支真实、合规，同意。")
        desk.press("#save-opinion-draft")
        check.that("审查意见草稿已保存" in desk.text(), "陈静 drafts the opinion on 2027")
        desk.press("#sign-opinion")
        check.that("签署（1/2）" in desk.text(), "陈静 signs it: one of two signatures")
        desk.logout()
        check.that(desk.login("王磊"), "王磊 logs in")
        desk.open(f"/orgs/{ORG}/audit?year=2027")
        desk.press("#sign-opinion")
        page = desk.text()
        check.that("审查意见已形成" in page and "王磊" in page and "陈静" in page, "王磊 signs in his own login and the opinion is recorded")
        desk.shot("opinion")
        desk.press("#print-opinion")
        page = desk.text()
        check.that("经费审查委员会审查意见" in page and "审查结论：同意" in page, "the recorded opinion prints with its conclusion")
        desk.shot("opinion-print")
        desk.logout()

        # --- 5. The officer sends December up.
        check.that(desk.login("刘敏"), "刘敏 logs in to send December up")
        desk.open(f"/orgs/{ORG}/packs?year=2026")
        december = driver.find_elements(By.CSS_SELECTOR, "tr.pack[data-period='2026-12'] button.submit-pack")
        if check.that(len(december) == 1, "December is closed and may be sent"):
            desk.submit_and_wait(december[0])
            check.that("已报送待签收" in desk.text(), "刘敏 sends December's pack up")
        desk.logout()

        # --- The county opens the roll-up.
        check.that(desk.login("钱进"), "钱进 logs in")
        desk.open("/orgs/CTY-01/rollup?year=2026")
        page = desk.text()
        check.that("汇总表" in page and "合并数" in page and "抵销" in page, "钱进 opens the roll-up with eliminations")
        check.that("FED-12" in page and "结账" in page, "the roll-up lists each member's state")
        check.that("已报送待签收" in page, "the roll-up shows FED-12's pack waiting")
        desk.shot("rollup")
        receive = driver.find_elements(By.CSS_SELECTOR, "a.receive-link[href*='/orgs/FED-12/packs']")
        if check.that(len(receive) == 1, "the roll-up links the pack to receive"):
            desk.submit_and_wait(receive[0])
            desk.press("tr.pack[data-period='2026-12'] button.receive-pack")
            check.that("已签收" in desk.text(), "钱进 receives FED-12's December")
            desk.shot("packs")
        desk.open("/orgs/CTY-01/rollup?year=2026")
        balance = driver.find_elements(By.CSS_SELECTOR, "a[href='/orgs/FED-12/reports/balance-sheet?year=2026']")
        if check.that(len(balance) == 1, "the roll-up links FED-12's 工会01表"):
            desk.submit_and_wait(balance[0])
            check.that("资产负债表" in desk.text() and "FED-12" in driver.current_url, "钱进 opens FED-12's 工会01表 from the roll-up")
        desk.logout()

        # --- 6. The administrator's page, and a page of another organisation.
        check.that(desk.login(ADMIN), "the administrator logs in")
        desk.open("/users")
        check.that("用户与权限" in desk.text() and "刘敏" in desk.text(), "用户与权限 lists the users")
        desk.shot("users")
        for path, name in [("/orgs/CTY-01/budgets?year=2026", "budgets"), ("/orgs/CTY-01/subsidies?year=2026", "subsidies"),
                           ("/orgs/CTY-01/reports/trial-balance?year=2026", "trial-balance"), ("/orgs/CTY-01/periods?year=2026", "periods")]:
            desk.open(path)
            check.that("没有找到" not in desk.text() and "出错" not in desk.title(), f"{path} opens")
            desk.shot(name)
        desk.logout()
        check.that(desk.login("刘敏"), "刘敏 logs in a third time")
        desk.open("/orgs/CTY-01/vouchers")          # she keeps the federations' books, not the county's
        check.that("无权访问" in driver.title or "权限" in desk.text(), "刘敏 is refused CTY-01's vouchers")
    except TimeoutException as error:
        check.that(False, f"the browser waited in vain: {error.msg or 'timeout'} at {driver.current_url if driver else '?'}")
    except WebDriverException as error:
        check.that(False, f"the browser failed: {error.msg} at {driver.current_url if driver else '?'}")
    finally:
        if driver:
            driver.quit()
        if server:
            code = stop_server(server)
            check.that(code == 0, f"fundledger serve stops cleanly on SIGTERM (exit {code})")
        log.close()
    if check.failed:
        print(f"server log and book kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"browser: {check.passed} passed, {len(check.failed)} failed")
    return 0 if not check.failed else 1



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--screenshots", metavar="DIR", help="save PNG screenshots of the main pages in DIR")
    arguments = parser.parse_args()
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    sys.exit(run(os.path.abspath(arguments.binary), arguments.screenshots))


if __name__ == "__main__":
    main()
