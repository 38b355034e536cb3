#!/usr/bin/env python3
# The screenshots of docs/screenshots: logs in to a running desk on the demo book (make serve)
# with headless Chromium and saves each main page. Usage: desk_screenshots.py URL FOLDER [USER]
import sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
base, out = sys.argv[1], sys.argv[2]
opts = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]: opts.add_argument(a)
d = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
def shot(name): d.save_screenshot(f"{out}/{name}.png"); print("shot", name)
d.get(base + "/login"); shot("login")
d.find_element(By.NAME, "user").send_keys(sys.argv[3] if len(sys.argv) > 3 else "刘敏")
d.find_element(By.NAME, "password").send_keys("demo-desk-2026" + Keys.ENTER)
time.sleep(1); shot("home")
for name, path in [("vouchers", "/orgs/FED-12/vouchers?period=2026-05"), ("trial-balance", "/orgs/FED-12/reports/trial-balance?year=2026&month=5"),
                   ("periods", "/orgs/FED-12/periods?year=2026"), ("reports", "/orgs/FED-12/reports"),
                   ("balance-sheet", "/orgs/FED-12/reports/balance-sheet?year=2026"), ("general-ledger", "/orgs/FED-12/reports/general-ledger?year=2026&month=3")]:
    d.get(base + path); time.sleep(0.3); shot(name)
d.get(base + "/orgs/FED-12/vouchers?period=2026-05")
link = d.find_elements(By.CSS_SELECTOR, "td.nowrap a")[0].get_attribute("href")
d.get(link); shot("voucher")
d.get(link + "/print"); shot("voucher-print")
d.get(base + "/orgs/FED-12/vouchers/new")
inputs = d.find_elements(By.CSS_SELECTOR, "#lines input")
inputs[0].send_keys("购买办公用品" + Keys.ENTER)
d.switch_to.active_element.send_keys("50504" + Keys.ENTER)
d.switch_to.active_element.send_keys("1,234.56" + Keys.ENTER)
d.switch_to.active_element.send_keys(Keys.ENTER)
d.switch_to.active_element.send_keys("" + Keys.ENTER)
d.switch_to.active_element.send_keys("102" + Keys.ENTER)
d.switch_to.active_element.send_keys(Keys.ENTER)
d.switch_to.active_element.send_keys("=")
time.sleep(0.3); shot("voucher-entry")
d.quit()
