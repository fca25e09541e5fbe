"""``render_report``: ReportData → a file whose suffix chooses the format (.docx .xlsx .html .pdf)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from healthaction.reports.draft import Draft
from healthaction.reports.drafting import draft
from healthaction.reports.errors import ReportError
from healthaction.reports.model import ReportData

FORMATS = (".docx", ".xlsx", ".html", ".pdf")


def _writer(suffix: str) -> Callable[[Draft, Path], None]:
    if suffix == ".docx":
        from healthaction.reports.docx_writer import write_docx

        return write_docx
    if suffix == ".xlsx":
        from healthaction.reports.xlsx_writer import write_xlsx

        return write_xlsx
    if suffix in (".html", ".htm"):
        from healthaction.reports.html_writer import write_html

        return write_html
    if suffix == ".pdf":
        from healthaction.reports.pdf import libreoffice, missing_message, write_pdf

        if libreoffice() is None:  # say so before drawing anything
            raise ReportError(missing_message())

        return write_pdf
    raise ReportError(f"不支持的报告格式「{suffix or '（无后缀）'}」：请用 {' '.join(FORMATS)}")


def render_report(data: ReportData, path: Path) -> Path:
    """Write the report described by ``data`` to ``path``; the format follows the suffix."""
    writer = _writer(path.suffix.lower())  # an unknown suffix fails before any drawing
    writer(draft(data, with_charts=path.suffix.lower() != ".xlsx"), path)
    return path
