from __future__ import annotations

from django.test import Client

from web.conftest import World


def test_it_serves_the_schema_with_every_endpoint_described_in_chinese(client: Client, world: World) -> None:
    client.force_login(world.leader)
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "健康行动监测接口"
    operations = {(method, path): op for path, item in schema["paths"].items() for method, op in item.items()}
    assert set(operations) == {
        ("get", "/api/plans"),
        ("get", "/api/plans/{plan_id}"),
        ("get", "/api/regions/{code}/targets"),
        ("get", "/api/observations"),
        ("post", "/api/observations"),
        ("get", "/api/regions/{code}/statuses"),
    }
    for op in operations.values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in op["summary"] + op["description"])
        assert op["security"] == [{"TokenAuth": []}]
    observation = schema["components"]["schemas"]["ObservationIn"]["properties"]
    assert observation["value"]["description"].startswith("数值")
    assert "Bearer" in schema["components"]["securitySchemes"]["TokenAuth"]["description"]


def test_the_interactive_docs_use_no_cdn(client: Client, world: World) -> None:
    client.force_login(world.leader)
    page = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_the_docs_and_schema_are_for_signed_in_users_only(client: Client, world: World) -> None:
    for url in ("/api/docs", "/api/openapi.json"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")
