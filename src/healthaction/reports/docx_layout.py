"""GB/T 9704 page layout in WordprocessingML: page, text grid, fonts with w:eastAsia, fields, borders.

python-docx covers page size and margins; the rest (docGrid, East Asian fonts, PAGE
fields, repeated header rows, paragraph borders) is a few elements set here by hand.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION_START
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# GB/T 9704-2012 §5.2: A4, top margin 37 mm, left 28 mm, text block 156 mm × 225 mm,
# 22 lines of 28 characters in 3号 (16 pt).
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
TOP_MM, LEFT_MM = 37, 28
BLOCK_WIDTH_MM, BLOCK_HEIGHT_MM = 156, 225
LINES, CHARS = 22, 28
BODY_PT = 16  # 3号
TWIPS_PER_MM = 1440 / 25.4
# Lines: a line grid (w:docGrid type="lines") of 22 lines, its pitch in twips rounded down.
# Characters: 28 a line come from condensing each 16 pt character by a quarter point
# (w:spacing −5 twentieths: 28 × 15.75 pt ≤ 156 mm). A character grid (type="linesAndChars")
# would say the same to Word, but LibreOffice gives every 16 pt character two cells of a
# 15.79 pt grid and sets 14 characters a line, so the spacing is written out instead.
LINE_PITCH = int(BLOCK_HEIGHT_MM * TWIPS_PER_MM / LINES)
CHAR_PITCH_PT = BLOCK_WIDTH_MM / 25.4 * 72 / CHARS
CHAR_SPACING = -(int((BODY_PT - CHAR_PITCH_PT) * 20) + 1)  # twentieths of a point


def set_page(section: Any) -> None:
    """A4 with the GB/T 9704 margins and the 22 × 28 text grid."""
    s = section
    s.start_type = WD_SECTION_START.NEW_PAGE
    s.page_width, s.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    s.top_margin, s.left_margin = Mm(TOP_MM), Mm(LEFT_MM)
    s.right_margin = Mm(PAGE_WIDTH_MM - LEFT_MM - BLOCK_WIDTH_MM)
    s.bottom_margin = Mm(PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM)
    # The page number sits 7 mm below the text block (§7.5); 4号 is about 5 mm high.
    s.footer_distance = Mm(PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM - 7 - 5)
    s.header_distance = Mm(15)
    sect_pr = s._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def set_fonts(r_pr_owner: Any, east_asia: str, latin: str = "Times New Roman") -> None:
    """Fonts of a style or run, with w:eastAsia so Word uses the Chinese font for Chinese text."""
    set_fonts_in(r_pr_owner.get_or_add_rPr(), east_asia, latin)


def set_fonts_in(r_pr: Any, east_asia: str, latin: str = "Times New Roman") -> None:
    fonts = r_pr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


# The order of w:pPr children that WordprocessingML requires (Word refuses others).
_P_PR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)  # fmt: skip


def _put(p_pr: Any, element: Any) -> None:
    """Insert ``element`` into a w:pPr at its schema position, replacing one of the same name."""
    name = element.tag
    old = p_pr.find(name)
    if old is not None:
        p_pr.remove(old)
    local = name.split("}")[1]
    later = _P_PR_ORDER[_P_PR_ORDER.index(local) + 1 :]
    p_pr.insert_element_before(element, *(f"w:{t}" for t in later))


# The w:rPr children that must follow w:spacing.
_AFTER_SPACING = (
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
    "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
)  # fmt: skip


def condensed(r_pr_owner: Any, twentieths: int) -> None:
    """Character spacing (w:spacing in a run's properties), negative to condense."""
    r_pr = r_pr_owner.get_or_add_rPr()
    spacing = r_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        r_pr.insert_element_before(spacing, *(f"w:{t}" for t in _AFTER_SPACING))
    spacing.set(qn("w:val"), str(twentieths))


def first_line_chars(paragraph_format_owner: Any, chars: int, size_pt: float = BODY_PT) -> None:
    """First-line indent in characters (w:firstLineChars) with the twips beside it for other readers."""
    p_pr = paragraph_format_owner.get_or_add_pPr()
    ind = p_pr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(chars * size_pt * 20)))


def outline_level(p_pr_owner: Any, level: int) -> None:
    p_pr = p_pr_owner.get_or_add_pPr()
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    _put(p_pr, element)


def no_grid_snap(p_pr_owner: Any) -> None:
    """Lines of tables and pictures keep their own height instead of the text grid's."""
    p_pr = p_pr_owner.get_or_add_pPr()
    element = OxmlElement("w:snapToGrid")
    element.set(qn("w:val"), "0")
    _put(p_pr, element)


def page_field(paragraph: Any) -> None:
    """ "— PAGE —": the page number between two 一字线 (GB/T 9704 §7.5)."""
    p = paragraph
    p.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = p.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    p.add_run(" —")


def repeat_header(row: Any) -> None:
    """The row repeats at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)


def keep_row_whole(row: Any) -> None:
    """A table row is never split across pages (w:cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def at_page_foot(paragraph: Any, width_mm: float) -> None:
    """The paragraph in a frame at the foot of the text block (w:framePr): consecutive paragraphs with
    the same frame form one, so the 版记 sits at the bottom of its page whatever stands above it."""
    frame = OxmlElement("w:framePr")
    frame.set(qn("w:w"), str(round(width_mm * TWIPS_PER_MM)))
    frame.set(qn("w:wrap"), "around")
    frame.set(qn("w:vAnchor"), "margin")
    frame.set(qn("w:hAnchor"), "margin")
    frame.set(qn("w:xAlign"), "center")
    frame.set(qn("w:yAlign"), "bottom")
    _put(paragraph._p.get_or_add_pPr(), frame)


def borders(paragraph: Any, *, top: float | None, bottom: float | None) -> None:
    """Rules above and below a paragraph (版记 lines), widths in mm."""
    p_pr = paragraph._p.get_or_add_pPr()
    box = OxmlElement("w:pBdr")
    for side, width in (("top", top), ("bottom", bottom)):
        if width is None:
            continue
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(round(width / 25.4 * 72 * 8)))  # eighths of a point
        line.set(qn("w:space"), "1")
        line.set(qn("w:color"), "000000")
        box.append(line)
    _put(p_pr, box)


def font_size(style: Any, points: float) -> None:
    style.font.size = Pt(points)
