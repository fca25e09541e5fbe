"""Web pages (.html): data tables as Table blocks, block elements and ``<br>`` as paragraphs.

The encoding comes from a byte-order mark or ``<meta charset>`` (GBK pages are
common on government sites), else it is detected as for plain text. Scripts,
styles and the ``<head>`` are dropped. ``rowspan``/``colspan`` are laid out like
Word's merged cells: the text in the first cell, the covered cells "". A table
that holds another table, or has a single cell, is page layout: its cells are
read as ordinary paragraphs.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.readers import txt

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "gb18030", "euc-cn", "hz-gb-2312"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "_comment"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "ul", "td", "th", "tr", "table", "tbody",
    "thead", "tfoot",
}  # fmt: skip
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_MAX_SPAN = 1000


def sniff(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head)


def decode(path: Path, data: bytes) -> str:
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:8192])
        if declared is not None:
            name = declared.group(1).decode("ascii").lower()
            codec = "gb18030" if name in _GB_ALIASES else name
            try:
                codecs.lookup(codec)
                return data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect as for plain text
    return txt.decode(path, data)


def read(path: Path, data: bytes) -> list[Block]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(decode(path, data))
    root = tree.body or tree.root
    reader = _Flow()
    if root is not None:
        reader.walk(root)
    return reader.blocks


class _Flow:
    """Walks a node's subtree without recursion, turning it into paragraphs and tables."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.tables = 0
        self.paragraphs = 0

    def walk(self, root: Any) -> None:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            tag = node.tag
            if leaving:
                self.flush()
                continue
            if tag == "-text":
                self.parts.append(node.text(deep=False) or "")
            elif tag == "br":
                self.flush()
            elif tag in _SKIP:
                continue
            elif tag == "table" and not _is_layout(node):
                self.flush()
                self.tables += 1
                rows, header_rows = _table_rows(node)
                self.blocks.append(Table(rows, where=f"表{self.tables}", header_rows=header_rows))
            elif tag == "pre":
                self.flush()
                for line in (node.text() or "").splitlines():
                    self.parts.append(line)
                    self.flush()
            else:
                if tag in _BLOCKS:
                    self.flush()
                    stack.append((node, True))
                children = list(node.iter(include_text=True))
                stack.extend((child, False) for child in reversed(children))
        self.flush()

    def flush(self) -> None:
        if not self.parts:
            return
        text = _SPACES.sub(" ", _CJK_BREAK.sub("", "".join(self.parts))).strip()
        self.parts = []
        if text:
            self.paragraphs += 1
            self.blocks.append(Paragraph(text, where=f"第{self.paragraphs}段"))


def _is_layout(table: Any) -> bool:
    nested = len(table.css("table")) > 1  # css() counts the table itself
    return nested or len(table.css("td, th")) <= 1


def _cell_text(cell: Any) -> str:
    flow = _Flow()
    flow.walk(cell)
    lines = [b.text for b in flow.blocks if isinstance(b, Paragraph)]
    return "\n".join(lines)


def _span(cell: Any, name: str) -> int:
    try:
        return min(max(1, int(str(cell.attributes.get(name) or "1").strip())), _MAX_SPAN)
    except ValueError:
        return 1


def _table_rows(table: Any) -> tuple[tuple[tuple[str, ...], ...], int]:
    grid: dict[tuple[int, int], str] = {}
    header_rows = 0
    trs = table.css("tr")
    for r, tr in enumerate(trs):
        cells = [child for child in tr.iter() if child.tag in ("td", "th")]
        if cells and r == header_rows and all(c.tag == "th" for c in cells):
            header_rows += 1
        c = 0
        for cell in cells:
            while (r, c) in grid:
                c += 1
            rowspan = min(_span(cell, "rowspan"), len(trs) - r)
            colspan = _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = _cell_text(cell)
            c += colspan
    height = len(trs)
    width = max((col + 1 for (_, col) in grid), default=0)
    rows = tuple(tuple(grid.get((r, c), "") for c in range(width)) for r in range(height))
    return rows, header_rows
