"""Clean-up shared by every extractor, applied once to the block stream.

Text arrives from Word, PDF and web pages with the marks of the way it travelled;
this module takes them away once, here, so that no extractor has to know them:

- HTML remnants (``<p>``), zero-width characters and Word bookmarks
  (``[bookmark: _GoBack]``) are removed;
- a no-break space (U+00A0, ``&nbsp;``) is an ordinary blank ("主  任"); full-width
  spaces (U+3000) stay, extractors treat them as blanks;
- flattened ruby: the pinyin a web page printed after a character goes
  ("專(zhuān)項" → "專項");
- spaced-out headings ("(一) 健 康 知 识 普 及 行 动") lose their letter spacing;
- a journal's page furniture between two pages of a reprint ("Page 9 - 中国药房…",
  "P. 9", the running head "2023 年 3 月 第 1 期 … 5") is dropped;
- hard line breaks inside a sentence are joined with nothing in between
  ("国家卫生健" + "康委" → 国家卫生健康委): a line joins the next when it is as wide
  as the wrapped lines around it, or leaves a bracket open, and ends with no
  sentence mark;
- an HTML table flattened to one cell per line, each line ending in ``|`` and each
  row closed by a line of bars only, becomes a Table again (rows as written; a row
  whose cells were merged or empty has fewer cells, which the table readers align).

Every change is to blanks, line breaks or furniture: the words and punctuation of
the text as written are kept, so ``text`` fields and messages quote the document.
"""

from __future__ import annotations

import re
from collections import Counter

from healthaction.ingest.blocks import Block, Paragraph, Table

_REMNANTS = re.compile(r"</?p\s*/?>|\[bookmark:[^\]]*\]|[\u200b\u200c\u200d\ufeff]", re.IGNORECASE)
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# Pinyin in brackets right after a character: "專(zhuān)項" — with a tone mark, or letters only
# between two characters.
_RUBY = re.compile(
    rf"(?<=[{_CJK}])[(（](?:[a-z{_TONES}]*[{_TONES}][a-z{_TONES}]*|[a-z]{{2,6}}(?=[)）][{_CJK}]))[)）]"
)
# Four or more single characters separated by one or two blanks: a heading spaced out for display.
_SPACED = re.compile(rf"(?<![^\s(（)）])[{_CJK}](?:[ \u3000]{{1,2}}[{_CJK}]){{3,}}(?![^\s。.;；,，:：)）])")
_JOURNAL_FURNITURE = re.compile(
    r"^(?:page\s*\d+\s*[-—–]\s*.*|p\.\s*\d+"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*第\s*\d+\s*期\s+.*\S\s+\d{1,4})$",
    re.IGNORECASE,
)
_TERMINAL = tuple("。！？；：:;!?」』")
_NUMBERED_START = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节条部分]|[①-⑳•·]|附件)"
)
_LABEL_START = re.compile(rf"^\s*[{_CJK}]{{1,8}}\s*[:：]")
_HEADING_END = re.compile(r"(?:通知|意见|方案|要点|办法|规划|清单|纲要|计划|决定|名单)$")
# A line standing on its own: a 文号 or a date.
_STANDALONE = re.compile(
    r"^\S{1,14}[〔\[［【(（]\s*(?:19|20)\d{2}|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
)
_WRAP_MIN = 24  # a line shorter than this was not wrapped by the page width
_BAR_ROW = re.compile(r"^\s*(?:\|\s*)+$")
_BAR_CELL = re.compile(r"^(?P<cell>.*?)\s*\|\s*$")
_MIN_BAR_LINES = 6


def clean_text(text: str) -> str:
    text = _REMNANTS.sub("", text).replace("\u00a0", " ")
    text = _RUBY.sub("", text)
    return text.strip()


def _despace(text: str) -> str:
    return _SPACED.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group()), text)


def normalize_blocks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = clean_text(block.text)
            if _JOURNAL_FURNITURE.match(text):
                continue
            out.append(Paragraph(_despace(text), block.where))
        else:
            rows = tuple(tuple(clean_text(cell) for cell in row) for row in block.rows)
            out.append(Table(rows, block.where, block.header_rows))
    return _split_run_in_headings(_join_wrapped_lines(_joined_pipe_tables(_bar_tables(out))))


# A document copied out of a .doc preview or a web page may arrive as one long line, its
# numbered parts run into the sentence before ("…实施方案。一、目标到2023年，…。二、…"). A
# Chinese-numeral item ("一、", "（一）") right after a sentence end starts a new line again,
# so the extractors see the headings they would see in the document itself.
_RUN_IN_MIN = 150
_RUN_IN = re.compile(
    r"(?<=[。.!！?？])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\s*\S)"
)


