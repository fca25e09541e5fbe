"""The language menu names each language in that language, whatever the page's language."""

from __future__ import annotations

from django.test import Client

from web.conftest import World


def test_each_language_is_named_in_itself(client: Client, world: World) -> None:
    client.force_login(world.office)
    chinese = client.get(f"/regions/{world.baiyin.code}/").content.decode()
    assert '<option value="en" lang="en">English</option>' in chinese
    assert "英语" not in chinese
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(f"/regions/{world.baiyin.code}/").content.decode()
    assert '<option value="zh-hans" lang="zh-hans">简体中文</option>' in english
