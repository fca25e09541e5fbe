"""GB/T 9704 layout of the generated .docx, read back with python-docx and its XML."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from healthaction.reports.tests.conftest import Built

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _fonts(style: object) -> dict[str, str]:
    fonts = style.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return {key.removeprefix(W): value for key, value in fonts.attrib.items()}


def test_the_page_is_a4_with_the_official_margins_and_text_block(built: Built) -> None:
    section = Document(str(built.folder / "overall.docx")).sections[0]
    mm = 36000  # EMU per mm
    assert round(section.page_width / mm) == 210
    assert round(section.page_height / mm) == 297
    assert round(section.top_margin / mm) == 37
    assert round(section.left_margin / mm) == 28
    assert round((section.page_width - section.left_margin - section.right_margin) / mm) == 156
    assert round((section.page_height - section.top_margin - section.bottom_margin) / mm) == 225
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert 22 * int(grid.get(qn("w:linePitch"))) <= Mm(225).twips < 23 * int(grid.get(qn("w:linePitch")))


def test_28_characters_of_the_body_font_fit_a_line(built: Built) -> None:
    normal = Document(str(built.folder / "overall.docx")).styles["Normal"]
    spacing = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20  # points
    advance = normal.font.size.pt + spacing
    assert normal.font.size.pt == 16  # 3号
    assert 28 * advance <= Mm(156).pt < 29 * advance


def test_every_style_names_its_chinese_font_as_the_east_asian_font(built: Built) -> None:
    document = Document(str(built.folder / "overall.docx"))
    expected = {
        "Normal": ("仿宋_GB2312", 16, False),
        "公文标题": ("方正小标宋简体", 22, False),
        "公文一级标题": ("黑体", 16, False),
        "公文二级标题": ("楷体_GB2312", 16, False),
        "公文三级标题": ("仿宋_GB2312", 16, True),
        "公文页码": ("宋体", 14, False),
    }
    for name, (font, size, bold) in expected.items():
        style = document.styles[name]
        assert _fonts(style)["eastAsia"] == font, name
        assert "eastAsiaTheme" not in _fonts(style), name
        assert style.font.size.pt == size, name
        assert bool(style.font.bold) is bold, name
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_the_title_comes_first_and_headings_use_their_levels(built: Built) -> None:
    document = Document(str(built.folder / "action.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs[0] == ("公文标题", "平川区2022年健康知识普及行动\n实施进展专题报告")
    levels = {name: [t for n, t in paragraphs if n == name] for name in ("公文一级标题", "公文三级标题")}
    assert levels["公文一级标题"][0] == "一、总体进展"
    assert levels["公文三级标题"][0].startswith("1.")
    overall = Document(str(built.folder / "overall.docx"))
    assert any(p.style.name == "公文二级标题" and p.text.startswith("（一）") for p in overall.paragraphs)


def test_page_numbers_are_dashed_fields_right_on_odd_pages_and_left_on_even(built: Built) -> None:
    document = Document(str(built.folder / "overall.docx"))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph.text.startswith("— ")
        assert paragraph.text.endswith(" —")
        assert paragraph.alignment is not None
        assert side in str(paragraph.alignment).lower()
        assert 'w:fldCharType="begin"' in xml
        assert paragraph.style.name == "公文页码"


def test_tables_repeat_their_header_row_and_hold_the_engine_values(built: Built) -> None:
    document = Document(str(built.folder / "action.docx"))
    table = document.tables[-1]
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "指标", "单位"]
    action = built.data["action"].action
    assert action is not None
    assert [row.cells[1].text for row in table.rows[1:]] == [r.indicator for r in action.indicators]
    status = [c.text for c in table.rows[0].cells].index("状态")
    assert [row.cells[status].text for row in table.rows[1:]] == [r.label for r in action.indicators]


def test_it_ends_with_the_signature_date_and_issuing_record(built: Built) -> None:
    document = Document(str(built.folder / "assessment.docx"))
    texts = [(p.style.name, p.text.strip()) for p in document.paragraphs if p.text]
    signature = texts.index(("公文署名", "健康平川行动推进委员会办公室"))
    assert texts[signature + 1] == ("公文署名", "2023年1月10日")
    # 附件 (if any) stand between the 成文日期 and the 版记, which ends the document.
    assert texts[-1] == ("公文版记", "健康平川行动推进委员会办公室\t2023年1月10日印发")
    record = document.paragraphs[-1]._p.pPr.find(qn("w:pBdr"))
    assert record.find(qn("w:top")) is not None
    assert record.find(qn("w:bottom")) is not None
    assert texts[1][0] == "公文主送机关"
    assert texts[1][1].startswith("各县（区）")
