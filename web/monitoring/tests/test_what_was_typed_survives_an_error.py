"""After an error on the entry form the typed value and 说明 are on the page again; a 说明 edit of an
approved value is kept as a note with history, never dropped as 「已保存0项」."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation


def test_a_refused_row_keeps_what_was_typed_while_the_others_are_saved(client: Client, world: World) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=10, state="approved"
    )
    client.force_login(world.pingchuan_clerk)
    page = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        {
            f"value-{world.literacy.pk}": "19",  # a jump from 10 without a reason: refused
            f"comment-{world.literacy.pk}": "",
            f"value-{world.smoking.pk}": "23.1",
            f"comment-{world.smoking.pk}": "抽样调查",
            "draft": "1",
        },
    ).content.decode()
    assert "请说明原因" in page
    assert f'name="value-{world.literacy.pk}" value="19"' in page
    assert Observation.objects.get(indicator=world.smoking, year=2022).value == Decimal("23.1")


def test_a_conflict_keeps_the_typed_value_and_comment(client: Client, world: World) -> None:
    observation = Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=19, version=3
    )
    client.force_login(world.pingchuan_clerk)
    page = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        {
            f"value-{world.literacy.pk}": "21.5",
            f"version-{world.literacy.pk}": "2",  # loaded before someone else saved
            f"comment-{world.literacy.pk}": "按新口径重新统计",
            "draft": "1",
        },
    ).content.decode()
    assert "您的修改未保存" in page
    assert 'value="21.5"' in page
    assert "按新口径重新统计</textarea>" in page
    observation.refresh_from_db()
    assert observation.value == 19


def test_a_comment_on_an_approved_value_is_kept_as_a_note_with_history(client: Client, world: World) -> None:
    observation = Observation.objects.create(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=19,
        state="approved",
        comment="初报",
    )
    client.force_login(world.pingchuan_clerk)
    response = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        {
            f"comment-{world.literacy.pk}": "数据来源：2022年监测调查",
            f"version-{world.literacy.pk}": str(observation.version),
            "draft": "1",
        },
        follow=True,
    )
    assert "已保存1项" in response.content.decode()
    observation.refresh_from_db()
    assert (observation.value, observation.state, observation.comment) == (
        19,
        "approved",
        "数据来源：2022年监测调查",
    )
    change = observation.changes.get()
    assert change.action == "修改说明"
    assert "初报" in change.reason


def test_an_unchanged_comment_saves_nothing(client: Client, world: World) -> None:
    observation = Observation.objects.create(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=19,
        state="approved",
        comment="初报",
    )
    client.force_login(world.pingchuan_clerk)
    client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        {f"comment-{world.literacy.pk}": "初报", f"version-{world.literacy.pk}": "1", "draft": "1"},
    )
    assert not observation.changes.exists()
