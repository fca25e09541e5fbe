"""Every page a demo user reaches by clicking reads as Chinese words: no engine code (OFF_TRACK,
baseline_substituted), no round code (2021H2), no bare comparator (<=), no 「（未匹配）」, and no
page fails. The demo's 平川区 (indicators, a published 考核) and 西夏区 (责任清单, 督导) are walked
as each of their accounts, from the landing page, as far as a reader's links lead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.demo.build import demo_build
from web.demo.crawl import codes_in, walk

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.mark.django_db(transaction=True)
def test_no_page_of_any_role_shows_an_internal_code(tmp_path: Path) -> None:
    chosen = sorted(SEEDS.glob("000_*.txt")) + sorted(SEEDS.glob("004_*.txt"))  # 平川区; 西夏区 责任清单
    if len(chosen) < 2:
        pytest.skip("种子文件不全")
    for path in chosen:
        shutil.copy(path, tmp_path / path.name)
    demo_build(seeds=tmp_path)
    found: dict[str, list[str]] = {}
    walked = 0
    for user in User.objects.order_by("username"):
        client = Client()
        client.force_login(user)
        for path, status, text in walk(client, limit=60):
            walked += 1
            assert status < 500, f"{user.username} {path}: {status}"
            # The manual (帮助) names the demo's login names (xixia_office …), which a user types as written.
            codes = [] if path.startswith("/help/") else codes_in(text)
            if codes:
                found[f"{user.username} {path}"] = codes
    assert walked > 100
    assert found == {}
