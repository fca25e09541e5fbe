"""The browser for the end-to-end tests: Debian's chromium driven by Playwright, one per test.

Playwright's sync API runs an event loop in the test's thread, which Django's async-safety check
takes for async code; the tests here may touch the database while it runs, so the check is relaxed
for their duration only. The browser is started and stopped inside each test so that no loop is
left behind for the rest of the suite.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    return shutil.which("chromium")


@pytest.fixture
def browser_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Page]:
    executable = _chromium()
    if executable is None:
        pytest.skip("浏览器测试需要 Debian 的 chromium：sudo apt-get install chromium（或 make setup）")
    sync_api = pytest.importorskip("playwright.sync_api", reason="浏览器测试需要 playwright（开发依赖）")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN")
        context.set_default_timeout(15_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()
