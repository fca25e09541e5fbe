"""Web pages: tables as tables (rowspan/colspan laid out), paragraphs from blocks and <br>."""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.readers import read

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>网站标题</title><style>p {{ margin: 0 }}</style><script>var 统计 = 1;</script></head>
<body>
<div class="content"><h1>健康某某行动
实施方案</h1>
<p>第一段。<br>第二段&nbsp;在换行之后。</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">指标</th><th colspan="2">目标值</th></tr>
<tr><th>2022年</th><th>2030年</th></tr>
<tr><td>1</td><td>人均预期寿命<br>（岁）</td><td>74.6</td><td>79</td></tr>
</table>
<ul><li>{item}</li></ul>
<noscript>请启用脚本</noscript>
</div></body></html>"""


def _page(tmp_path: Path, encoding: str, name: str = "方案.html") -> Path:
    path = tmp_path / name
    path.write_bytes(PAGE.format(item="健康知识普及行动").encode(encoding))
    return path


def test_it_reads_a_gbk_page_by_its_meta_charset(tmp_path: Path) -> None:
    blocks = read(_page(tmp_path, "gbk"))
    assert blocks[0] == Paragraph(
        "健康某某行动实施方案", "第1段"
    )  # a source line break inside Chinese is no space
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "健康某某行动实施方案",
        "第一段。",
        "第二段 在换行之后。",
        "健康知识普及行动",
    ]


def test_it_lays_out_rowspan_and_colspan_like_merged_cells(tmp_path: Path) -> None:
    table = next(b for b in read(_page(tmp_path, "gbk")) if isinstance(b, Table))
    assert table.rows == (
        ("序号", "指标", "目标值", ""),
        ("", "", "2022年", "2030年"),
        ("1", "人均预期寿命\n（岁）", "74.6", "79"),
    )
    assert table.header_rows == 2


def test_it_trusts_a_byte_order_mark_over_the_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "方案.htm"
    path.write_bytes(b"\xef\xbb\xbf" + PAGE.format(item="合理膳食").encode("utf-8"))
    assert Paragraph("合理膳食", "第4段") in read(path)


def test_it_reads_page_layout_tables_as_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "layout.html"
    path.write_text(
        "<html><body><table><tr><td><p>正文第一段</p>"
        "<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read(path) == [
        Paragraph("正文第一段", "第1段"),
        Table((("甲", "乙"), ("丙", "丁")), "表1"),
    ]


def test_it_reads_an_html_page_saved_with_a_txt_name(tmp_path: Path) -> None:
    assert isinstance(read(_page(tmp_path, "utf-8", name="方案.txt"))[3], Table)
