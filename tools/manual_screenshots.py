#!/usr/bin/env python3
"""Take the user manual's screenshots (docs/manual/images) again from a running demo site.

usage: manual_screenshots.py [BASE_URL]        (default http://127.0.0.1:8000)

Build and serve the demo first (`HEALTHACTION_VAR=/tmp/var-x healthaction demo`, then
`healthaction serve --port P`). Each account of the README logs in with the demo password; desktop
pictures are 1280 × 860, the clerk's phone pictures 375 × 812 at twice the pixels. The plan-import
preview uploads the 平川区 seed again for 平川区 and stops at the preview (nothing is written).
Screenshots are saved as 256-colour PNG: flat interface colours and text stay legible at about a
third of the size. When a page changes, run this again and read the chapters that show it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, Playwright, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "manual" / "images"
SEED = ROOT / "seeds" / "000_5d24527bdd1311fb.txt"
PASSWORD = "healthaction"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

DESKTOP: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "office",
        [
            ("/", "office-overview"),
            ("/monitoring/620400/", "office-rounds"),
            ("/plans/", "office-plans"),
            ("/plans/upload/", "office-plan-upload"),
            ("/monitoring/620400/review/", "office-review"),
            ("/assessment/620400/", "office-schemes"),
            ("/assessment/schemes/1/", "office-assessment-results"),
            ("/assessment/schemes/1/review/620402/", "office-assessment-review"),
            ("/reports/620400/?year=2024", "office-reports"),
            ("/regions/620400/league/", "office-league"),
        ],
    ),
    ("county", [("/monitoring/620403/", "county-rounds"), ("/monitoring/620403/review/", "county-review")]),
    (
        "clerk",
        [
            ("/monitoring/620403/2024/", "clerk-entry"),
            ("/monitoring/620403/2024/workbook/upload/", "clerk-workbook"),
            ("/assessment/schemes/1/self/620403/", "clerk-self-assessment"),
        ],
    ),
    ("leader", [("/", "leader-overview"), ("/regions/620400/indicators/1/", "leader-indicator")]),
    ("xixia_leader", [("/tasks/leader/", "xixia-leader-tasks")]),
    (
        "xixia_office",
        [
            ("/tasks/640105/", "xixia-tasks"),
            ("/tasks/640105/supervision/?round=2021H2", "xixia-supervision"),
            ("/tasks/640105/supervision/annual/2021/", "xixia-annual"),
        ],
    ),
    (
        "xixia_clerk",
        [
            ("/tasks/640105/progress/2021H2/", "xixia-progress"),
            ("/tasks/task/2/confirm/2021H2/", "xixia-confirm"),
            ("/tasks/reminders/", "xixia-reminders"),
        ],
    ),
]
PHONE: list[tuple[str, list[tuple[str, str]]]] = [
    ("clerk", [("/monitoring/620403/2024/", "clerk-entry-phone")]),
    ("xixia_clerk", [("/tasks/640105/progress/2021H2/", "xixia-progress-phone")]),
]


def _signed_in(playwright: Playwright, base: str, account: str, phone: bool) -> Page:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    viewport: ViewportSize = {"width": 375, "height": 812} if phone else {"width": 1280, "height": 860}
    scale = 2 if phone else 1
    context = browser.new_context(
        locale="zh-CN", viewport=viewport, device_scale_factor=scale, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(base + "/login/")
    page.fill("input[name=username]", account)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit], main input[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def _shoot(page: Page, name: str) -> None:
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(colors=256, dither=Image.Dither.NONE).save(path, optimize=True)
    print(name, page.url)


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        for phone, plan in ((False, DESKTOP), (True, PHONE)):
            for account, pages in plan:
                page = _signed_in(playwright, base, account, phone)
                for url, name in pages:
                    page.goto(base + url)
                    page.wait_for_load_state("networkidle")
                    _shoot(page, name)
                if account == "clerk" and phone:
                    page.evaluate("window.scrollTo(0, 1400)")
                    _shoot(page, "clerk-entry-phone-row")
                if account == "office":
                    page.goto(base + "/plans/upload/")
                    page.set_input_files("input[type=file]", str(SEED))
                    page.fill("input[name=region]", "620403")
                    page.click("main button[type=submit]")
                    page.wait_for_load_state("networkidle")
                    _shoot(page, "office-plan-preview")
                page.context.browser.close()  # type: ignore[union-attr]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
