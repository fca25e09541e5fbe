"""PDF (pdfplumber): text lines and ruled tables of each page, in reading order.

What the page layout adds is taken away again: running headers and footers
repeated on most pages, page numbers (“— 3 —”, “-3-”, “第3页”), and the line
breaks of wrapped paragraphs (a full-width line continues into the next
unindented one, also across a page break). A table continued on the next page
is joined to the one before it.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.errors import UnreadableDocument

_DASHES = r"[\s\-—–―－~～·•]*"
_PAGE_NUMBER = re.compile(
    rf"{_DASHES}(第\s*)?(\d+)\s*(页)?(\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?{_DASHES}"
    r"|\s*page\s*\d+(\s*of\s*\d+)?\s*",
    re.IGNORECASE,
)
_ENUMERATED = re.compile(
    r"\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\D|第[一二三四五六七八九十\d]+[章节条部分]|[①-⑳])"
)
_EDGE = 2  # lines at the top and at the bottom of a page that may be running headers or footers


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, tuple[tuple[str, ...], ...]]] = field(default_factory=list)


def read(path: Path, data: bytes) -> list[Block]:
    pages = _extract(path, data)
    if not any(page.lines or page.tables for page in pages):
        raise UnreadableDocument(f"{path}：PDF 中没有可提取的文字（可能是扫描件，需要先做文字识别）")
    _drop_running_lines(pages)
    return _blocks(pages)


def _extract(path: Path, data: bytes) -> list[_Page]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            return [_page(number, page) for number, page in enumerate(document.pages, start=1)]
    except Exception as exc:  # pdfminer fails on malformed files with errors of every kind
        if "password" in repr(exc).lower() or "encrypt" in repr(exc).lower():
            raise UnreadableDocument(f"{path}：PDF 已加密，请先解除密码保护") from exc
        raise UnreadableDocument(f"{path}：不是有效的 PDF 文件（{type(exc).__name__}）") from exc


def _page(number: int, page: Any) -> _Page:
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    out = _Page(number)
    for table in found:
        rows = tuple(tuple(_cell(cell) for cell in row) for row in table.extract())
        if any(any(row) for row in rows):
            out.tables.append((table.bbox[1], rows))

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    for line in text_page.extract_text_lines(return_chars=False):
        text = line["text"].strip()
        if text:
            out.lines.append(_Line(text, line["x0"], line["x1"], line["top"], line["bottom"]))
    return out


def _cell(cell: str | None) -> str:
    return "\n".join(part.strip() for part in (cell or "").splitlines()).strip()


def _edge_lines(page: _Page) -> list[_Line]:
    lines = page.lines
    return lines[:_EDGE] + lines[max(_EDGE, len(lines) - _EDGE) :]


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers and the headers/footers repeated at the edges of most pages."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_shape(line.text) for line in _edge_lines(page)})
    repeated = {shape for shape, count in seen.items() if count >= 2 and count * 2 >= len(pages)}
    for page in pages:
        edge = {id(line) for line in _edge_lines(page)}
        page.lines = [
            line
            for line in page.lines
            if id(line) not in edge
            or not (_shape(line.text) in repeated or is_page_number(line.text, page.number))
        ]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str, number: int) -> bool:
    match = _PAGE_NUMBER.fullmatch(text)
    if match is None:
        return False
    digits = match.group(2)
    decorated = text.strip() != digits  # "— 3 —", "第3页", "3/10" are page numbers wherever they stand
    return decorated or digits is None or abs(int(digits) - number) <= 2


def _blocks(pages: list[_Page]) -> list[Block]:
    blocks: list[Block] = []
    open_paragraph: tuple[_Line, float, float] | None = None  # last line, the right edge, its char size
    every_line = [line for page in pages for line in page.lines]
    left = min((line.x0 for line in every_line), default=0.0)
    right = max((line.x1 for line in every_line), default=0.0)
    for page in pages:
        where = f"第{page.number}页"
        items: list[tuple[float, int, _Line | tuple[tuple[str, ...], ...]]] = [
            (line.top, 1, line) for line in page.lines
        ]
        items += [(top, 0, rows) for top, rows in page.tables]
        items.sort(key=lambda item: (item[0], item[1]))
        size = statistics.median([line.bottom - line.top for line in page.lines] or [10.0])
        for _, _, item in items:
            if not isinstance(item, _Line):
                previous = blocks[-1] if blocks else None
                if (
                    isinstance(previous, Table)
                    and open_paragraph is None
                    and previous.rows
                    and len(previous.rows[0]) == len(item[0])
                    and previous.where != where
                ):
                    blocks[-1] = Table(previous.rows + item, previous.where, previous.header_rows)
                else:
                    blocks.append(Table(item, where=where))
                open_paragraph = None
                continue
            if open_paragraph is not None and _continues(open_paragraph, item, left, size):
                last = blocks[-1]
                assert isinstance(last, Paragraph)
                blocks[-1] = Paragraph(_join(last.text, item.text), last.where)
            else:
                blocks.append(Paragraph(item.text, where=where))
            open_paragraph = (item, right, size)
    return blocks


def _continues(previous: tuple[_Line, float, float], line: _Line, left: float, size: float) -> bool:
    """Whether ``line`` continues the paragraph that ``previous`` ended (a wrapped line)."""
    last, right, last_size = previous
    full = last.x1 >= right - 1.5 * last_size
    flush_left = line.x0 <= left + 0.5 * size
    same_page_gap = line.top > last.top and line.top - last.bottom > 1.2 * size
    return full and flush_left and not same_page_gap and not _ENUMERATED.match(line.text)


def _join(head: str, tail: str) -> str:
    if head[-1:].isascii() and head[-1:].isalnum() and tail[:1].isascii() and tail[:1].isalnum():
        return f"{head} {tail}"
    return head + tail
