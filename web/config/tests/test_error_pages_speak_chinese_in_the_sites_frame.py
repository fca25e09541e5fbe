"""400, 403, 404 and 500 are Chinese pages in the site's frame (header, navigation), with the reason the
code gave and a way back; Django's bare English pages never reach a user."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path

from web.conftest import World


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


# The site's urls plus one page that fails, to see the 500 page.
urlpatterns = [path("broken/", _broken), path("", include("web.config.urls"))]
handler500 = "web.config.errors.server_error"


def test_a_page_outside_ones_scope_says_so_in_the_frame(client: Client, world: World) -> None:
    client.force_login(world.huining_clerk)
    response = client.get(f"/monitoring/{world.pingchuan.code}/2022/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "不在您的权限范围内" in page
    assert "无权访问" in page
    assert "<header>" in page
    assert "回到首页" in page
    assert "Forbidden" not in page


def test_an_unknown_page_is_a_chinese_404_with_the_reason(client: Client, world: World) -> None:
    client.force_login(world.office)
    response = client.get("/regions/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "没有这个地区" in page
    assert "页面不存在" in page
    assert "<header>" in page
    assert "Not Found" not in page
    assert "页面不存在" in client.get("/no/such/page/").content.decode()


def test_a_django_internal_reason_is_not_shown(client: Client, world: World) -> None:
    client.force_login(world.office)
    page = client.get("/plans/999999/").content.decode()
    assert "matches the given query" not in page


def test_a_malformed_parameter_is_a_chinese_400_in_the_frame(client: Client, world: World) -> None:
    client.force_login(world.office)
    response = client.get(f"/reports/{world.pingchuan.code}/?year=99999999999999999999")
    page = response.content.decode()
    assert response.status_code == 400
    assert "请求有误" in page
    assert "年份" in page
    assert "<header>" in page


def test_the_way_back_leads_only_within_the_site(client: Client, world: World) -> None:
    client.force_login(world.office)
    inside = client.get("/no/such/page/", HTTP_REFERER="http://testserver/plans/").content.decode()
    assert 'href="http://testserver/plans/"' in inside
    outside = client.get("/no/such/page/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in outside


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_a_chinese_500_in_the_frame(world: World) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.office)
    response = client.get("/broken/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in page
    assert "<header>" in page
    assert "a bug" not in page  # the exception's text is for the log, not the page


@pytest.mark.parametrize("anonymous", [True, False])
def test_error_pages_render_for_anyone(client: Client, world: World, anonymous: bool) -> None:
    if not anonymous:
        client.force_login(world.nobody)
    assert client.get("/no/such/page/").status_code == 404
