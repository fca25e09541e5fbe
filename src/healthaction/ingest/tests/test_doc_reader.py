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
