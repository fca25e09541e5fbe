"""审核 by someone other than the submitter (four eyes), unless the site allows self-approval; an approved
value changes only by 退回 with a reason, then a new entry — never overwritten by a reviewer."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client, override_settings

from web.conftest import World
from web.monitoring.models import Observation
from web.monitoring.services import observation_save

ENTRY = "/monitoring/{code}/2022/"


def _submit_as_admin(client: Client, world: World) -> Observation:
    client.force_login(world.pingchuan_admin)
    client.post(
        ENTRY.format(code=world.pingchuan.code), {f"value-{world.literacy.pk}": "19.6", "submit": "1"}
    )
    return Observation.objects.get(year=2022)


def test_the_submitter_cannot_approve_their_own_value(client: Client, world: World) -> None:
    observation = _submit_as_admin(client, world)
    response = client.post(
        f"/monitoring/observations/{observation.pk}/decide/",
        {"version": str(observation.version), "decision": "approve"},
        follow=True,
    )
    assert "不能审核自己提交的值" in response.content.decode()
    observation.refresh_from_db()
    assert observation.state == "submitted"
    client.force_login(world.office)  # another reviewer may
    client.post(
        f"/monitoring/observations/{observation.pk}/decide/",
        {"version": str(observation.version), "decision": "approve"},
    )
    observation.refresh_from_db()
    assert observation.state == "approved"


@override_settings(SELF_APPROVAL=True)
def test_a_small_office_may_allow_self_approval(client: Client, world: World) -> None:
    observation = _submit_as_admin(client, world)
    client.post(
        f"/monitoring/observations/{observation.pk}/decide/",
        {"version": str(observation.version), "decision": "approve"},
    )
    observation.refresh_from_db()
    assert observation.state == "approved"
    assert [c.user for c in observation.changes.all()] == [world.pingchuan_admin, world.pingchuan_admin]


def _approved(world: World) -> Observation:
    observation = observation_save(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=Decimal("19.6"), comment="",
        user=world.pingchuan_clerk, version=None, submit=True,
    )  # fmt: skip
    Observation.objects.filter(pk=observation.pk).update(state="approved")
    observation.refresh_from_db()
    return observation


def test_a_reviewer_cannot_overwrite_an_approved_value(client: Client, world: World) -> None:
    observation = _approved(world)
    client.force_login(world.office)
    page = client.post(
        ENTRY.format(code=world.pingchuan.code),
        {
            f"value-{world.literacy.pk}": "25",
            f"version-{world.literacy.pk}": str(observation.version),
            "draft": "1",
        },
    ).content.decode()
    assert "已审核，不能直接修改" in page
    observation.refresh_from_db()
    assert (observation.value, observation.state) == (Decimal("19.6"), "approved")


def test_an_approved_value_is_returned_with_a_reason_then_entered_again(client: Client, world: World) -> None:
    observation = _approved(world)
    client.force_login(world.office)
    assert (
        "退回已审核的值" in client.get(f"/monitoring/observations/{observation.pk}/history/").content.decode()
    )
    decide = f"/monitoring/observations/{observation.pk}/decide/"
    client.post(decide, {"version": str(observation.version), "decision": "return", "comment": ""})
    observation.refresh_from_db()
    assert observation.state == "approved"  # no reason, no return
    client.post(decide, {"version": str(observation.version), "decision": "return", "comment": "口径有误"})
    observation.refresh_from_db()
    assert (observation.state, observation.review_comment) == ("returned", "口径有误")
    client.force_login(world.pingchuan_clerk)
    client.post(
        ENTRY.format(code=world.pingchuan.code),
        {
            f"value-{world.literacy.pk}": "20.1",
            f"version-{world.literacy.pk}": str(observation.version),
            f"comment-{world.literacy.pk}": "按新口径",
            "submit": "1",
        },
    )
    observation.refresh_from_db()
    assert (observation.value, observation.state) == (Decimal("20.1"), "submitted")
    assert [c.action for c in observation.changes.all()][-2:] == ["退回", "提交"]


def test_a_clerk_sees_no_return_form(client: Client, world: World) -> None:
    observation = _approved(world)
    client.force_login(world.pingchuan_clerk)
    assert (
        "退回已审核的值"
        not in client.get(f"/monitoring/observations/{observation.pk}/history/").content.decode()
    )
