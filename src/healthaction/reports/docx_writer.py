"""A Draft as a .docx laid out as an official document (GB/T 9704-2012).

Styles are defined once, in ``_define_styles``; every paragraph below only names its style.
Title 2号 方正小标宋简体; body 3号 仿宋_GB2312; headings 黑体 (一、), 楷体_GB2312 (（一）),
仿宋_GB2312 bold (1.); page numbers "— 1 —" in 4号宋体, right on odd pages, left on even.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from healthaction.evaluation_io.output import plain_number
from healthaction.reports import docx_layout as layout
from healthaction.reports.draft import Cell, Column, Draft, Figure, Heading, Paragraph, Table

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}
PAGE_NUMBER_FONT = "宋体"
TITLE_PT, BODY_PT, PAGE_NUMBER_PT, TABLE_PT, RECORD_PT = 22, 16, 14, 10.5, 14  # 2号 3号 4号 5号 4号
LINE = Pt(layout.LINE_PITCH / 20)

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
}


def write_docx(draft: Draft, path: Path) -> None:
    document = Document()
    _define_styles(document)
    section = document.sections[0]
    layout.set_page(section)
    _page_numbers(document, section)
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
    _signature(document, draft)
    _record(document, draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    document.save(str(tmp))
    tmp.replace(path)


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
    record.paragraph_format.left_indent = record.paragraph_format.right_indent = Pt(RECORD_PT)
    record.paragraph_format.tab_stops.add_tab_stop(
        Mm(layout.BLOCK_WIDTH_MM) - Pt(2 * RECORD_PT), WD_TAB_ALIGNMENT.RIGHT
    )
    layout.first_line_chars(record.element, 0)
    page = paragraph_style("page", PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    page.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.first_line_chars(page.element, 0)
    layout.no_grid_snap(page.element)


def _page_numbers(document: Any, section: Any) -> None:
    """Odd pages: right, one character in from the edge; even pages: left (§7.5)."""
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


def column_widths(block: Table) -> list[Any]:
    """Each column as wide as its longest text (headers may wrap onto two lines), plus padding;
    when that is wider than the text block, the widest columns give way first (never under 5)."""
    padding, budget = 1.2, layout.BLOCK_WIDTH_MM / 25.4 * 72 / TABLE_PT
    widths = []
    for index, column in enumerate(block.columns):
        longest = max((_width_in_chars(cell_text(row[index], column)) for row in block.rows), default=0)
        widths.append(max(longest, _width_in_chars(column.header) / 2, 2) + padding)
    while sum(widths) > budget and max(widths) > 5:
        widest = widths.index(max(widths))
        widths[widest] = max(5, widths[widest] - 0.5)
    total = sum(widths)
    return [Mm(layout.BLOCK_WIDTH_MM * w / total) for w in widths]


def _table(document: Any, block: Table) -> None:
    add(document, block.caption, "caption")
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    layout.repeat_header(header)
    table.autofit = False
    widths = column_widths(block)
    for grid_column, width in zip(table.columns, widths, strict=True):
        grid_column.width = width  # w:gridCol, which LibreOffice reads
    table_style = _style_id("table")
    for cell, column in zip(header.cells, block.columns, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = table_style
        paragraph.add_run(column.header).bold = True
    for cell, width in zip(header.cells, widths, strict=True):
        cell.width = width
    for values in block.rows:
        cells = table.add_row().cells
        for cell, column, value in zip(cells, block.columns, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = table_style
            paragraph.add_run(cell_text(value, column))
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width


def _figure(document: Any, block: Figure) -> None:
    paragraph = add(document, "", "figure")
    width = Mm(min(block.width_mm, layout.BLOCK_WIDTH_MM))
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=width)
    add(document, block.caption, "caption")


def _width_in_chars(text: str) -> float:
    return sum(0.6 if ord(c) < 0x2E80 else 1 for c in text)


def _signature(document: Any, draft: Draft) -> None:
    """署名 two characters in from the right; the date under it, starting two characters further right."""
    add(document, "", "body")
    signature = add(document, draft.signature, "signature")
    signature.paragraph_format.right_indent = Pt(2 * BODY_PT)
    date = add(document, draft.date, "signature")
    shift = _width_in_chars(draft.signature) - 2 - _width_in_chars(draft.date)
    date.paragraph_format.right_indent = Pt(max(2.0, 2 + shift) * BODY_PT)


def _record(document: Any, draft: Draft) -> None:
    """版记: 抄送 and 印发机关 with the printing date, between rules (thick outside, thin inside)."""
    add(document, "", "body")
    lines = []
    if draft.copy_to:
        lines.append(f"抄送：{'，'.join(draft.copy_to)}。")
    lines.append(f"{draft.issuer}\t{draft.date}印发")
    for index, text in enumerate(lines):
        paragraph = add(document, text, "record")
        top = 0.35 if index == 0 else 0.25
        bottom = 0.35 if index == len(lines) - 1 else None
        layout.borders(paragraph, top=top, bottom=bottom)
