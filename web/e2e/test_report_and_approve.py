"""In a real browser: a clerk reports a value, the office approves it, the dashboard shows the new status."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytest_django.live_server_helper import LiveServer

from web.conftest import PASSWORD, World

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/")  # the landing page


def _log_out(page: Page) -> None:
    page.get_by_role("button", name="退出").click()
    page.wait_for_selector("#id_username")


def _achieved(page: Page, base: str, code: str) -> str:
    page.goto(f"{base}/regions/{code}/?year=2022")
    return page.locator(".card", has_text="已达标").locator("b").inner_text()


def test_a_clerk_submits_the_office_approves_and_the_dashboard_shows_it_achieved(
    live_server: LiveServer, world: World, browser_page: Page
) -> None:
    page, base = browser_page, live_server.url
    code = world.pingchuan.code

    _log_in(page, base, world.pingchuan_clerk.username)
    assert _achieved(page, base, code) == "0"
    page.get_by_role("link", name="填报", exact=True).click()
    page.get_by_role("link", name="2022年").click()
    page.fill(f"input[name='value-{world.literacy.pk}']", "22.5")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_selector(".messages >> text=已提交1项")
    assert "已提交" in page.locator("tr", has_text=world.literacy.name).inner_text()
    _log_out(page)

    _log_in(page, base, world.office.username)
    page.get_by_role("link", name="审核", exact=True).click()
    row = page.locator("tr", has_text=world.literacy.name)
    assert "22.5" in row.inner_text()
    row.get_by_role("button", name="通过").click()
    page.wait_for_selector(".messages >> text=已通过1项")
    assert "没有待审核的值" in page.content()

    assert _achieved(page, base, code) == "1"
    lagging_free = page.locator("h2", has_text="滞后指标").count() == 0
    assert lagging_free
