from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from web.api.models import ApiToken
from web.api.services import api_token_create, api_token_revoke, token_hash
from web.conftest import World


def test_it_answers_401_in_chinese_without_a_token(client: Client, world: World) -> None:
    response = client.get("/api/plans")
    assert response.status_code == 401
    assert "接口令牌" in response.json()["detail"]


def test_it_does_not_accept_a_logged_in_session_instead_of_a_token(client: Client, world: World) -> None:
    client.force_login(world.office)
    assert client.get("/api/plans").status_code == 401


def test_it_answers_401_for_a_wrong_or_revoked_token(client: Client, world: World) -> None:
    record, token = api_token_create(user=world.office, name="统计局")
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}x").status_code == 401
    api_token_revoke(token=record)
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(client: Client, world: World) -> None:
    _, token = api_token_create(user=world.office, name="统计局")
    User.objects.filter(pk=world.office.pk).update(is_active=False)
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_it_keeps_only_the_hash_of_a_token(world: World) -> None:
    record, token = api_token_create(user=world.office, name="统计局")
    record.refresh_from_db()
    assert record.key_hash == token_hash(token)
    assert token not in {str(v) for v in ApiToken.objects.values_list(flat=False).get()}
    assert token.startswith(record.prefix)


def test_the_management_command_prints_a_working_token(client: Client, world: World) -> None:
    out = io.StringIO()
    call_command("api_token", "pingchuan_clerk", "--name", "区卫健局系统", stdout=out)
    token = out.getvalue().strip()
    assert ApiToken.objects.get().name == "区卫健局系统"
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_management_command_names_an_unknown_user(world: World) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有用户「张三」"):
        call_command("api_token", "张三")


def test_the_admin_shows_a_new_token_once(client: Client, world: World) -> None:
    admin = User.objects.create_superuser("root", password="x")
    client.force_login(admin)
    page = client.post(
        "/admin/api/apitoken/add/", {"user": world.office.pk, "name": "统计局"}, follow=True
    ).content.decode()
    assert "只显示这一次" in page
    token = page.split("请立即复制保存）：")[1].split("<")[0].strip()
    client.logout()
    assert client.get("/api/plans", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
