"""Fuzz (hypothesis) of POST /api/observations' value: a number, inf/nan, or any string. The answer is
200 (saved, finite and plausible) or 400/409/422 with nothing saved — never a server error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from hypothesis import HealthCheck, given, settings

from healthaction.numbers import LIMIT, plausibility
from healthaction.tests.strategies import JSON_NUMBER
from web.conftest import World
from web.monitoring.models import Observation


@settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=JSON_NUMBER)
def test_the_api_value(world: World, as_user: Callable[[User], Callable[..., Any]], value: object) -> None:
    call = as_user(world.pingchuan_clerk)
    body = {"region": world.pingchuan.code, "indicator_id": world.literacy.pk, "year": 2022, "value": value}
    response = call("post", "/api/observations", body)
    assert response.status_code in (200, 400, 409, 422)
    if response.status_code != 200:
        assert "detail" in response.json()
        assert not Observation.objects.exists()
        return
    saved = Observation.objects.get()
    assert saved.value is not None
    assert abs(saved.value) < LIMIT
    assert plausibility(saved.value, world.literacy.unit) is None
    Observation.objects.all().delete()
