from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation


def _post(client: Client, world: World, **fields: str) -> str:
    url = f"/monitoring/{world.pingchuan.code}/2022/"
    return client.post(url, fields, follow=True).content.decode()


def test_it_shows_a_clerk_exactly_the_indicators_of_their_department(client: Client, world: World) -> None:
    client.force_login(world.education_clerk)
    page = client.get(f"/monitoring/{world.pingchuan.code}/2022/").content.decode()
    assert "居民健康素养水平" not in page
    client.force_login(world.pingchuan_clerk)
    page = client.get(f"/monitoring/{world.pingchuan.code}/2022/").content.decode()
    assert "居民健康素养水平" in page
    assert "15岁以上人群吸烟率" in page


def test_it_saves_a_draft_then_submits_it_with_history(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    _post(client, world, **{f"value-{world.literacy.pk}": "19.6", "draft": "1"})
    observation = Observation.objects.get(indicator=world.literacy, region=world.pingchuan, year=2022)
    assert (observation.value, observation.state) == (Decimal("19.6"), "draft")
    _post(
        client,
        world,
        **{f"value-{world.literacy.pk}": "19.8", f"version-{world.literacy.pk}": "1", "submit": "1"},
    )
    observation.refresh_from_db()
    assert (observation.value, observation.state, observation.version) == (Decimal("19.8"), "submitted", 2)
    assert [c.action for c in observation.changes.all()] == ["保存草稿", "提交"]


def test_it_rejects_text_where_a_number_belongs(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    page = _post(client, world, **{f"value-{world.literacy.pk}": "约10%", "draft": "1"})
    assert "应为数字，实际为「约10%」" in page
    assert not Observation.objects.exists()


def test_it_asks_why_when_the_value_jumps_from_last_year(client: Client, world: World) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=10, state="approved"
    )
    client.force_login(world.pingchuan_clerk)
    page = _post(client, world, **{f"value-{world.literacy.pk}": "19", "draft": "1"})
    assert "请说明原因" in page
    assert not Observation.objects.filter(year=2022).exists()
    _post(
        client,
        world,
        **{f"value-{world.literacy.pk}": "19", f"comment-{world.literacy.pk}": "新的调查方法", "draft": "1"},
    )
    assert Observation.objects.filter(year=2022).exists()


def test_it_tells_the_second_of_two_editors_about_the_conflict(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    field = f"value-{world.literacy.pk}"
    _post(client, world, **{field: "19.6", "draft": "1"})
    _post(client, world, **{field: "19.7", f"version-{world.literacy.pk}": "1", "draft": "1"})  # first editor
    page = _post(client, world, **{field: "18.0", f"version-{world.literacy.pk}": "1", "draft": "1"})  # stale
    assert "您的修改未保存" in page
    assert Observation.objects.get(year=2022).value == Decimal("19.7")


def test_it_lets_the_reviewer_return_with_a_reason_and_approve(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    _post(client, world, **{f"value-{world.literacy.pk}": "19.6", "submit": "1"})
    observation = Observation.objects.get(year=2022)
    client.force_login(world.pingchuan_admin)
    decide = f"/monitoring/observations/{observation.pk}/decide/"
    page = client.post(
        decide, {"version": "1", "decision": "return", "comment": ""}, follow=True
    ).content.decode()
    assert "退回时请填写退回原因" in page
    client.post(decide, {"version": "1", "decision": "return", "comment": "请附调查报告"})
    observation.refresh_from_db()
    assert (observation.state, observation.review_comment) == ("returned", "请附调查报告")
    client.force_login(world.pingchuan_clerk)
    _post(
        client,
        world,
        **{f"value-{world.literacy.pk}": "19.6", f"version-{world.literacy.pk}": "2", "submit": "1"},
    )
    client.force_login(world.pingchuan_admin)
    client.post(decide, {"version": "3", "decision": "approve"})
    observation.refresh_from_db()
    assert observation.state == "approved"


def test_it_computes_the_status_as_soon_as_a_value_is_approved(client: Client, world: World) -> None:
    pytest.importorskip("healthaction.engine")
    from web.monitoring.models import SeriesStatus

    client.force_login(world.pingchuan_clerk)
    _post(client, world, **{f"value-{world.literacy.pk}": "22.5", "submit": "1"})
    client.force_login(world.office)
    observation = Observation.objects.get(year=2022)
    client.post(f"/monitoring/observations/{observation.pk}/decide/", {"version": "1", "decision": "approve"})
    status = SeriesStatus.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022)
    assert status.status == "ACHIEVED"
    page = client.get(f"/regions/{world.pingchuan.code}/?year=2022").content.decode()
    assert "已达标" in page
