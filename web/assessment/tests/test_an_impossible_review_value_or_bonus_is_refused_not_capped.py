"""Issue 11 items 1–2: 复核值 1e999999 or −3 for a death rate, 加减分 1e30, a 加分 of 1000 with a cap of 5.

Each is refused with a Chinese message naming the field (never capped, never saved), and every page
of the scheme — results, 复核, 自评, trace — still answers 200.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from web.assessment.models import Adjustment, ReviewedValue
from web.assessment.tests.conftest import C, Counties


def _post(client: Client, counties: Counties, data: dict[str, object]) -> str:
    client.force_login(counties.office)
    response = client.post(
        f"/assessment/schemes/{counties.scheme.pk}/review/{C}/", {"reason": "核查", **data}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def _pages_render(client: Client, counties: Counties) -> None:
    base = f"/assessment/schemes/{counties.scheme.pk}"
    indicator = counties.indicators[1]
    for url in (f"{base}/", f"{base}/review/{C}/", f"{base}/self/{C}/", f"{base}/trace/{C}/{indicator.pk}/"):
        assert client.get(url).status_code in (200, 404), url


@pytest.mark.parametrize(
    ("indicator", "value", "reason"),
    [
        (1, "1e999999", "数值过大"),
        (1, "-3", "不能为负数"),  # 孕产妇死亡率 1/10万
        (0, "102.76", "百分比应在0到100之间"),
        (0, "inf", "应为数字"),
        (0, "99999999999999999999", "数值过大"),
    ],
)
def test_an_impossible_review_value_is_refused(
    client: Client, counties: Counties, indicator: int, value: str, reason: str
) -> None:
    target = counties.indicators[indicator]
    page = _post(client, counties, {"action": "review", "indicator": target.pk, "value": value, "year": 2022})
    assert f"「{target.name}的复核值」：" in page
    assert reason in page
    assert not ReviewedValue.objects.exists()
    _pages_render(client, counties)


@pytest.mark.parametrize(
    ("kind", "points", "reason"),
    [
        ("bonus", "1e30", "数值过大"),
        ("deduction", "1e30", "数值过大"),
        ("bonus", "1000", "加分上限为5分，本地区已加0分，最多还能加5分，不能加1000分"),
        ("bonus", "0.001", "小数位过多"),
        ("deduction", "-2", "不能小于0"),
        ("bonus", "NaN", "应为数字"),
    ],
)
def test_an_impossible_adjustment_is_refused_not_capped(
    client: Client, counties: Counties, kind: str, points: str, reason: str
) -> None:
    page = _post(client, counties, {"action": "adjust", "kind": kind, "points": points})
    assert reason in page
    assert not Adjustment.objects.exists()
    _pages_render(client, counties)


def test_bonuses_together_stay_within_the_cap(client: Client, counties: Counties) -> None:
    _post(client, counties, {"action": "adjust", "kind": "bonus", "points": "3"})
    page = _post(client, counties, {"action": "adjust", "kind": "bonus", "points": "3"})
    assert "本地区已加3分，最多还能加2分" in page
    assert [a.points for a in Adjustment.objects.all()] == [Decimal(3)]
    _post(client, counties, {"action": "adjust", "kind": "bonus", "points": "2"})
    assert sum(a.points or 0 for a in Adjustment.objects.all()) == 5


def test_a_review_year_of_twenty_digits_is_refused(client: Client, counties: Counties) -> None:
    target = counties.indicators[0]
    data = {"action": "review", "indicator": target.pk, "value": "20", "year": "9" * 20}
    page = _post(client, counties, data)
    assert "「年份」：年份应在2000到2100之间" in page
    assert not ReviewedValue.objects.exists()
