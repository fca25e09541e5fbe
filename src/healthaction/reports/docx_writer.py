"""A Draft as a .docx laid out as an official document (GB/T 9704-2012).

Styles are defined once, in ``_define_styles``; every paragraph below only names its style.
Title 2号 方正小标宋简体; body 3号 仿宋_GB2312; headings 黑体 (一、), 楷体_GB2312 (（一）),
仿宋_GB2312 bold (1.); page numbers "— 1 —" in 4号宋体, right on odd pages, left on even.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from healthaction.evaluation_io.output import plain_number
from healthaction.reports import docx_layout as layout
from healthaction.reports.draft import Annex, Cell, Column, Draft, Figure, Heading, Paragraph, Table

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}
PAGE_NUMBER_FONT = "宋体"
TITLE_PT, BODY_PT, PAGE_NUMBER_PT, TABLE_PT, RECORD_PT = 22, 16, 14, 10.5, 14  # 2号 3号 4号 5号 4号
LINE = Pt(layout.LINE_PITCH / 20)
KEEP_ROWS = 3

STYLES = {
    "title": "公文标题",
    "body": "Normal",
    1: "公文一级标题",
    2: "公文二级标题",
    3: "公文三级标题",
    "addressee": "公文主送机关",
    "caption": "公文表题",
    "table": "公文表格文字",
    "figure": "公文图片",
    "signature": "公文署名",
    "record": "公文版记",
    "page": "公文页码",
    "annex": "公文附件标识",
    "annex_title": "公文附件标题",
    "note": "公文表注",
    "demo": "公文演示标记",
}


def write_docx(draft: Draft, path: Path, *, record_on_next_page: bool = False) -> None:
    """The .docx; ``record_on_next_page`` sets the 版记 on a page of its own (the PDF asks for it when
    the text ends on an odd page, so that the 版记 stands on an even one)."""
    document = Document()
    _define_styles(document)
    section = document.sections[0]
    layout.set_page(section)
    _page_numbers(document, section, demo=draft.demo)
    _properties(document, draft)
    title = add(document, "", "title")
    for index, line in enumerate(title_lines(draft.title)):
        if index:
            title.runs[-1].add_break()
        title.add_run(line)
    if draft.addressee:
        add(document, draft.addressee, "addressee")
    for block in draft.blocks:
        if isinstance(block, Heading):
            add(document, block.text, min(block.level, 3))
        elif isinstance(block, Paragraph):
            add(document, block.text, "body")
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Figure):
            _figure(document, block)
    _annex_note(document, draft)
    _signature(document, draft)
    for index, annex in enumerate(draft.annexes, 1):
        _annex(document, annex, index if len(draft.annexes) > 1 else None)
    _record(document, draft, on_next_page=record_on_next_page)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    document.save(str(tmp))
    tmp.replace(path)


def _properties(document: Any, draft: Draft) -> None:
    """The file's core properties: its title, the office as author, the 成文日期 as created."""
    properties = document.core_properties
    properties.title = draft.title
    properties.author = properties.last_modified_by = draft.author or draft.issuer
    properties.subject = properties.keywords = properties.comments = ""
    properties.category = "演示数据" if draft.demo else ""
    properties.revision = 1
    if draft.issued is not None:
        moment = dt.datetime.combine(draft.issued, dt.time(9, 0))
        properties.created = properties.modified = moment


# Where a long title breaks: before the name of the document's kind (GB/T 9704 §7.3.1 asks
# for a break that keeps words whole); a 2号 line holds 20 characters of the text block.
TITLE_TAILS = ("总体监测评估报告", "实施进展专题报告", "考核结果的通报")
TITLE_CHARS = int(layout.BLOCK_WIDTH_MM / 25.4 * 72 / TITLE_PT)


def title_lines(title: str) -> list[str]:
    if _width_in_chars(title) <= TITLE_CHARS:
        return [title]
    for tail in TITLE_TAILS:
        head = title.removesuffix(tail)
        if head != title and _width_in_chars(head) <= TITLE_CHARS:
            return [head, tail]
    return [title]


def _style_id(key: str | int) -> str:
    """The w:styleId python-docx gives a style it adds: the name without spaces."""
    return "Normal" if key == "body" else STYLES[key].replace(" ", "")


def add(container: Any, text: str, key: str | int) -> Any:
    """A paragraph in a style named by its key; the style id is set directly (a lookup by name is slow)."""
    paragraph = container.add_paragraph(text)
    paragraph._p.style = _style_id(key)
    return paragraph


