"""A reader in a real browser (headless Chromium driven by Selenium) on the real server.

Screenshots go to ``$ISCM_TEST_ARTIFACTS`` (default ``test-artifacts/`` at the top of
the repository). Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them); the browser makes no request to another host.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from iscm_graph.query_editor import read_named_query

from .conftest import PROJECT_ROOT
from .test_server import Service, free_port

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("ISCM_TEST_ARTIFACTS") or PROJECT_ROOT / "test-artifacts")
WAIT_SECONDS = 30


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    running = Service(tmp_path_factory.mktemp("browsed-store"), free_port())
    yield running.endpoint.removesuffix("/sparql")
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.fail("install Debian's chromium and chromium-driver (see .ci/run)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=DriverService(str(CHROMEDRIVER)))
    yield driver
    driver.quit()


def screenshot(browser: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def wait_for(browser: WebDriver, css: str) -> WebElement:
    condition = expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    element: WebElement = WebDriverWait(browser, WAIT_SECONDS).until(condition)
    return element


def requested_hosts(browser: WebDriver) -> set[str]:
    """The origins of everything the page loaded (Resource Timing)."""
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])"
    )
    return {url.split("/")[2] for url in urls if url.startswith("http")}


def test_search_puebla_then_follow_a_member_to_its_state(browser: WebDriver, site: str) -> None:
    browser.get(site + "/")
    screenshot(browser, "01-home")
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("Puebla")
    box.submit()
    wait_for(browser, "ol.results a").click()
    heading = wait_for(browser, "h1")
    assert browser.current_url == site + "/id/mechanism/rcm.html"
    assert heading.text == "Regional Conference on Migration"
    screenshot(browser, "02-rcm")
    members = browser.find_element(By.XPATH, "//section[h2[starts-with(., 'Members')]]")
    member = members.find_element(By.CSS_SELECTOR, "a[href^='/id/state/']")
    name = member.text
    member.click()
    heading = wait_for(browser, "h1")
    assert "/id/state/" in browser.current_url
    assert heading.text == name
    roles = browser.find_element(By.XPATH, "//section[h2[starts-with(., 'Roles in mechanisms')]]")
    assert roles.find_elements(By.CSS_SELECTOR, "a[href='/id/mechanism/rcm']")
    screenshot(browser, "03-state")
    assert requested_hosts(browser) == {site.split("/")[2]}


def test_the_query_editor_runs_a_named_query(browser: WebDriver, site: str) -> None:
    browser.get(site + "/query")
    wait_for(browser, ".yasqe .CodeMirror")
    title = read_named_query(PROJECT_ROOT / "queries" / "names-of-mechanism.rq").title
    browser.find_element(By.XPATH, f"//a[@role='tab'][contains(., '{title}')]").click()
    wait_for(browser, ".tabPanel.active .yasqe_queryButton").click()
    cell = wait_for(browser, ".tabPanel.active .yasr table tbody tr td")
    assert cell.is_displayed()
    table = browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr table")
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) >= 3
    assert "Puebla" in table.text
    screenshot(browser, "04-query-editor")
    assert requested_hosts(browser) == {site.split("/")[2]}


def test_a_mechanism_page_reads_on_a_phone(browser: WebDriver, site: str) -> None:
    browser.set_window_size(390, 844)
    try:
        browser.get(site + "/id/mechanism/rcm.html")
        wait_for(browser, "h1")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, "the page scrolls sideways on a phone"
        screenshot(browser, "05-rcm-phone")
    finally:
        browser.set_window_size(1280, 900)


def test_chromium_is_the_debian_one() -> None:
    assert shutil.which("chromium") == str(CHROMIUM)
