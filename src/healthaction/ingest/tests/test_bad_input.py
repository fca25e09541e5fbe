"""Bad input exits 2 with one line on stderr naming the file — never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from healthaction.cli import main


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "不存在.txt"


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "空.txt"
    path.write_bytes(b"")
    return path


def _blank(tmp_path: Path) -> Path:
    path = tmp_path / "空白.txt"
    path.write_bytes(b" \r\n\t\n")
    return path


def _only_a_bom(tmp_path: Path) -> Path:
    path = tmp_path / "无字.txt"
    path.write_bytes(b"\xef\xbb\xbf\xe2\x80\x8b\n")  # BOM and a zero-width space: nothing to read
    return path


def _binary_txt(tmp_path: Path) -> Path:
    path = tmp_path / "图片.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


def _corrupt_docx(tmp_path: Path) -> Path:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("健康某某行动实施方案")
    document.save(buffer)
    path = tmp_path / "损坏.docx"
    path.write_bytes(buffer.getvalue()[:1500])
    return path


def _docx_that_is_text(tmp_path: Path) -> Path:
    path = tmp_path / "改名.docx"
    path.write_text("健康某某行动实施方案", encoding="utf-8")
    return path


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "巨大.txt"
    with path.open("wb") as handle:  # sparse: no disk or memory is spent
        handle.truncate(500 * 1024 * 1024)
    return path


def _unknown_suffix(tmp_path: Path) -> Path:
    path = tmp_path / "方案.key"
    path.write_text("健康某某行动实施方案", encoding="utf-8")
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "文件夹.txt"
    path.mkdir()
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (_missing, "文件不存在"),
    "empty": (_empty, "文件为空"),
    "blank": (_blank, "文件为空"),
    "no text": (_only_a_bom, "没有可读的文字"),
    "binary .txt": (_binary_txt, "不是文本文件"),
    "corrupt .docx": (_corrupt_docx, "不是有效的 Word 文档（.docx）"),
    "text named .docx": (_docx_that_is_text, "不是有效的 Word 文档（.docx）"),
    "500 MB": (_too_large, "文件过大（500 MB），上限为 50 MB"),
    "unknown suffix": (_unknown_suffix, "不支持的格式“.key”"),
    "directory": (_directory, "是文件夹，不是文件"),
}


def _assert_one_clean_line(code: int, out: str, err: str, path: Path, expected: str) -> None:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("case", CASES)
def test_it_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)
    code = main(["parse", str(path)])
    captured = capsys.readouterr()
    _assert_one_clean_line(code, captured.out, captured.err, path, expected)


@pytest.mark.parametrize("case", ["binary .txt", "500 MB", "directory"])
def test_the_installed_command_never_shows_a_traceback(tmp_path: Path, case: str) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "healthaction.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    _assert_one_clean_line(result.returncode, result.stdout, result.stderr, path, expected)


def test_it_exits_2_when_the_output_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "方案.txt"
    source.write_text("健康某某行动实施方案\n", encoding="utf-8")
    blocker = tmp_path / "是文件"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "plan.json"  # a folder that is a file
    code = main(["parse", str(source), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines()[-1].startswith(f"healthaction: {out}：无法写入")
    assert "Traceback" not in captured.err
