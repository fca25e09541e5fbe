"""帮助: every chapter of docs/manual renders for a signed-in user, nobody else reads it, and a URL can
name only a chapter or an image the manual's folder holds."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.help import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client: Client) -> Client:
    client.force_login(User.objects.create_user("reader", password="unused-password"))
    return client


def test_the_manual_has_chapters() -> None:
    assert len(selectors.chapters()) >= 5


@pytest.mark.parametrize("slug", [chapter.slug for chapter in selectors.chapters()])
def test_every_chapter_renders_for_a_signed_in_user(reader: Client, slug: str) -> None:
    response = reader.get(f"/help/{slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1" in body and selectors.chapter_get(slug).title in body  # type: ignore[union-attr]
    assert "<script>" not in body.split('<article class="help-manual">', 1)[1]


def test_the_index_lists_every_chapter(reader: Client) -> None:
    body = reader.get("/help/").content.decode()
    for chapter in selectors.chapters():
        assert f'href="/help/{chapter.slug}/"' in body


def test_every_image_a_chapter_shows_is_served(reader: Client) -> None:
    for chapter in selectors.chapters():
        for name in _images_of(chapter):
            response = reader.get(f"/help/{chapter.slug}/images/{name}")
            assert response.status_code == 200, (chapter.slug, name)
            assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize("url", ["/help/", "/help/01-overview/", "/help/images/x.png"])
def test_anonymous_visitors_are_sent_to_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_an_unknown_chapter_is_not_found(reader: Client) -> None:
    assert reader.get("/help/no-such-chapter/").status_code == 404
    assert reader.get("/help/no-such-chapter/images/x.png").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/help/images/..",
        "/help/images/..%2F..%2Fpyproject.toml",
        "/help/images/..%2Findex.png",
        "/help/01-overview/images/..%2F01-overview.md",
        "/help/images/missing.png",
    ],
)
def test_an_image_name_outside_the_folder_is_not_found(reader: Client, url: str) -> None:
    assert reader.get(url).status_code == 404


def test_raw_html_in_a_chapter_is_escaped_not_run(reader: Client, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "01-x.md").write_text('# 标题\n\n<script>alert(1)</script>\n\n<p style="color:red">x</p>\n', "utf-8")
    settings.HELP_MANUAL_DIR = tmp_path
    body = reader.get("/help/01-x/").content.decode()
    assert "<script>alert" not in body and "&lt;script&gt;" in body
    assert '<p style="color:red">' not in body


def test_a_link_to_another_chapters_file_becomes_its_page(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "01-a.md").write_text("# A\n\n见[B](02-b.md#步骤)与[外部](other.md)。\n", "utf-8")
    (tmp_path / "02-b.md").write_text("# B\n", "utf-8")
    settings.HELP_MANUAL_DIR = tmp_path
    html = selectors.chapter_html(selectors.chapter_get("01-a"))  # type: ignore[arg-type]
    assert 'href="../02-b/#步骤"' in html and 'href="other.md"' in html


def _images_of(chapter: selectors.Chapter) -> list[str]:
    import re

    return re.findall(r"\]\(images/([^)\s]+)\)", chapter.path.read_text(encoding="utf-8"))
