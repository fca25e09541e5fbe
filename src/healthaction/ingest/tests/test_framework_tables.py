"""The 考核指标框架 / 主要指标 table read from real tables: Table blocks, `|` text, .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest import parse_file
from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import framework
from healthaction.plan import FrameworkRow


def _read(blocks: list[Block]) -> tuple[list[FrameworkRow], list[str]]:
    warnings: list[str] = []
    return framework.extract(blocks, warnings), warnings


SCOPED = Table(
    rows=(
        ("考核依据", "指标", "基期水平（2016年）", "2022年\n金城市目标值", "2022年\n银湖区目标值"),
        ("《健康金城规划》", "人均预期寿命（岁）", "72.1", "74", "≥73.5"),
        ("", "孕产妇死亡率（1/10 万）", "—", "≤18", "0"),
        ("《健康银湖行动》和\n相关文件", "学生体质健康达标优良率", "", "≥50", "≥45"),
    ),
    where="表1",
)


def test_it_gives_each_region_column_its_own_scoped_target() -> None:
    rows, warnings = _read([Paragraph("健康银湖行动考核指标框架"), SCOPED])
    assert warnings == []
    assert [r.seq for r in rows] == [1, 2, 3]
    first = rows[0]
    assert (first.indicator, first.unit, first.basis) == ("人均预期寿命", "岁", "《健康金城规划》")
    assert first.baseline is not None
    assert (first.baseline.year, first.baseline.value, first.baseline.text) == (2016, 72.1, "72.1")
    assert [(t.scope, t.year, t.comparator, t.value, t.text) for t in first.targets] == [
        ("金城市", 2022, "=", 74, "74"),
        ("银湖区", 2022, ">=", 73.5, "≥73.5"),
    ]


def test_it_carries_the_basis_down_and_reads_dashes_as_no_baseline() -> None:
    rows, _ = _read([SCOPED])
    assert rows[1].basis == "《健康金城规划》"
    assert rows[1].unit == "1/10万"
    assert rows[1].baseline is None
    assert rows[2].basis == "《健康银湖行动》和相关文件"
    assert rows[2].unit is None
    assert rows[2].baseline is None


NATIONAL = Table(
    rows=(
        ("领域", "序号", "指标", "基期水平", "2022年全国目标值", "2030年全国目标值", "指标性质"),
        ("（一）健康知识普及行动",) * 7,
        ("结果性指标", "", "", "", "", "", ""),
        ("", "1", "居民健康素养水平（%）", "14.18", "≥22", "≥30", "预期性"),
        (
            "",
            "2",
            "建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制",
            "—",
            "实现",
            "实现",
            "约束性",
        ),
        ("（二）合理膳食行动", "", "", "", "", "", ""),
        ("", "3", "成人肥胖增长率（%）", "2002—2012年平均每年增长约5.3%", "持续减缓", "持续减缓", "预期性"),
        ("", "4", "人均每日食盐摄入量（g）", "10.5", "≤9", "≤5", "倡导性"),
    ),
    where="表2",
)


def test_it_reads_the_national_table_with_two_target_years_and_heading_rows() -> None:
    rows, warnings = _read([Paragraph("健康中国行动主要指标"), NATIONAL])
    assert warnings == []
    assert [(r.seq, r.indicator, r.unit) for r in rows] == [
        (1, "居民健康素养水平", "%"),
        (2, "建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制", None),
        (3, "成人肥胖增长率", "%"),
        (4, "人均每日食盐摄入量", "g"),
    ]
    assert [(t.year, t.comparator, t.value, t.unit, t.scope) for t in rows[0].targets] == [
        (2022, ">=", 22, "%", None),
        (2030, ">=", 30, "%", None),
    ]
    assert [t.comparator for t in rows[1].targets] == ["achieved", "achieved"]
    assert [t.comparator for t in rows[2].targets] == ["slow", "slow"]
    assert [t.unit for t in rows[2].targets] == [None, None]  # a slowing growth is in no unit of the row
    assert rows[0].baseline is not None
    assert rows[0].baseline.year is None
    unreadable = rows[2].baseline
    assert unreadable is not None
    # A descriptive baseline keeps its last number (corpus convention 4) and no year.
    assert (unreadable.year, unreadable.value, unreadable.text) == (
        None,
        5.3,
        "2002—2012年平均每年增长约5.3%",
    )


def test_it_merges_a_two_row_header_under_a_spanning_target_cell() -> None:
    table = Table(
        rows=(
            ("序号", "指标", "基期水平", "目标值", "目标值", "指标性质"),
            ("序号", "指标", "基期水平", "2022年", "2030年", "指标性质"),
            ("1", "人均预期寿命（岁）", "76.7", "77.7", "79", "预期性"),
        )
    )
    rows, _ = _read([table])
    assert [(t.year, t.value) for t in rows[0].targets] == [(2022, 77.7), (2030, 79)]


def test_it_matches_traditional_headers_and_keeps_the_text_as_written() -> None:
    table = Table(
        rows=(
            ("序號", "指標", "基期水準（2018年）", "2022年目標值"),
            ("1", "居民健康素養水平（%）", "16．5", "≥22"),
        )
    )
    rows, _ = _read([Paragraph("健康長春行動考核指標框架"), table])
    assert rows[0].indicator == "居民健康素養水平"
    assert rows[0].baseline is not None
    assert (rows[0].baseline.year, rows[0].baseline.value, rows[0].baseline.text) == (2018, 16.5, "16．5")
    assert rows[0].targets[0].value == 22


def test_it_warns_in_chinese_about_a_target_it_cannot_read() -> None:
    table = Table(
        rows=(
            ("序号", "指标", "2022年目标值"),
            ("1", "人均体育场地面积（平方米）", "在2019年基础上提高10%"),
            ("2", "居民健康素养水平（%）", "≥22"),
        ),
        where="表3",
    )
    rows, warnings = _read([table])
    assert len(rows) == 2
    assert rows[0].targets == []
    assert len(warnings) == 1
    assert "表3" in warnings[0]
    assert "考核指标框架第1行" in warnings[0]
    assert "提高10%" in warnings[0]


def test_it_takes_a_starred_baseline_year_from_the_note_under_the_table() -> None:
    table = Table(
        rows=(
            ("序号", "指标", "2019年基期值", "2022年目标值"),
            ("1", "个人卫生支出占卫生总费用的比重（%）", "30．1*", "27．5"),
            ("2", "居民健康素养水平（%）", "15", "≥22"),
        )
    )
    rows, _ = _read([table, Paragraph("注：带*的数值为2018年数据。")])
    assert [r.baseline.year for r in rows if r.baseline] == [2018, 2019]


def test_it_ignores_tables_that_are_not_an_indicator_framework() -> None:
    table = Table(
        rows=(("序号", "重点工作任务", "牵头部门", "完成时限"), ("1", "加强健康促进", "卫健局", "长期"))
    )
    assert _read([table]) == ([], [])


def test_it_reads_a_pipe_table_written_as_text(tmp_path: Path) -> None:
    text = (
        "健康青山行动考核指标框架\n"
        "| 考核依据 | 序号 | 指标 | 2020年基期值 | 2022年目标值 |\n"
        "|---|---|---|---|---|\n"
        "| 《健康青山2030规划》 | 1 | 人均预期寿命（岁） | 76．7 | 77．7 |\n"
        "|  | 2 | 婴儿死亡率（‰） | 3．76 | ≤3．75 |\n"
    )
    path = tmp_path / "青山.txt"
    path.write_text(text, encoding="utf-8")
    rows = parse_file(path).framework
    assert [(r.seq, r.indicator, r.unit, r.basis) for r in rows] == [
        (1, "人均预期寿命", "岁", "《健康青山2030规划》"),
        (2, "婴儿死亡率", "‰", "《健康青山2030规划》"),
    ]
    assert rows[1].targets[0].text == "≤3．75"
    assert rows[1].targets[0].value == 3.75


def test_it_reads_a_real_docx_table(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from healthaction.ingest.readers import READERS

    suffixes = [s for entry in READERS for s in getattr(entry, "suffixes", (entry,))]
    if ".docx" not in suffixes:
        pytest.skip("还没有注册 .docx 读取器")
    document = docx.Document()
    document.add_paragraph("健康青山行动考核指标框架")
    header = ("考核依据", "序号", "指标", "基期水平（2018年）", "2022年青山市目标值", "2022年东湖区目标值")
    data = (
        ("《健康青山2030规划》", "1", "人均预期寿命（岁）", "76.7", "77.7", "78"),
        (
            "",
            "2",
            "乡镇卫生院提供中医非药物疗法的比例（%），村卫生室提供中医非药物疗法的比例（%）",
            "—",
            "100\n70",
            "100，70",
        ),
    )
    table = document.add_table(rows=1 + len(data), cols=len(header))
    for r, row in enumerate((header, *data)):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "青山.docx"
    document.save(str(path))
    plan = parse_file(path)
    rows = plan.framework
    assert [r.seq for r in rows] == [1, 2]
    assert rows[0].baseline is not None
    assert rows[0].baseline.year == 2018
    assert [(t.scope, t.indicator, t.value) for t in rows[1].targets] == [
        ("青山市", "乡镇卫生院提供中医非药物疗法的比例", 100),
        ("青山市", "村卫生室提供中医非药物疗法的比例", 70),
        ("东湖区", "乡镇卫生院提供中医非药物疗法的比例", 100),
        ("东湖区", "村卫生室提供中医非药物疗法的比例", 70),
    ]
    assert rows[1].indicator == "乡镇卫生院提供中医非药物疗法的比例，村卫生室提供中医非药物疗法的比例"
    assert rows[1].basis == "《健康青山2030规划》"


def test_it_warns_when_a_framework_is_named_but_no_table_can_be_read() -> None:
    blocks: list[Block] = [
        Paragraph("附件2", "第9行"),
        Paragraph("健康青山行动考核指标框架", "第10行"),
        Paragraph("（表格见另行印发的文件）", "第11行"),
    ]
    rows, warnings = _read(blocks)
    assert rows == []
    assert warnings == ["第10行：有“健康青山行动考核指标框架”，但没有找到可读的指标表格，考核指标框架未提取"]
