"""The user manual (docs/manual/*.md) as the site's 帮助: its chapters, one chapter as HTML, its images.

Only names found in the manual's folder are served, so a URL can never name a file outside it. The
manual's Markdown is ours, yet raw HTML in it is escaped rather than passed on: the site's CSP forbids
inline script and style, and a chapter is text and pictures only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from django.conf import settings
from markdown.extensions.toc import slugify_unicode

IMAGE_SUFFIXES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
_CHAPTER_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]*$")
_MD_LINK = re.compile(r'href="([0-9A-Za-z][0-9A-Za-z_-]*)\.md(#[^"]*)?"')


def manual_dir() -> Path:
    default = Path(settings.BASE_DIR).parent / "docs" / "manual"
    return Path(getattr(settings, "HELP_MANUAL_DIR", default))


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    path: Path


def chapters() -> list[Chapter]:
    """The chapters in file-name order (01-…, 02-…): the slug is the file name without .md."""
    folder = manual_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.md")):
        if not _CHAPTER_NAME.match(path.stem) or path.stem.upper() == "README":
            continue
        found.append(Chapter(slug=path.stem, title=_title(path), path=path))
    return found


def chapter_get(slug: str) -> Chapter | None:
    return next((chapter for chapter in chapters() if chapter.slug == slug), None)


def chapter_html(chapter: Chapter) -> str:
    """The chapter as HTML; a link to another chapter's .md becomes a link to its page in the site."""
    md = markdown.Markdown(
        extensions=["tables", "toc", "sane_lists"],
        # Chinese headings keep their words as anchors (#审核), not _1, _2.
        extension_configs={"toc": {"slugify": slugify_unicode}},
        output_format="html",
    )
    # Escape raw HTML instead of passing it through (see the module's docstring).
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    html = md.convert(chapter.path.read_text(encoding="utf-8"))
    known = {c.slug for c in chapters()}
    return _MD_LINK.sub(lambda m: _chapter_href(m, known), html)


def image_path(name: str) -> Path | None:
    """The image of that exact name in the manual's images folder, or None: the name is looked up in the
    folder's listing, never joined onto a path, so `..` or a slash finds nothing."""
    folder = manual_dir() / "images"
    if not folder.is_dir() or Path(name).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    listed = {entry.name: entry for entry in folder.iterdir() if entry.is_file()}
    return listed.get(name)


def _title(path: Path) -> str:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# "):
                return line[2:].strip()
    return path.stem


def _chapter_href(match: re.Match[str], known: set[str]) -> str:
    slug, anchor = match.group(1), match.group(2) or ""
    if slug not in known:
        return match.group(0)
    return f'href="../{slug}/{anchor}"'
