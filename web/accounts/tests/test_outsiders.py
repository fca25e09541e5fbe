"""The outsider matrix: every view, tried by someone outside its scope, answers 403 (or 404)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation
from web.plans.models import PlanDocument

Url = Callable[[World], str]

PINGCHUAN_VIEWS: list[tuple[str, Url]] = [
    ("overview", lambda w: f"/regions/{w.pingchuan.code}/"),
    ("indicator", lambda w: f"/regions/{w.pingchuan.code}/indicators/{w.literacy.pk}/"),
    ("league", lambda w: f"/regions/{w.pingchuan.code}/league/"),
    ("rounds", lambda w: f"/monitoring/{w.pingchuan.code}/"),
    ("entry", lambda w: f"/monitoring/{w.pingchuan.code}/2022/"),
    ("review", lambda w: f"/monitoring/{w.pingchuan.code}/review/"),
    ("plan", lambda w: f"/plans/{PlanDocument.objects.get().pk}/"),
    ("plan-file", lambda w: f"/plans/{PlanDocument.objects.get().pk}/file/"),
    ("history", lambda w: f"/monitoring/observations/{_observation(w).pk}/history/"),
]


def _observation(world: World) -> Observation:
    observation, _ = Observation.objects.get_or_create(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        defaults={"value": 20, "state": "submitted"},
    )
    return observation


@pytest.mark.parametrize(("name", "url"), PINGCHUAN_VIEWS, ids=[n for n, _ in PINGCHUAN_VIEWS])
@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "nobody"])
def test_it_hides_pingchuan_from_outsiders(
    client: Client, world: World, name: str, url: Url, outsider: str
) -> None:
    user: User = getattr(world, outsider)
    client.force_login(user)
    assert client.get(url(world)).status_code in (403, 404)


@pytest.mark.parametrize(("name", "url"), PINGCHUAN_VIEWS, ids=[n for n, _ in PINGCHUAN_VIEWS])
def test_it_shows_pingchuan_to_the_city_office(client: Client, world: World, name: str, url: Url) -> None:
    client.force_login(world.office)
    assert client.get(url(world)).status_code == 200


@pytest.mark.parametrize(("name", "url"), PINGCHUAN_VIEWS, ids=[n for n, _ in PINGCHUAN_VIEWS])
def test_it_sends_anonymous_visitors_to_the_login_page(
    client: Client, world: World, name: str, url: Url
) -> None:
    response = client.get(url(world))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_it_lets_a_leader_look_but_not_enter_or_review(client: Client, world: World) -> None:
    client.force_login(world.leader)
    assert client.get(f"/regions/{world.pingchuan.code}/").status_code == 200
    assert client.get(f"/monitoring/{world.pingchuan.code}/2022/").status_code == 403
    assert client.get(f"/monitoring/{world.pingchuan.code}/review/").status_code == 403


def test_it_refuses_a_decision_from_another_county(client: Client, world: World) -> None:
    observation = _observation(world)
    client.force_login(world.huining_admin)
    response = client.post(
        f"/monitoring/observations/{observation.pk}/decide/", {"version": "1", "decision": "approve"}
    )
    assert response.status_code == 403
    observation.refresh_from_db()
    assert observation.state == "submitted"


def test_it_refuses_a_clerk_posting_another_departments_indicator(client: Client, world: World) -> None:
    client.force_login(world.education_clerk)
    client.post(
        f"/monitoring/{world.pingchuan.code}/2022/", {f"value-{world.literacy.pk}": "20", "draft": "1"}
    )
    assert not Observation.objects.exists()


def test_it_refuses_plan_upload_to_everyone_but_the_office(client: Client, world: World) -> None:
    for user in (world.pingchuan_admin, world.pingchuan_clerk, world.leader):
        client.force_login(user)
        assert client.get("/plans/upload/").status_code == 403
