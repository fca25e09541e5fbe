"""In Chromium, under the site's strict Content-Security-Policy: no page has a violation, ECharts still
draws, htmx loads, the Swagger docs render, selects send their form, and 发布 asks in a <dialog> first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytest_django.live_server_helper import LiveServer

from web.assessment.models import AssessmentResult
from web.assessment.services import scheme_create
from web.conftest import PASSWORD, World

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/")  # the landing page


def test_the_pages_work_under_the_policy_and_publishing_asks_first(
    live_server: LiveServer, world: World, browser_page: Page
) -> None:
    page, base = browser_page, live_server.url
    violations: list[str] = []

    def _watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", _watch)
    scheme = scheme_create(region=world.baiyin, year=2022, indicators=[world.literacy])
    _log_in(page, base, world.office.username)
    code = world.pingchuan.code

    for path in (
        "/",
        f"/regions/{code}/",
        f"/monitoring/{code}/2022/",
        f"/monitoring/{code}/2019/",
        f"/monitoring/{code}/review/",
        f"/reports/{code}/",
        "/api/docs",
        "/no/such/page/",
    ):
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(f"{base}/api/docs")
    page.wait_for_selector(".swagger-ui .info")  # Swagger UI rendered from its own static files

    page.goto(f"{base}/regions/{code}/indicators/{world.literacy.pk}/")
    page.wait_for_selector("#chart canvas")  # ECharts drew (its inline styles come through the DOM)
    assert page.evaluate("typeof window.htmx") == "object"

    # The language menu sends itself on change (site.js; no onchange attribute).
    page.select_option("select[name=language]", "en")
    page.wait_for_selector("html[lang=en]")
    page.select_option("select[name=language]", "zh-hans")
    page.wait_for_selector("html[lang=zh-hans]")

    page.goto(f"{base}/assessment/schemes/{scheme.pk}/")
    page.get_by_role("button", name="发布考核结果").click()
    dialog = page.locator("dialog#confirm-dialog")
    assert "确定发布考核结果" in dialog.inner_text()
    dialog.get_by_role("button", name="取消").click()
    assert not AssessmentResult.objects.exists()
    page.get_by_role("button", name="发布考核结果").click()
    dialog.get_by_role("button", name="确定").click()
    page.wait_for_selector(".messages")
    assert AssessmentResult.objects.filter(scheme=scheme).count() == 1

    assert not violations, violations
