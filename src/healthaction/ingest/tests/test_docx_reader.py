"""Word documents: paragraphs and real tables in order, merged cells, numbering, line breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.errors import IngestError
from healthaction.ingest.readers import read


def _framework_document() -> Any:
    document = docx.Document()
    document.add_paragraph("健康某某行动考核指标框架")
    table = document.add_table(rows=4, cols=4)
    for cell, text in zip(table.rows[0].cells, ("序号", "指标", "目标值", ""), strict=True):
        cell.text = text
    table.cell(0, 2).merge(table.cell(0, 3))  # 目标值 spans two columns
    table.cell(1, 2).text, table.cell(1, 3).text = "2022年", "2030年"
    table.cell(0, 0).merge(table.cell(1, 0))  # 序号 spans two rows
    table.cell(0, 1).merge(table.cell(1, 1))
    for r, values in (
        (2, ("1", "人均预期寿命（岁）", "74.6", "79")),
        (3, ("2", "婴儿死亡率（‰）", "≤7.5", "≤5")),
    ):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    document.add_paragraph("注：表后的说明。")
    return document


def test_it_reads_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "框架.docx"
    _framework_document().save(str(path))
    blocks = read(path)
    assert [type(b) for b in blocks] == [Paragraph, Table, Paragraph]
    assert blocks[0] == Paragraph("健康某某行动考核指标框架", "第1段")
    assert blocks[2].where == "第2段"


def test_it_keeps_merged_cell_text_in_the_first_cell_only(tmp_path: Path) -> None:
    path = tmp_path / "框架.docx"
    _framework_document().save(str(path))
    table = read(path)[1]
    assert isinstance(table, Table)
    assert table.rows == (
        ("序号", "指标", "目标值", ""),
        ("", "", "2022年", "2030年"),
        ("1", "人均预期寿命（岁）", "74.6", "79"),
        ("2", "婴儿死亡率（‰）", "≤7.5", "≤5"),
    )
    assert table.where == "表1"


def test_it_keeps_line_breaks_inside_a_cell(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "区卫健局"
    cell.paragraphs[0].add_run().add_break()
    cell.paragraphs[0].add_run("区教体局")
    cell.add_paragraph("区财政局")
    table.cell(0, 1).text = "2021年12月底"
    path = tmp_path / "清单.docx"
    document.save(str(path))
    assert read(path) == [Table((("区卫健局\n区教体局\n区财政局", "2021年12月底"),), "表1")]


def test_it_prefixes_list_paragraphs_with_their_computed_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("健康知识普及行动", "合理膳食行动", "全民健身行动"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "行动.docx"
    document.save(str(path))
    assert [b.text for b in read(path) if isinstance(b, Paragraph)] == [
        "1.健康知识普及行动",
        "2.合理膳食行动",
        "3.全民健身行动",
    ]


def _add_chinese_list(document: Any, num_id: int) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%1）"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/></w:num>')
    )


def _numbered(document: Any, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_it_computes_chinese_numbering_and_restarts_deeper_levels(tmp_path: Path) -> None:
    document = docx.Document()
    _add_chinese_list(document, num_id=77)
    for text, level in (
        ("总体要求", 0),
        ("指导思想", 1),
        ("基本原则", 1),
        ("主要任务", 0),
        ("健康知识普及", 1),
    ):
        _numbered(document, text, 77, level)
    for _ in range(9):
        _numbered(document, "后续", 77, 0)
    path = tmp_path / "方案.docx"
    document.save(str(path))
    texts = [b.text for b in read(path) if isinstance(b, Paragraph)]
    assert texts[:5] == ["（一）总体要求", "1.指导思想", "2.基本原则", "（二）主要任务", "1.健康知识普及"]
    assert texts[-1] == "（十一）后续"


def test_it_reads_a_docx_that_was_given_a_txt_name(tmp_path: Path) -> None:
    path = tmp_path / "方案.txt"
    _framework_document().save(str(path))
    assert isinstance(read(path)[1], Table)


def test_it_rejects_a_corrupt_docx_with_a_clear_message(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _framework_document().save(str(good))
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(IngestError, match=r"损坏\.docx：不是有效的 Word 文档（\.docx）"):
        read(bad)


def test_it_reads_text_inside_content_controls_and_skips_deleted_text(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        )
    )
    body = document.element.body
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>控件内文字</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(list(body).index(body.find(qn("w:sectPr"))), sdt)
    path = tmp_path / "控件.docx"
    document.save(str(path))
    assert [b.text for b in read(path) if isinstance(b, Paragraph)] == ["保留", "控件内文字"]
