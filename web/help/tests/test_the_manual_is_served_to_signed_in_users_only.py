"""帮助: every chapter of docs/manual renders for a signed-in user, nobody else reads it, and a URL can
name only a chapter or an image the manual's folder holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.help import selectors

pytestmark = pytest.mark.django_db
SLUGS = [chapter.slug for chapter in selectors.chapters()]


@pytest.fixture
def reader(client: Client) -> Client:
    client.force_login(User.objects.create_user("reader", password="unused-password"))
    return client


def _chapter(slug: str) -> selectors.Chapter:
    found = selectors.chapter_get(slug)
    assert found is not None, slug
    return found


def test_the_manual_has_a_chapter_for_each_role() -> None:
    assert len(SLUGS) >= 6


@pytest.mark.parametrize("slug", SLUGS)
def test_every_chapter_renders_for_a_signed_in_user(reader: Client, slug: str) -> None:
    response = reader.get(f"/help/{slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert _chapter(slug).title in body
    assert "<script" not in body.split('<article class="help-manual">', 1)[1]


def test_the_index_lists_every_chapter(reader: Client) -> None:
    body = reader.get("/help/").content.decode()
    for slug in SLUGS:
        assert f'href="/help/{slug}/"' in body


@pytest.mark.parametrize("slug", SLUGS)
def test_every_image_a_chapter_shows_is_served(reader: Client, slug: str) -> None:
    names = re.findall(r"\]\(images/([^)\s]+)\)", _chapter(slug).path.read_text(encoding="utf-8"))
    for name in names:
        response = reader.get(f"/help/{slug}/images/{name}")
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_link_inside_a_chapter_lands_on_one_of_its_headings(slug: str) -> None:
    html = selectors.chapter_html(_chapter(slug))
    headings = set(re.findall(r'id="([^"]+)"', html))
    broken = [anchor for anchor in re.findall(r'href="#([^"]+)"', html) if anchor not in headings]
    assert not broken, f"{slug}: {broken}"


@pytest.mark.parametrize("url", ["/help/", "/help/01-overview/", "/help/images/office-overview.png"])
def test_anonymous_visitors_are_sent_to_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_an_unknown_chapter_is_not_found(reader: Client) -> None:
    assert reader.get("/help/no-such-chapter/").status_code == 404
    assert reader.get("/help/no-such-chapter/images/office-overview.png").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/help/images/..",
        "/help/images/..%2F..%2Fpyproject.toml",
        "/help/images/..%2F01-overview.md",
        "/help/01-overview/images/..%2F01-overview.md",
        "/help/01-overview/images/..%2Fimages%2Foffice-overview.png",
        "/help/images/missing.png",
    ],
)
def test_an_image_name_outside_the_folder_is_not_found(reader: Client, url: str) -> None:
    assert reader.get(url).status_code == 404


def test_raw_html_in_a_chapter_is_escaped_not_run(reader: Client, tmp_path: Path, settings: Any) -> None:
    chapter = '# 标题\n\n<script>alert(1)</script>\n\n<p style="color:red">x</p>\n'
    (tmp_path / "01-x.md").write_text(chapter, "utf-8")
    settings.HELP_MANUAL_DIR = tmp_path
    body = reader.get("/help/01-x/").content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body
    assert '<p style="color:red">' not in body


def test_a_link_to_another_chapters_file_becomes_its_page(tmp_path: Path, settings: Any) -> None:
    (tmp_path / "01-a.md").write_text("# A\n\n见[B](02-b.md#步骤)与[外部](other.md)。\n", "utf-8")
    (tmp_path / "02-b.md").write_text("# B\n", "utf-8")
    settings.HELP_MANUAL_DIR = tmp_path
    html = selectors.chapter_html(_chapter("01-a"))
    assert 'href="../02-b/#步骤"' in html
    assert 'href="other.md"' in html
