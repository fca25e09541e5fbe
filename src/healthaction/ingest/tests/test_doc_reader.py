"""Old .doc files go through LibreOffice; without it the message says how to convert."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest.errors import IngestError
from healthaction.ingest.readers import read
from healthaction.ingest.readers.doc import libreoffice

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_it_says_how_to_convert_a_doc_when_libreoffice_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # a machine without LibreOffice
    path = tmp_path / "方案.doc"
    path.write_bytes(OLE2 + b"\x00" * 504)
    with pytest.raises(IngestError) as raised:
        read(path)
    message = str(raised.value)
    assert message.startswith(f"{path}：.doc 格式需要 LibreOffice 转换")
    assert "另存为 .docx" in message


def test_it_asks_for_xlsx_when_given_an_old_excel_file(tmp_path: Path) -> None:
    path = tmp_path / "框架.xls"
    path.write_bytes(OLE2 + b"\x00" * 504)
    with pytest.raises(IngestError, match=r"另存为 \.xlsx"):
        read(path)


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed here")
def test_it_converts_a_doc_with_libreoffice(tmp_path: Path) -> None:  # pragma: no cover - needs soffice
    rtf = tmp_path / "方案.rtf"
    rtf.write_bytes(rb"{\rtf1\ansi Health Action Plan\par}")
    assert "Health Action Plan" in read(rtf)[0].text  # type: ignore[union-attr]


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed here")
def test_it_reads_the_tables_of_a_real_doc(tmp_path: Path) -> None:  # pragma: no cover - needs soffice
    import subprocess

    from healthaction.ingest.blocks import Table

    source = tmp_path / "清单.html"  # LibreOffice writes the .doc from a page with a real table
    source.write_text(
        "<html><body><p>健康某某行动责任清单</p><table border='1'>"
        "<tr><td>任务</td><td>牵头部门</td></tr><tr><td>推进减盐</td><td>区市场监管局</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    program = libreoffice()
    assert program is not None
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc:MS Word 97",
         "--outdir", str(tmp_path / "doc"), str(source)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    blocks = read(tmp_path / "doc" / "清单.doc")
    assert Table((("任务", "牵头部门"), ("推进减盐", "区市场监管局")), "表1") in blocks
