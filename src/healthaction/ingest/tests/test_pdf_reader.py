"""PDF: text and ruled tables per page; running headers, footers and page numbers go.

The PDFs are made here with fpdf2 and its built-in Latin fonts (no CJK font is
needed to test the reader's mechanics).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.errors import IngestError
from healthaction.ingest.readers import read
from healthaction.ingest.readers.pdf import is_page_number

LONG = "The office reads every plan document and keeps each target of the action in view. " * 5


class _Bulletin(FPDF):
    footer_style = "- {} -"

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, "Health Action Office Bulletin 2021", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, self.footer_style.format(self.page_no()), align="C")


def _text(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, rows: list[tuple[str, ...]]) -> None:
    with pdf.table() as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)


def _bulletin(tmp_path: Path, footer_style: str = "- {} -") -> Path:
    pdf = _Bulletin()
    pdf.footer_style = footer_style
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 8, "Implementation Plan", align="C", new_x="LMARGIN", new_y="NEXT")
    _text(pdf, "    " + LONG)
    _text(pdf, "1. A short numbered line.")
    _table(pdf, [("No", "Indicator", "2022"), ("1", "Life expectancy", "74.6")])
    pdf.add_page()
    _text(pdf, "    Page two opens a new paragraph.")
    pdf.add_page()
    _text(pdf, "    Page three opens another.")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("footer_style", ["- {} -", "{}", "{}/3", "Page {} of 3"])
def test_it_drops_running_headers_and_page_numbers(tmp_path: Path, footer_style: str) -> None:
    blocks = read(_bulletin(tmp_path, footer_style))
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert not any("Bulletin" in text for text in texts)
    assert texts[0] == "Implementation Plan"
    assert texts[-2:] == ["Page two opens a new paragraph.", "Page three opens another."]
    assert [b.where for b in blocks if isinstance(b, Paragraph)][-2:] == ["第2页", "第3页"]


@pytest.mark.parametrize("text", ["— 3 —", "-3-", "－ 3 －", "第3页", "第 3 页 共 12 页", "3"])
def test_it_knows_chinese_page_numbers(text: str) -> None:
    assert is_page_number(text, 3)


@pytest.mark.parametrize("text", ["2030", "3．", "（三）", "74.6"])
def test_it_keeps_numbers_that_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text, 3)


def test_it_joins_the_lines_of_a_wrapped_paragraph(tmp_path: Path) -> None:
    texts = [b.text for b in read(_bulletin(tmp_path)) if isinstance(b, Paragraph)]
    assert texts[1] == LONG.strip()
    assert texts[2] == "1. A short numbered line."


def test_it_reads_ruled_tables_as_tables_in_place(tmp_path: Path) -> None:
    blocks = read(_bulletin(tmp_path))
    assert isinstance(blocks[3], Table)
    assert blocks[3].rows == (("No", "Indicator", "2022"), ("1", "Life expectancy", "74.6"))
    assert blocks[3].where == "第1页"


def test_it_joins_a_table_continued_on_the_next_page(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _text(pdf, "Task list")
    _table(pdf, [("No", "Task", "Lead")] + [(str(n), f"Task {n}", "Health bureau") for n in range(1, 41)])
    path = tmp_path / "tasks.pdf"
    pdf.output(str(path))
    tables = [b for b in read(path) if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[0] for row in tables[0].rows if row[0] not in ("No",)] == [str(n) for n in range(1, 41)]


def test_it_says_a_pdf_without_text_may_be_a_scan(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(IngestError, match="没有可提取的文字（可能是扫描件"):
        read(path)


def test_it_rejects_a_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 50)
    with pytest.raises(IngestError, match=r"broken\.pdf：不是有效的 PDF 文件"):
        read(path)
