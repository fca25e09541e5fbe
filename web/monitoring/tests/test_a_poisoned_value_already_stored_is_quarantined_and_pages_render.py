"""Issue 11 item 1: one number stored the old way (1e309 → ±inf in SQLite, NaN or 10^13 in PostgreSQL)
made the region's entry page, template, history, API list and admin change page answer 500 for
everyone. ``numbers_quarantine`` moves such values aside with a record; every page answers 200 again,
and the CHECK constraints can then be added (they refuse such a value from any path)."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client

from web.api.services import api_token_create
from web.conftest import World
from web.monitoring.models import Observation, ObservationChange, QuarantinedValue
from web.plans.models import Target

SQLITE = connection.vendor == "sqlite"
# What the old code could leave behind: SQLite took 1e309 as +inf; PostgreSQL's numeric(20,6) takes NaN
# and 10^13 (past the rule's 12 digits) but not infinity.
POISON = ["1e309", "-1e309", "1e25"] if SQLITE else ["'NaN'::numeric", "10000000000000"]


GUARDED = (Observation, ObservationChange, Target)


def _limits(model: type) -> list[Any]:
    return [c for c in model._meta.constraints if c.name.endswith("_within_limits")]  # type: ignore[attr-defined]


@pytest.fixture
def unguarded(transactional_db: None) -> Iterator[None]:
    """The tables as they were before the CHECK constraints; restored (on clean data) afterwards.
    SQLite rebuilds a table from the model's constraints, so the model forgets them meanwhile."""
    kept = {model: list(model._meta.constraints) for model in GUARDED}
    with connection.schema_editor() as editor:
        for model in GUARDED:
            dropped = _limits(model)
            model._meta.constraints = [c for c in kept[model] if c not in dropped]
            for constraint in dropped:
                editor.remove_constraint(model, constraint)
    try:
        yield
    finally:
        call_command("numbers_quarantine", stdout=StringIO())
        with connection.schema_editor() as editor:
            for model in GUARDED:
                model._meta.constraints = kept[model]
                for constraint in _limits(model):
                    editor.add_constraint(model, constraint)


@pytest.mark.parametrize("poison", POISON)
def test_the_command_quarantines_it_and_every_page_renders_again(
    client: Client, world: World, unguarded: None, poison: str
) -> None:
    observation = Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=19, state="approved"
    )
    change = ObservationChange.objects.create(
        observation=observation, action="提交", new_value=19, new_state="approved"
    )
    target = Target.objects.filter(indicator=world.literacy, region=world.pingchuan).first()
    assert target is not None
    with connection.cursor() as cursor:  # the old way: what the unchecked form saved
        cursor.execute(f"UPDATE monitoring_observation SET value = {poison} WHERE id = %s", [observation.pk])
        cursor.execute(
            f"UPDATE monitoring_observationchange SET new_value = {poison} WHERE id = %s", [change.pk]
        )
        cursor.execute(f"UPDATE plans_target SET value = {poison} WHERE id = %s", [target.pk])

    out = StringIO()
    call_command("numbers_quarantine", stdout=out)
    assert "共隔离3个数值" in out.getvalue()
    assert QuarantinedValue.objects.count() == 3
    observation.refresh_from_db()
    assert observation.value is None
    assert observation.state == "returned"
    assert observation.changes.last().action == "隔离"  # type: ignore[union-attr]
    target.refresh_from_db()
    assert target.value is None

    for user in (world.pingchuan_clerk, world.pingchuan_admin, world.office):
        client.force_login(user)
        code = world.pingchuan.code
        for url in (
            f"/monitoring/{code}/2022/",
            f"/monitoring/{code}/2022/workbook/",
            f"/monitoring/observations/{observation.pk}/history/",
        ):
            assert client.get(url).status_code == 200, (user, url)
    _, token = api_token_create(user=world.office, name="测试")
    api = client.get(f"/api/observations?region={world.baiyin.code}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 200
    admin = User.objects.create_superuser("root", password="root-password-1")
    client.force_login(admin)
    assert client.get(f"/admin/monitoring/observation/{observation.pk}/change/").status_code == 200
    assert client.get(f"/admin/monitoring/observation/{observation.pk}/delete/").status_code == 200
    assert client.get("/admin/monitoring/quarantinedvalue/").status_code == 200

    again = StringIO()
    call_command("numbers_quarantine", stdout=again)
    assert "没有需要隔离的数值" in again.getvalue()


INSERT = (
    "INSERT INTO monitoring_observation (region_id, indicator_id, year, value, unit, state, comment,"
    " review_comment, version, is_demo, updated_at)"
    " VALUES (%s, %s, 2022, %s, '%%', 'draft', '', '', 1, false, CURRENT_TIMESTAMP)"
)


@pytest.mark.django_db
def test_the_database_refuses_such_a_value_from_any_path(world: World) -> None:
    values = ("1e309", "99999999999999999999", "NaN") if SQLITE else ("1e13", "NaN", "-1e13")
    for value in values:
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(INSERT, [world.pingchuan.pk, world.literacy.pk, value])
    assert not Observation.objects.exists()
