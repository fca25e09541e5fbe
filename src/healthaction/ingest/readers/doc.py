"""Old Word (.doc, also WPS .wps and .rtf): converted to .docx by LibreOffice, then read as Word.

The conversion runs headless in a temporary folder with its own LibreOffice
profile, so it neither needs nor touches the user's. Without LibreOffice the
message says how to convert the file by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from healthaction.ingest.blocks import Block
from healthaction.ingest.errors import UnreadableDocument
from healthaction.ingest.readers import docx
from healthaction.ingest.readers.limits import check_limits

TIMEOUT_SECONDS = 120


def libreoffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(path: Path, data: bytes) -> list[Block]:
    program = libreoffice()
    if program is None:
        raise UnreadableDocument(
            f"{path}：{path.suffix or '.doc'} 格式需要 LibreOffice 转换；"
            "请安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再导入"
        )
    with tempfile.TemporaryDirectory(prefix="healthaction-doc-") as tmp:
        folder = Path(tmp)
        source = folder / ("source.rtf" if data.startswith(b"{\\rtf") else "source.doc")
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UnreadableDocument(f"{path}：LibreOffice 转换失败（{exc}）") from exc
        converted = folder / "out" / "source.docx"
        if not converted.is_file():
            raise UnreadableDocument(f"{path}：LibreOffice 无法转换此文件（文件可能已损坏或加密）")
        content = converted.read_bytes()
        check_limits(path, content, zipped=True, markup=False)  # the .docx it became, as an upload's
        return docx.read(path, content)
