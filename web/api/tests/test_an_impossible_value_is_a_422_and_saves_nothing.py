"""Issue 11: the API returned 500 *and* saved for 1e309 / 1E+25 / 20 digits. The one number rule
answers 422 with a Chinese detail, saves nothing, and the region's list still answers 200."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User

from web.conftest import World
from web.monitoring.models import Observation


@pytest.mark.parametrize(
    "value", ["1e309", "1E+25", "99999999999999999999", -5, 250, "-5", 1e300, "12.1234567"]
)
def test_the_api_answers_422_and_saves_nothing(
    world: World, as_user: Callable[[User], Callable[..., Any]], value: object
) -> None:
    call = as_user(world.pingchuan_clerk)
    body = {"region": world.pingchuan.code, "indicator_id": world.literacy.pk, "year": 2022, "value": value}
    response = call("post", "/api/observations", body)
    assert response.status_code == 422
    assert "detail" in response.json()
    assert not Observation.objects.exists()
    assert call("get", f"/api/observations?region={world.pingchuan.code}").status_code == 200
