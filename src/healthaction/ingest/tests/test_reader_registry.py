"""One registry picks the reader: the bytes first, the suffix when the bytes carry no signature."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.errors import IngestError, UnsupportedFormat
from healthaction.ingest.readers import READERS, detect, read


def _pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


def test_every_format_has_its_own_suffixes() -> None:
    suffixes = [suffix for fmt in READERS for suffix in fmt.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert {".txt", ".docx", ".html", ".pdf", ".xlsx", ".doc"} <= set(suffixes)


def test_it_reads_a_pdf_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(_pdf_bytes("Health Action Plan"))
    assert read(path) == [Paragraph("Health Action Plan", "第1页")]


def test_it_reads_a_docx_named_without_suffix_by_its_content(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("健康某某行动")
    buffer = io.BytesIO()
    document.save(buffer)
    assert detect(tmp_path / "plan", buffer.getvalue()).name == "Word 文档（.docx）"


def test_it_names_a_zip_that_is_no_office_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path = tmp_path / "plan.txt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsupportedFormat, match="是压缩包"):
        read(path)


def test_it_names_the_suffixes_it_can_read_for_an_unknown_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.pages"
    path.write_text("健康某某行动", encoding="utf-8")
    with pytest.raises(UnsupportedFormat, match=r"不支持的格式“\.pages”，可用：\.pdf、\.docx"):
        read(path)


def test_it_refuses_a_pdf_suffix_on_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_text("健康某某行动", encoding="utf-8")
    with pytest.raises(IngestError, match=r"plan\.pdf：不是有效的 PDF 文件"):
        read(path)


def test_it_reads_a_gbk_csv_export_as_one_table(tmp_path: Path) -> None:
    path = tmp_path / "框架.csv"
    path.write_bytes(
        '序号,指标,2022年\r\n1,"人均预期寿命（岁）",74.6\r\n,,\r\n2,婴儿死亡率\r\n'.encode("gbk")
    )
    assert read(path) == [
        Table(
            (("序号", "指标", "2022年"), ("1", "人均预期寿命（岁）", "74.6"), ("2", "婴儿死亡率", "")),
            "第1行",
        )
    ]
