"""The office opens a 填报轮次 and moves its 截止日期 on the 填报 page, without /admin/; mistyped dates and
years are refused with a Chinese message naming the field, and nothing already saved changes."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone

from web.conftest import World
from web.monitoring.models import ReportingRound


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def _open(client: Client, world: World, **fields: str) -> tuple[int, str]:
    today = timezone.localdate()
    data = {
        "kind": "yearly",
        "year": str(today.year - 1),
        "half": "",
        "opens_on": _iso(today),
        "closes_on": _iso(today + datetime.timedelta(days=60)),
    } | fields
    response = client.post(f"/monitoring/{world.pingchuan.code}/rounds/open/", data, follow=True)
    return response.status_code, response.content.decode()


def test_the_office_opens_a_round_its_counties_can_then_report_in(client: Client, world: World) -> None:
    client.force_login(world.office)
    year = timezone.localdate().year - 1
    status, page = _open(client, world)
    assert status == 200
    assert f"已开放平川区{year}年年度填报" in page
    assert ReportingRound.objects.filter(region=world.pingchuan, year=year).exists()
    client.force_login(world.pingchuan_clerk)
    rounds = client.get(f"/monitoring/{world.pingchuan.code}/").content.decode()
    assert f"/monitoring/{world.pingchuan.code}/{year}/" in rounds
    assert "开放填报轮次" not in rounds  # a clerk sees the round, not the form


def test_a_second_round_for_the_same_year_is_refused_and_points_to_extending(
    client: Client, world: World
) -> None:
    client.force_login(world.office)
    _open(client, world)
    status, page = _open(client, world)
    assert status == 409
    assert "不能重复开放" in page
    assert "修改其截止日期" in page
    assert ReportingRound.objects.filter(region=world.pingchuan).count() == 1


def test_mistyped_years_and_dates_are_refused_naming_the_field(client: Client, world: World) -> None:
    client.force_login(world.office)
    today = timezone.localdate()
    cases = {
        "数据年份不能晚于今年": {"year": str(today.year + 1)},
        "数据年份不能早于2000年": {"year": "202"},
        "四位数字年份": {"year": "二〇二四x"},
        "截止日期不能早于开始日期": {"closes_on": _iso(today - datetime.timedelta(days=1))},
        "截止日期请按": {"closes_on": "2025/13/45"},
        "半年轮次请选择上半年或全年": {"kind": "half_yearly"},
    }
    for expected, fields in cases.items():
        status, page = _open(client, world, **fields)
        assert status == 400, fields
        assert expected in page, fields
    assert not ReportingRound.objects.filter(region=world.pingchuan).exists()


def test_the_office_extends_a_deadline_and_a_county_admin_may_not(client: Client, world: World) -> None:
    round_ = ReportingRound.objects.get(region=world.baiyin, year=2022)
    later = round_.closes_on + datetime.timedelta(days=30)
    client.force_login(world.pingchuan_admin)
    refused = client.post(f"/monitoring/rounds/{round_.pk}/closes/", {"closes_on": _iso(later)})
    assert refused.status_code == 403
    client.force_login(world.office)
    page = client.post(
        f"/monitoring/rounds/{round_.pk}/closes/", {"closes_on": _iso(later)}, follow=True
    ).content.decode()
    assert "的截止日期改为" in page
    round_.refresh_from_db()
    assert round_.closes_on == later
    page = client.post(
        f"/monitoring/rounds/{round_.pk}/closes/", {"closes_on": "1999-01-01"}, follow=True
    ).content.decode()
    assert "截止日期不能早于开始日期" in page
    round_.refresh_from_db()
    assert round_.closes_on == later


def test_a_county_admin_cannot_open_a_round(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_admin)
    assert "开放填报轮次" not in client.get(f"/monitoring/{world.pingchuan.code}/").content.decode()
    status, _ = _open(client, world)
    assert status == 403
