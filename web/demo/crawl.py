"""Walk the site as a user, the way a reader clicks: every same-site link from the landing page,
breadth first, and what each page shows as text (not its URLs or form field names).

The no-internal-code test and the screenshot script read the pages through it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client

# Links a reader follows that change nothing and return a page (files, the admin and logout aside).
SKIP = re.compile(
    r"^/(admin|static|media|i18n|api)/|/logout|\.(docx|xlsx|pdf|html|csv|zip)(\?|$)|/download|/report/"
)

# What an internal code looks like in visible text: baseline_substituted, OFF_TRACK, 2021H2, <=, >=.
CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z]+_[A-Z]+\b|\b\d{4}H[12]\b|<=|>=|（未匹配）")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        for name, value in attrs:
            # What a reader sees of an element besides its text: placeholders, titles, button values.
            if name in ("placeholder", "title", "alt", "aria-label") and value:
                self.text.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read(html: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.text), parser.links


def kind(path: str) -> str:
    """/regions/620403/indicators/28/?year=2022 → /regions/N/indicators/N/?year=N: one kind of page."""
    return re.sub(r"\d+", "N", path)


def walk(
    client: Client, start: str = "/", *, limit: int = 80, per_kind: int = 2
) -> Iterator[tuple[str, int, str]]:
    """(path, status, visible text) of each page reached from ``start``, at most ``limit`` pages and
    ``per_kind`` of each kind (the 30th indicator page shows nothing the second did not)."""
    seen = {start}
    kinds: dict[str, int] = {kind(start): 1}
    queue = deque([start])
    count = 0
    while queue and count < limit:
        path = queue.popleft()
        response = client.get(path, follow=True)
        count += 1
        if "text/html" not in response.get("Content-Type", ""):
            continue
        text, links = read(response.content.decode())
        yield path, response.status_code, text
        for href in links:
            target = urljoin(path, href)
            parts = urlsplit(target)
            if parts.netloc or parts.scheme or not parts.path.startswith("/"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local in seen or SKIP.search(local) or kinds.get(kind(local), 0) >= per_kind:
                continue
            seen.add(local)
            kinds[kind(local)] = kinds.get(kind(local), 0) + 1
            queue.append(local)


def codes_in(text: str) -> list[str]:
    return sorted(set(CODE.findall(text)))