def _split_run_in_headings(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and len(block.text) >= _RUN_IN_MIN and _RUN_IN.search(block.text):
            out += [Paragraph(part, block.where) for part in _RUN_IN.split(block.text) if part.strip()]
        else:
            out.append(block)
    return out


_ONE_CELL_ROW = re.compile(r"^\s*\|(?P<cell>[^|]+)\|\s*$")


def _joined_pipe_tables(blocks: list[Block]) -> list[Block]:
    """ "| a | b | c |" rows with a "| heading |" or "| 说明：… |" row between them are one table:
    a row spanning the table holds one cell."""
    out: list[Block] = []
    rows: list[tuple[str, ...]] = []  # the rows of out[-1] while it is a pipe table taking spanning rows
    spanning = False  # its last row is such a one-cell row
    for block in blocks:
        prev = out[-1] if out else None
        one_cell = (
            _ONE_CELL_ROW.match(block.text) if isinstance(block, Paragraph) and "|" in block.text else None
        )
        if one_cell and isinstance(prev, Table):
            if not rows:
                rows = list(prev.rows)
            rows.append((one_cell.group("cell").strip(),))
            spanning = True
            continue
        if isinstance(block, Table) and isinstance(prev, Table) and spanning:
            rows.extend(block.rows)
            spanning = False
            continue
        if rows and isinstance(prev, Table):
            out[-1] = Table(tuple(rows), prev.where, prev.header_rows)
        rows, spanning = [], False
        out.append(block)
    if rows and isinstance(out[-1], Table):
        out[-1] = Table(tuple(rows), out[-1].where, out[-1].header_rows)
    return out


def _bar_tables(blocks: list[Block]) -> list[Block]:
    """Runs of "cell |" lines closed by "|||" lines, rebuilt as tables."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        end = i
        while end < len(blocks) and (
            _bar_line(blocks[end])
            or (end > i and end + 1 < len(blocks) and _BAR_ROW.match(_text(blocks[end + 1])))
        ):
            end += 1  # a line without its bar inside the run (a heading row spanning the table) belongs to it
        run = blocks[i:end]
        if len(run) >= _MIN_BAR_LINES and any(_BAR_ROW.match(_text(b)) for b in run):
            out.append(_bar_table(run))
            i = end
            continue
        out.append(blocks[i])
        i += 1
    return out


def _text(block: Block) -> str:
    return block.text if isinstance(block, Paragraph) else ""


def _bar_line(block: Block) -> bool:
    return isinstance(block, Paragraph) and block.text.rstrip().endswith("|")


def _bar_table(run: list[Block]) -> Table:
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    for block in run:
        text = _text(block)
        if _BAR_ROW.match(text):
            if cells:
                rows.append(tuple(cells))
            cells = []
            continue
        found = _BAR_CELL.match(text)
        cells.append(found.group("cell").strip() if found else text.strip())
    if cells:
        rows.append(tuple(cells))
    return Table(tuple(rows), run[0].where)


def _width(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


def _join_wrapped_lines(blocks: list[Block]) -> list[Block]:
    """Join the lines a page broke inside a sentence (see the module docstring)."""
    widths = Counter(
        _width(b.text) // 4 for b in blocks if isinstance(b, Paragraph) and _width(b.text) >= _WRAP_MIN
    )
    out: list[Block] = []
    last_line = ""  # the last physical line of out[-1]: a joined paragraph wraps at its width
    for index, block in enumerate(blocks):
        prev = out[-1] if out else None
        if (
            _blank(block)
            and isinstance(prev, Paragraph)
            and _wraps_over_blank(prev.text, last_line, blocks, index, widths)
        ):
            continue  # a page that puts a blank line after every line: the blank is no paragraph break
        if (
            isinstance(block, Paragraph)
            and isinstance(prev, Paragraph)
            and block.text
            and prev.text
            and _wraps(prev.text, last_line, block.text, widths)
        ):
            out[-1] = Paragraph(prev.text + block.text, prev.where)
            last_line = block.text
            continue
        out.append(block)
        last_line = block.text if isinstance(block, Paragraph) else ""
    return out


def _blank(block: Block) -> bool:
    return isinstance(block, Paragraph) and not block.text.strip()


def _wraps_over_blank(prev: str, line: str, blocks: list[Block], index: int, widths: Counter[int]) -> bool:
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if not isinstance(following, Paragraph) or not following.text.strip():
        return False
    if _open_bracket(prev):
        # The bracket closes on the next line ("(体育总" … "局牵头负责)"); a heading after a gap does not.
        return bool(re.search(r"[)）]", following.text)) and _wraps(prev, line, following.text, widths)
    # A page with a blank line after every line: a line as wide as the others runs on.
    return _spaced(blocks, index) and _wraps(prev, line, following.text, widths)


def _spaced(blocks: list[Block], index: int) -> bool:
    """The lines around ``index`` alternate with blank ones."""
    around = blocks[max(0, index - 8) : index + 9]
    blanks = sum(1 for b in around if _blank(b))
    return blanks * 5 >= len(around) * 2


def _open_bracket(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _wraps(prev: str, line: str, text: str, widths: Counter[int]) -> bool:
    if prev.endswith(_TERMINAL) or _NUMBERED_START.match(text) or _LABEL_START.match(text):
        return False
    if _HEADING_END.search(prev) or _STANDALONE.match(text):
        return False
    if _open_bracket(prev) and len(line) >= _WRAP_MIN // 2:
        return True
    width = _width(line)
    if width < _WRAP_MIN or prev.endswith(("）", ")", "”")):
        return False
    # Wrapped lines share one width: this line's width is the commonest among the long lines.
    common = sum(widths[width // 4 + d] for d in (-1, 0, 1))
    return common >= 3 and _width(text) <= width + 8
