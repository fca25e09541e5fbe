"""Screenshots of the demo as its users see it, for docs/screens/ (and the manual): each role's landing
page, entry on a phone, the 审核 queue, the 考核 matrix (desktop and phone) and the 督导 page.

    .venv/bin/python tools/screens.py                 # builds the demo in a temporary folder
    .venv/bin/python tools/screens.py --var /tmp/var  # reuses a demo already built there

It runs the real thing: ``healthaction demo`` into its own var folder, ``healthaction serve`` on a local
port, and Debian's chromium through Playwright (as the end-to-end tests do).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "healthaction"  # the demo's accounts (web/demo/build.py)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def _wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"网站未在 {seconds:.0f} 秒内启动（端口 {port}）")


def _log_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")


def _shoot(page: Page, out: Path, name: str, *, tallest: int = 2400) -> None:
    """The page from its top, down to ``tallest`` pixels (a queue of 50 values need not be 36,000)."""
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    height = min(int(page.evaluate("document.documentElement.scrollHeight")), tallest)
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    page.screenshot(path=str(out / f"{name}.png"), full_page=True, clip=clip)  # type: ignore[arg-type]
    print(f"{out / name}.png  ← {page.url}")


def _first(page: Page, selector: str) -> str:
    href = page.locator(selector).first.get_attribute("href")
    if not href:
        raise SystemExit(f"页面 {page.url} 上没有 {selector}")
    return href


def shots(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        desktop = browser.new_context(locale="zh-CN", viewport=DESKTOP).new_page()
        phone = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True).new_page()
        for user in ("office", "county", "clerk", "leader", "xixia_office", "xixia_clerk", "xixia_leader"):
            _log_in(desktop, base, user)
            _shoot(desktop, out, f"landing-{user}")
        _log_in(desktop, base, "office")
        desktop.goto(base + _first(desktop, "header a[href*='/review/']"))
        _shoot(desktop, out, "review-queue")
        # The 考核 matrix: items down the side, regions across (desktop), scrolling in its box (phone).
        desktop.goto(base + _first(desktop, "header a[href^='/assessment/']"))
        matrix = _first(desktop, "main a[href^='/assessment/schemes/']")
        desktop.goto(base + matrix)
        _shoot(desktop, out, "assessment-matrix")
        _log_in(desktop, base, "xixia_office")
        desktop.goto(base + _first(desktop, "header a[href^='/tasks/'][href$='/']"))
        desktop.goto(base + _first(desktop, "main a[href*='/supervision/']"))
        _shoot(desktop, out, "supervision")
        _log_in(phone, base, "clerk")
        phone.goto(base + _first(phone, "header a[href^='/monitoring/']"))
        phone.goto(base + _first(phone, "main a[href^='/monitoring/']"))
        phone.screenshot(path=str(out / "entry-phone.png"))  # the first screen, as the phone shows it
        print(f"{out / 'entry-phone'}.png  ← {phone.url}")
        _log_in(phone, base, "office")
        phone.goto(base + _first(phone, "header a[href*='/review/']"))
        _shoot(phone, out, "review-phone")
        phone.goto(base + matrix)
        phone.locator("div.matrix").scroll_into_view_if_needed()
        phone.screenshot(path=str(out / "assessment-matrix-phone.png"))  # the screen with the matrix on it
        print(f"{out / 'assessment-matrix-phone'}.png  ← {phone.url}")
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, help="已生成演示数据的目录（不给则新建临时目录并生成）")
    parser.add_argument("--port", type=int, default=8180)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ha-screens-") as folder:
        var = args.var or Path(folder)
        env = os.environ | {"HEALTHACTION_VAR": str(var)}
        env.pop("DATABASE_URL", None)  # the demo's own SQLite in its var folder, never a shared database
        if not (var / "healthaction.sqlite3").exists():
            subprocess.run([BIN / "healthaction", "demo"], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [
                BIN / "healthaction",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port),
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            _wait_for(args.port)
            shots(f"http://127.0.0.1:{args.port}", args.out)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
