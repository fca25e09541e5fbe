"""The 考核 matrix with the items down the side: at 1280 px every name reads on a line or two and the
regions fit; at 375 px the matrix scrolls sideways inside its own box (the page does not) and the
item names stay in view while it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytest_django.live_server_helper import LiveServer

from web.assessment.tests.conftest import PASSWORD, Counties, counties  # noqa: F401 — the fixture

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)


def _open(page: Page, base: str, counties: Counties) -> None:  # noqa: F811
    page.goto(f"{base}/login/")
    page.fill("#id_username", counties.office.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("load")
    page.goto(f"{base}/assessment/schemes/{counties.scheme.pk}/")


def test_the_matrix_reads_on_a_desktop_and_scrolls_in_its_box_on_a_phone(
    live_server: LiveServer,
    counties: Counties,  # noqa: F811
    browser_page: Page,
) -> None:
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, live_server.url, counties)
    name = page.locator("table.matrix tbody th[scope=row]", has_text="高血压患者规范管理率")
    box = name.bounding_box()
    assert box is not None
    assert box["width"] > 150  # a name across, not one character a line
    region = page.locator("table.matrix thead th", has_text="平川区").bounding_box()
    assert region is not None
    assert region["height"] < 60  # the region's name on one line

    page.set_viewport_size({"width": 375, "height": 812})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # the page itself never scrolls sideways
    matrix = page.locator("div.matrix")
    matrix.scroll_into_view_if_needed()
    before = name.bounding_box()
    matrix.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    assert matrix.evaluate("box => box.scrollLeft") > 0  # it does scroll, inside its box
    after = name.bounding_box()
    assert before is not None
    assert after is not None
    assert abs(after["x"] - before["x"]) < 1  # the item names stay put (sticky first column)
