"""Whatever a client sends, the API answers with a status its OpenAPI schema documents, never a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from web.api.schemas import ObservationIn
from web.conftest import World

AsUser = Callable[[User], Callable[..., Any]]


def test_every_operation_documents_its_malformed_request_answer(client: Client, world: World) -> None:
    client.force_login(world.leader)  # the schema is for signed-in users
    schema = client.get("/api/openapi.json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert {"401", "403", "404", "422"} <= set(operation["responses"]), (method, path)


def test_a_huge_page_offset_is_refused_not_a_server_error(as_user: AsUser, world: World) -> None:
    call = as_user(world.pingchuan_admin)
    response = call("get", "/api/observations?offset=6283448520685671076069376")
    assert response.status_code == 422
    assert "offset" in response.json()["detail"]
    assert call("get", "/api/observations?limit=100000").status_code == 422
    assert call("get", "/api/observations?limit=1000").status_code == 200


def test_the_value_schema_admits_exactly_the_numbers_the_server_accepts(client: Client, world: World) -> None:
    client.force_login(world.leader)  # the schema is for signed-in users
    schema = client.get("/api/openapi.json").json()
    value = schema["components"]["schemas"]["ObservationIn"]["properties"]["value"]
    pattern = re.compile(next(part["pattern"] for part in value["anyOf"] if part.get("type") == "string"))
    for accepted in ["23", "23.5", "-0.5", ".5", " 7 ", "+3", "5."]:
        assert pattern.match(accepted), accepted
        ObservationIn(region="620403", indicator_id=1, year=2022, value=accepted)  # the server takes it
    for refused in ["", "约10%", "1e400", "NaN", "23,5"]:
        assert not pattern.match(refused), refused
