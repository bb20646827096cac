"""The pages in a real browser: Playwright driving Debian's Chromium against uvicorn on a
free loopback port (one server and one browser for the module). Screenshots go to tmp_path.

Never `playwright install`: the browser is the system's (`.ci/run` installs it with apt).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright import sync_api

from newsgraph.web import create_app
from tests.web_samples import build_corpus, fake_analyse

CHROMIUM = "/usr/bin/chromium"


def _chromium() -> str:
    """The system Chromium; skips visibly when it is missing, fails under CI."""
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return CHROMIUM
    message = f"{CHROMIUM} is missing: `apt-get install chromium` for the browser tests"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure, not a skip)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_corpus(tmp_path_factory.mktemp("browser") / "corpus.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(db, fake_analyse), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()
    assert not errors, errors  # a CSP violation or a script error shows up here


def test_search_article_person(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/")
    page.get_by_label("Speaker").fill("Reyes")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/?*speaker=Reyes*")  # the search is its own shareable address
    rows = page.locator("ol.quotes > li")
    assert rows.count() == 4
    page.screenshot(path=tmp_path / "search.png", full_page=True)

    rows.first.get_by_role("link").click()
    page.wait_for_url("**/articles/strike-1*")
    quote = page.locator("mark.quote#q1")
    assert "kind-speech" in quote.get_attribute("class")
    assert "type-indirect" in quote.get_attribute("class")
    quote.focus()  # the speaker's naming words and how they were resolved, on focus
    tip = page.locator("#tip-q1")
    assert tip.is_visible()
    assert "named by “Union leader Tom Reyes”" in tip.inner_text()
    assert "via name" in tip.inner_text()
    page.screenshot(path=tmp_path / "article.png", full_page=True)

    link = page.locator("a.speaker-link[aria-label^='q1 ']")
    assert link.inner_text() == "Tom Reyes"
    link.click()
    page.wait_for_url("**/people/*")
    assert page.locator("h1").inner_text() == "Tom Reyes"
    points = page.locator("#weekly-chart circle.point")
    assert points.count() == 3  # the weeks of 2025-09-01, -08 (none) and -15
    assert [points.nth(i).get_attribute("data-quotes") for i in range(3)] == ["2", "0", "2"]
    assert page.locator("#weekly-chart svg").bounding_box()["width"] > 100
    page.screenshot(path=tmp_path / "person.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll


def test_analyse_form(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/analyse")
    text = '"The ferry will run all winter <script>x</script>," said Maja Lindqvist.'
    page.get_by_label("Article text or HTML").fill(text)
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_selector("mark.quote#q1")
    assert "ferry will run all winter <script>x</script>" in page.locator("#q1").inner_text()
    assert page.locator("section.result .speaker-link").inner_text() == "Maja Lindqvist"
    assert page.locator("script:not([src])").count() == 0
    page.screenshot(path=tmp_path / "analyse.png", full_page=True)


def test_keyboard_reaches_the_quotes(server: str, page: Any) -> None:
    page.goto(server + "/articles/bridge-1")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q1":
            break
    assert page.locator("#tip-q1").is_visible()
