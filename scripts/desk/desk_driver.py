"""What the browser test drives the desk with: its server (started on a free port of 127.0.0.1 and
stopped by its PID), headless Chromium through Selenium with elements that find themselves again
when Chrome is still swapping a document in, and `Desk`, the steps a person takes (open a page,
log in, press a button and wait for the next page, save a screenshot)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


class Check:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def that(self, condition, what):
        if condition:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed.append(what)
            print(f"  FAIL  {what}")
        return condition


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, book, port, log):
    server = subprocess.Popen([binary, "serve", "--book", book, "--host", "127.0.0.1", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"fundledger serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("fundledger serve did not answer /healthz within 30 s")


def stop_server(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return server.returncode


def swapped(error):
    """Whether a WebDriver error is Chrome's answer for a node of a document it was swapping out
    ("Node with given id does not belong to the document"): the command never reached the page."""
    return isinstance(error, WebDriverException) and "does not belong to the document" in str(error)


class SteadyElement(WebElement):
    """An element that remembers how it was found. When Chrome answers a command on it with the
    node of a document it was still swapping in, the element is found again the same way and the
    command sent again (it never reached the page, so nothing happens twice). An element found
    with `relocate` left None (the pages' <html>, whose replacement the tests wait for) is never
    found again."""

    relocate = None

    def _execute(self, command, params=None):
        for attempt in range(6):
            try:
                return super()._execute(command, dict(params or {}))
            except WebDriverException as error:
                if attempt == 5 or not swapped(error) or self.relocate is None:
                    raise
                time.sleep(0.25)
                try:
                    self._id = self.relocate()._id
                except WebDriverException:
                    pass

    def find_element(self, by=By.ID, value=None):
        element = super().find_element(by, value)
        element.relocate = lambda: self.find_element(by, value)
        return element

    def find_elements(self, by=By.ID, value=None):
        elements = super().find_elements(by, value)
        for index, element in enumerate(elements):
            element.relocate = lambda index=index: self.find_elements(by, value)[index]
        return elements


def steady(driver):
    """The driver's finds return SteadyElements that know how to find themselves again."""
    driver._web_element_cls = SteadyElement
    find_element, find_elements = driver.find_element, driver.find_elements

    def find_one(by=By.ID, value=None):
        for attempt in range(6):
            try:
                element = find_element(by, value)
                element.relocate = lambda: find_one(by, value)
                return element
            except WebDriverException as error:
                if attempt == 5 or not swapped(error):
                    raise
                time.sleep(0.25)

    def find_all(by=By.ID, value=None):
        elements = find_elements(by, value)
        for index, element in enumerate(elements):
            element.relocate = lambda index=index: find_all(by, value)[index]
        return elements

    driver.find_element, driver.find_elements = find_one, find_all
    return driver


def gone(old):
    """The wait's condition that the page of `old` (its <html>) has been replaced."""
    def check(driver):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if swapped(error):
                return True
            raise
    return check


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(argument)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    options.binary_location = chromium
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    # Dates in the form as a Chinese user's browser shows them (2027/01/12), not the US order.
    environment = dict(os.environ, LANGUAGE="zh_CN:zh", LANG="zh_CN.UTF-8")
    driver = webdriver.Chrome(service=ChromeService(executable_path="/usr/bin/chromedriver", env=environment), options=options)
    driver.set_page_load_timeout(30)
    return steady(driver)


class Desk:
    def __init__(self, driver, base, shots, password):
        self.driver = driver
        self.base = base
        self.shots = shots
        self.password = password

    def open(self, path):
        self.driver.get(self.base + path)
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete")

    def text(self):
        # Right after a navigation Chrome may still be swapping the document in; the body read
        # then fails with "Node ... does not belong to the document". Wait for the new page
        # to be complete and read again.
        for attempt in range(5):
            try:
                self.wait(lambda d: d.execute_script("return document.readyState") == "complete")
                return self.driver.find_element(By.TAG_NAME, "body").text
            except WebDriverException:
                if attempt == 4:
                    raise
                time.sleep(0.2)

    def title(self):
        return self.driver.title

    def shot(self, name):
        if not self.shots:
            return
        # The whole page: as tall as its content, so that nothing is cut.
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, 600)")
        self.driver.set_window_size(1280, min(int(height) + 120, 2400))
        self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))
        self.driver.set_window_size(1280, 900)

    def wait(self, condition, seconds=10):
        return WebDriverWait(self.driver, seconds).until(condition)

    def login(self, user):
        self.driver.delete_all_cookies()
        self.open("/login")
        self.driver.find_element(By.NAME, "user").send_keys(user)
        field = self.driver.find_element(By.NAME, "password")
        field.send_keys(self.password)
        field.send_keys(Keys.ENTER)
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "header.topbar")))
        return self.driver.find_element(By.CSS_SELECTOR, ".who").text == user

    def logout(self):
        if not self.driver.find_elements(By.CSS_SELECTOR, "form.logout button"):
            self.open("/")
        self.driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
        self.wait(EC.presence_of_element_located((By.NAME, "password")))

    def page(self):
        """The current page's <html>, to wait for its replacement (never found again)."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        old.relocate = None
        return old

    def submit_and_wait(self, element):
        old = self.page()
        element.click()
        self.wait(gone(old))

    def press(self, css):
        # Find the button on a page that has finished loading and click it, then wait for the
        # next page. Chrome may still be swapping a freshly opened document in when the button
        # is first found ("Node ... does not belong to the document"); the click then never
        # happened (the node is resolved before any click is dispatched), so find it again.
        for attempt in range(5):
            self.wait(lambda d: d.execute_script("return document.readyState") == "complete")
            old = self.page()
            try:
                self.driver.find_element(By.CSS_SELECTOR, css).click()
            except WebDriverException as error:
                if attempt == 4 or not (isinstance(error, StaleElementReferenceException) or swapped(error)):
                    raise
                time.sleep(0.2)
                continue
            self.wait(gone(old))
            return