def _define_styles(document: Any) -> None:
    styles = document.styles
    # Defaults for every run, tables included: 仿宋_GB2312, Chinese as the East Asian language.
    r_pr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    layout.set_fonts_in(r_pr, BODY_FONT)
    # The character grid is measured in the default font size (Word: Normal; LibreOffice: the defaults).
    for size in ("w:sz", "w:szCs"):
        r_pr.find(qn(size)).set(qn("w:val"), str(BODY_PT * 2))
    language = r_pr.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    layout.set_fonts(normal.element, BODY_FONT)
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr()
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.widow_control = True
    layout.first_line_chars(normal.element, 2)
    layout.condensed(normal.element, layout.CHAR_SPACING)  # 28 characters a line

    def paragraph_style(key: str | int, font: str, size: float, *, bold: bool = False) -> Any:
        style = styles.add_style(STYLES[key], 1)  # WD_STYLE_TYPE.PARAGRAPH
        style.base_style = normal
        style.quick_style = True
        layout.set_fonts(style.element, font)
        style.font.size = Pt(size)
        style.font.bold = bold
        return style

    title = paragraph_style("title", TITLE_FONT, TITLE_PT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(35)
    title.paragraph_format.space_after = LINE  # one blank line under the title (§7.3.1)
    layout.first_line_chars(title.element, 0)
    for level in (1, 2, 3):
        heading = paragraph_style(level, HEADING_FONTS[level], BODY_PT, bold=level == 3)
        heading.paragraph_format.keep_with_next = True
        layout.outline_level(heading.element, level - 1)
    addressee = paragraph_style("addressee", BODY_FONT, BODY_PT)
    layout.first_line_chars(addressee.element, 0)
    caption = paragraph_style("caption", "黑体", RECORD_PT)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    layout.first_line_chars(caption.element, 0)
    table = paragraph_style("table", BODY_FONT, TABLE_PT)
    table.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_chars(table.element, 0)
    layout.no_grid_snap(table.element)
    figure = paragraph_style("figure", BODY_FONT, BODY_PT)
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    figure.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    figure.paragraph_format.keep_with_next = True
    layout.first_line_chars(figure.element, 0)
    layout.no_grid_snap(figure.element)
    signature = paragraph_style("signature", BODY_FONT, BODY_PT)
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    layout.first_line_chars(signature.element, 0)
    record = paragraph_style("record", BODY_FONT, RECORD_PT)
    record.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    record.paragraph_format.space_before = record.paragraph_format.space_after = Pt(3)
    record.paragraph_format.tab_stops.add_tab_stop(
        Mm(layout.BLOCK_WIDTH_MM) - Pt(RECORD_PT), WD_TAB_ALIGNMENT.RIGHT
    )
    layout.first_line_chars(record.element, 0)
    annex = paragraph_style("annex", "黑体", BODY_PT)  # 附件1: 3号黑体, top left (§7.4.1)
    layout.first_line_chars(annex.element, 0)
    annex_title = paragraph_style("annex_title", TITLE_FONT, TITLE_PT)
    annex_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    annex_title.paragraph_format.line_spacing = Pt(35)
    annex_title.paragraph_format.space_after = Pt(12)
    annex_title.paragraph_format.keep_with_next = True
    layout.first_line_chars(annex_title.element, 0)
    note = paragraph_style("note", BODY_FONT, TABLE_PT)
    note.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    note.paragraph_format.space_before = Pt(4)
    layout.first_line_chars(note.element, 0)
    layout.no_grid_snap(note.element)
    demo = paragraph_style("demo", "黑体", TABLE_PT)
    demo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    demo.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_chars(demo.element, 0)
    layout.no_grid_snap(demo.element)
    page = paragraph_style("page", PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    layout.set_fonts(page.element, PAGE_NUMBER_FONT, latin=PAGE_NUMBER_FONT)  # the digits in 宋体 too (§7.5)
    page.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_chars(page.element, 0)
    layout.no_grid_snap(page.element)


def _page_numbers(document: Any, section: Any, *, demo: bool) -> None:
    """Odd pages: right, one character in from the edge; even pages: left (§7.5). 演示数据 in the header
    of every page when the report was built from demo data."""
    document.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    for paragraph, side in ((odd, WD_ALIGN_PARAGRAPH.RIGHT), (even, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph._p.style = _style_id("page")
        paragraph.alignment = side
        if side == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        layout.page_field(paragraph)
    if demo:
        for header in (section.header, section.even_page_header):
            mark = header.paragraphs[0]
            mark._p.style = _style_id("demo")
            mark.add_run("演示数据　不作正式文件使用")


def cell_text(value: Cell, column: Column) -> str:
    """A table cell as text, numbers per the column's format (0.00 keeps two places)."""
    if value is None:
        return ""
    if isinstance(value, float):
        places = (
            column.number_format.split(".")[1] if column.number_format and "." in column.number_format else ""
        )
        if places and set(places) == {"0"}:
            return f"{value:.{len(places)}f}"
        return plain_number(value, max(len(places), 1) if places else 6)
    return str(value)


def column_widths(block: Table, width_mm: float = layout.BLOCK_WIDTH_MM) -> list[Any]:
    """Widths by content: numbers and short words never wrap (their header may, onto three lines);
    long text (an indicator's name) shares what is left in proportion to its length, never under six
    characters. A table narrower than the text block keeps its natural width."""
    padding, budget = 1.3, width_mm / 25.4 * 72 / TABLE_PT  # cell margins take about a character
    fixed: dict[int, float] = {}
    narrow: dict[int, float] = {}  # the same with headers on three lines, when two do not fit
    wanted: dict[int, float] = {}
    for index, column in enumerate(block.columns):
        values = [row[index] for row in block.rows]
        longest = max((_width_in_chars(cell_text(v, column)) for v in values), default=0)
        header = _width_in_chars(column.header)
        short = all(v is None or isinstance(v, int | float) for v in values) or longest <= 8
        if short:
            fixed[index] = max(longest, math.ceil(header / 2), 2) + padding
            narrow[index] = max(longest, math.ceil(header / 3), 2) + padding
        else:
            wanted[index] = max(longest, header / 2) + padding
    if sum(fixed.values()) + 6 * len(wanted) > budget:
        fixed = narrow
    room = budget - sum(fixed.values())
    if wanted and sum(wanted.values()) > room:
        scale = max(room, 0) / sum(wanted.values())
        wanted = {i: max(6 + padding, w * scale) for i, w in wanted.items()}
    widths = [fixed.get(i, wanted.get(i, 2.0)) for i in range(len(block.columns))]
    total = sum(widths)
    used = min(width_mm, total * TABLE_PT * 25.4 / 72)
    return [Mm(used * w / total) for w in widths]


def _table(
    document: Any, block: Table, *, caption: bool = True, width_mm: float = layout.BLOCK_WIDTH_MM
) -> None:
    if caption:
        add(document, block.caption, "caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    layout.repeat_header(header)
    table.autofit = False
    widths = column_widths(block, width_mm)
    for grid_column, width in zip(table.columns, widths, strict=True):
        grid_column.width = width  # w:gridCol, which LibreOffice reads
    table_style = _style_id("table")
    for cell, column in zip(header.cells, block.columns, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = table_style
        paragraph.add_run(column.header).bold = True
    for cell, width in zip(header.cells, widths, strict=True):
        cell.width = width
    # The caption and header row stay with the first rows (LibreOffice drops a longer keep chain).
    for cell in header.cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    for number, values in enumerate(block.rows, 1):
        row = table.add_row()
        layout.keep_row_whole(row)
        cells = row.cells
        for cell, column, value in zip(cells, block.columns, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = table_style
            paragraph.add_run(cell_text(value, column))
            if number < min(len(block.rows), KEEP_ROWS):
                paragraph.paragraph_format.keep_with_next = True
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width


def _figure(document: Any, block: Figure) -> None:
    paragraph = add(document, "", "figure")
    width = Mm(min(block.width_mm, layout.BLOCK_WIDTH_MM))
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=width)
    add(document, block.caption, "caption")


def _width_in_chars(text: str, digit: float = 0.6) -> float:
    """Latin letters and digits about 0.6 of a Chinese character; symbols (●, ×, ‰, —) a whole one."""
    return sum(digit if ord(c) < 0x2000 else 1 for c in text)


# The body's character pitch: 16 pt less the quarter point of condensing (28 a line).
PITCH_PT = BODY_PT + layout.CHAR_SPACING / 20


def _keep_last_with_next(document: Any) -> None:
    """The body's last paragraph moves with what follows, so no page holds only the 署名 (此页无正文)."""
    paragraphs = document.paragraphs
    if paragraphs:
        paragraphs[-1].paragraph_format.keep_with_next = True


def _annex_note(document: Any, draft: Draft) -> None:
    """附件说明: a blank line under the body, then 附件：1.… two characters in, later items under it."""
    lines = draft.annex_note
    if not lines:
        return
    _keep_last_with_next(document)
    blank = add(document, "", "body")
    blank.paragraph_format.keep_with_next = True
    for index, text in enumerate(lines):
        paragraph = add(document, text, "body")
        paragraph.paragraph_format.keep_with_next = True
        layout.first_line_chars(paragraph._p, 0)
        # "附件：" is three characters: later items line up with the first item's number.
        paragraph.paragraph_format.left_indent = Pt((2 if index == 0 else 5) * PITCH_PT)


def _signature(document: Any, draft: Draft) -> None:
    """署名 two characters in from the right; the 成文日期 under it, its first character two characters
    right of the 署名's first (§7.3.5.2); when the date is the longer, it keeps two characters from the
    right and the 署名 moves left. Both set by their left edge, so only the 署名's width is estimated."""
    _keep_last_with_next(document)
    blank = add(document, "", "body")
    blank.paragraph_format.keep_with_next = True
    line = layout.CHARS
    signature_chars = _width_in_chars(draft.signature)
    date_chars = _width_in_chars(draft.date, digit=0.5)
    date_start = max(line - 2 - signature_chars + 2, 0)
    if date_start + date_chars > line - 2:
        date_start = line - 2 - date_chars
    signature_start = date_start - 2
    for text, start in ((draft.signature, signature_start), (draft.date, date_start)):
        paragraph = add(document, text, "signature")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.left_indent = Pt(max(start, 0) * PITCH_PT)
        paragraph.paragraph_format.keep_with_next = text == draft.signature


def _landscape(document: Any) -> Any:
    """A new section on landscape A4: the text block turned (225 × 156 mm), page numbers as before."""
    section = document.add_section(WD_SECTION_START.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(layout.PAGE_HEIGHT_MM), Mm(layout.PAGE_WIDTH_MM)
    section.top_margin = Mm(layout.LEFT_MM)
    section.bottom_margin = Mm(layout.PAGE_WIDTH_MM - layout.LEFT_MM - layout.BLOCK_WIDTH_MM)
    section.left_margin = Mm(layout.TOP_MM)
    section.right_margin = Mm(layout.PAGE_HEIGHT_MM - layout.TOP_MM - layout.BLOCK_HEIGHT_MM)
    section.footer_distance = Mm(10)
    return section


def _portrait(document: Any) -> Any:
    section = document.add_section(WD_SECTION_START.NEW_PAGE)
    layout.set_page(section)
    section.orientation = WD_ORIENT.PORTRAIT
    return section


def _annex(document: Any, annex: Annex, number: int | None) -> None:
    """附件: on a new page (a landscape section when wide), 附件N top left, its title, the table, a note."""
    landscape = document.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    if annex.landscape and not landscape:
        _landscape(document)
    elif not annex.landscape and landscape:
        _portrait(document)
    else:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.paragraphs[-1]._p.style = _style_id("table")
    add(document, f"附件{number or ''}", "annex")
    add(document, annex.title, "annex_title")
    if annex.note:  # the legend above the table: under it, it could be left alone on a page
        add(document, annex.note, "note").paragraph_format.keep_with_next = True
    width = layout.BLOCK_HEIGHT_MM if annex.landscape else layout.BLOCK_WIDTH_MM
    _table(document, annex.table, caption=False, width_mm=width)


def _record(document: Any, draft: Draft, *, on_next_page: bool = False) -> None:
    """版记 (§7.5): 抄送 and 印发机关 with the 印发日期 between rules as wide as the text block (156 mm;
    thick outside, thin inside), in a frame at the foot of the page; the text one character in."""
    if document.sections[-1].orientation == WD_ORIENT.LANDSCAPE:
        _portrait(document)
    if on_next_page:
        add(document, "", "table").add_run().add_break(WD_BREAK.PAGE)
    lines = []
    if draft.copy_to:
        lines.append(f"\u3000抄送：{'，'.join(draft.copy_to)}。")
    lines.append(f"\u3000{draft.issuer}\t{draft.date}印发")
    for index, text in enumerate(lines):
        paragraph = add(document, text, "record")
        top = 0.35 if index == 0 else 0.25
        bottom = 0.35 if index == len(lines) - 1 else None
        layout.borders(paragraph, top=top, bottom=bottom)
        layout.at_page_foot(paragraph, layout.BLOCK_WIDTH_MM)
