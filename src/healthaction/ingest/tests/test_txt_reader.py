"""The text reader decodes every encoding an office meets, and refuses what is not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.errors import IngestError
from healthaction.ingest.readers import read

TEXT = "健康某某行动实施方案\n一、总体要求\n到2022年，居民健康素养水平不低于22%。\n"


def _write(tmp_path: Path, data: bytes, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _texts(path: Path) -> list[str]:
    return [b.text for b in read(path) if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: the NUL bytes of "\n" and digits give it away
        TEXT.encode("utf-16-be"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "gb18030", "gbk"],
)
def test_it_reads_each_encoding_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    assert _texts(_write(tmp_path, data)) == TEXT.splitlines()


def test_it_reads_gb18030_without_guessing_even_when_the_bytes_are_also_utf8(tmp_path: Path) -> None:
    # “学习” in GBK is D1 A7 CF B0, which is also valid UTF-8 (“ѧϰ”).
    assert _texts(_write(tmp_path, "学习".encode("gbk"))) == ["学习"]


def test_it_keeps_utf8_with_western_letters(tmp_path: Path) -> None:
    assert _texts(_write(tmp_path, "café 健康".encode())) == ["café 健康"]


def test_it_refuses_binary_content_in_a_txt_file(tmp_path: Path) -> None:
    path = _write(tmp_path, bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="不是文本文件"):
        read(path)


def test_it_refuses_text_full_of_control_characters(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 20)
    with pytest.raises(IngestError, match="不是文本文件"):
        read(path)


def test_it_refuses_bytes_that_are_neither_utf8_nor_gb18030(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\x80\xff\xfe\x80abc" * 10)
    with pytest.raises(IngestError, match="无法识别文本编码"):
        read(path)


def test_it_turns_a_run_of_tab_lines_into_one_table(tmp_path: Path) -> None:
    path = _write(tmp_path, "前言\n序号\t指标\n1\t人均预期寿命\n后记\n".encode())
    blocks = read(path)
    assert blocks == [
        Paragraph("前言", "第1行"),
        Table((("序号", "指标"), ("1", "人均预期寿命")), "第2行"),
        Paragraph("后记", "第4行"),
    ]


def test_it_reads_lines_with_cells_between_bars_as_table_rows(tmp_path: Path) -> None:
    text = "表1 主要指标\n| 序号 | 指标 | 2022年 |\n|---|---|---|\n1 | 人均预期寿命（岁） | 74.6\n结束\n"
    blocks = read(_write(tmp_path, text.encode()))
    assert blocks[1] == Table((("序号", "指标", "2022年"), ("1", "人均预期寿命（岁）", "74.6")), "第2行")
    assert blocks[2] == Paragraph("结束", "第5行")


def test_it_leaves_a_lone_line_with_one_bar_as_prose(tmp_path: Path) -> None:
    blocks = read(_write(tmp_path, "健康某某行动实施方案 | 某某区人民政府网\n正文\n".encode()))
    assert blocks[0] == Paragraph("健康某某行动实施方案 | 某某区人民政府网", "第1行")


def test_it_drops_a_few_stray_control_characters(tmp_path: Path) -> None:
    assert _texts(_write(tmp_path, "健康\x07行动\n".encode())) == ["健康行动"]
