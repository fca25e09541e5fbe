"""On a 375 × 812 phone (township clerks report from phones): the landing page, entry, 审核, 责任清单
progress and the overview never scroll sideways; on entry each indicator is a card and the save bar
counts as one types and says what happens next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytest_django.live_server_helper import LiveServer

from web.conftest import PASSWORD, World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation
from web.tasks.tests.conftest import Xixia, xixia  # noqa: F401 — the 西夏区 责任清单 fixture

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize

pytestmark = pytest.mark.django_db(transaction=True)
PHONE: ViewportSize = {"width": 375, "height": 812}


def _log_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")


def _sideways(page: Page, url: str) -> int:
    """How many pixels the page is wider than the screen (0: no horizontal scroll)."""
    page.goto(url)
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    return int(width) - int(page.evaluate("window.innerWidth"))


def test_entry_review_and_overview_fit_a_phone(
    live_server: LiveServer,
    world: World,
    xixia: Xixia,  # noqa: F811
    browser_page: Page,
) -> None:
    page, base, code = browser_page, live_server.url, world.pingchuan.code
    page.set_viewport_size(PHONE)
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=10, unit="%", state="approved"
    )
    statuses_refresh(
        regions=[world.pingchuan], years=[2021]
    )  # the landing page's charts have statuses to draw

    _log_in(page, base, world.pingchuan_clerk.username)
    assert _sideways(page, f"{base}/") <= 0  # the clerk's landing page: 待填 and 退回
    assert _sideways(page, f"{base}/monitoring/{code}/2022/") <= 0
    card = page.locator("table.entry tbody tr", has_text=world.literacy.name)
    box = card.bounding_box()
    assert box is not None
    assert box["width"] <= PHONE["width"]
    counter = page.locator(".savebar .count")
    assert counter.inner_text() == "已填 0/2，待提交 0"
    page.fill(f"input[name='value-{world.literacy.pk}']", "12")
    assert counter.inner_text() == "已填 1/2，待提交 1"
    assert page.locator(".savebar").is_visible()  # sticky: on screen without scrolling to the end
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_selector(".messages >> text=尚未送审")
    assert "由区县管理员审核" in page.locator(".messages").inner_text()
    assert counter.inner_text() == "已填 1/2，待提交 1"
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_selector(".messages >> text=已提交1项")
    assert _sideways(page, f"{base}/regions/{code}/") <= 0

    _log_in(page, base, world.pingchuan_admin.username)
    assert _sideways(page, f"{base}/?year=2021") <= 0  # the county's landing page, its charts drawn
    assert page.locator(".chart-ring canvas").count() == 1
    assert _sideways(page, f"{base}/monitoring/{code}/review/") <= 0
    assert "+20%" in page.locator("table.review tbody tr", has_text=world.literacy.name).inner_text()
    assert _sideways(page, f"{base}/regions/{code}/?year=2021") <= 0

    _log_in(page, base, xixia.clerk.username)
    assert _sideways(page, f"{base}/tasks/{xixia.region.code}/progress/2021H1/") <= 0
    _log_in(page, base, xixia.office.username)
    assert _sideways(page, f"{base}/tasks/{xixia.region.code}/") <= 0
