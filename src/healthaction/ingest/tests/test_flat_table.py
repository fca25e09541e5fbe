"""Framework tables that arrive as text, one cell per line, rebuilt into rows."""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest import parse_file
from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.extract import framework
from healthaction.ingest.extract.flat_table import align
from healthaction.plan import FrameworkRow

TAB_MARKED = """健康青山行动考核指标框架
\t考核
依据
\t指  标
\t
基期水平（2019年）
\t2022年
青山市目标值
\t2022年
东湖区目标值

\t《健康
青山2030
规划》
\t1.人均预期寿命（岁）
\t76．7
\t77．7
\t78

\t
\t2.5 岁以下儿童死亡率
（‰）
\t——
\t≤9.5
\t≤7.5

\t考核
依据
\t指  标
\t
基期水平（2019年）
\t2022年
青山市目标值
\t2022年
东湖区目标值

\t
\t3.乡镇卫生院提供中医非药物疗法的比例（%），村卫生室提供中医非药物疗法的比例（%）
\t—
\t100

70
\t100
70


附件3
健康青山行动推进委员会组成人员
主  任：王  明  区政府副区长
"""


def _parse_text(tmp_path: Path, text: str) -> tuple[list[FrameworkRow], list[str]]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path)
    return plan.framework, [w for w in plan.warnings if "考核指标框架" in w]


def test_it_rebuilds_tab_marked_rows_by_counting_the_header_cells(tmp_path: Path) -> None:
    rows, warnings = _parse_text(tmp_path, TAB_MARKED)
    assert warnings == []
    assert [(r.seq, r.indicator, r.unit) for r in rows] == [
        (1, "人均预期寿命", "岁"),
        (2, "5岁以下儿童死亡率", "‰"),
        (3, "乡镇卫生院提供中医非药物疗法的比例，村卫生室提供中医非药物疗法的比例", "%"),
    ]
    assert [r.basis for r in rows] == ["《健康青山2030规划》"] * 3
    assert rows[0].baseline is not None
    assert (rows[0].baseline.year, rows[0].baseline.value, rows[0].baseline.text) == (2019, 76.7, "76．7")
    assert rows[1].baseline is None
    assert [(t.scope, t.comparator, t.value) for t in rows[1].targets] == [
        ("青山市", "<=", 9.5),
        ("东湖区", "<=", 7.5),
    ]


def test_it_keeps_a_value_wrapped_to_the_next_line_but_stops_at_the_next_section(tmp_path: Path) -> None:
    rows, _ = _parse_text(tmp_path, TAB_MARKED)
    assert [(t.scope, t.text) for t in rows[2].targets] == [
        ("青山市", "100"),
        ("青山市", "70"),
        ("东湖区", "100"),
        ("东湖区", "70"),
    ]
    assert rows[2].targets[1].indicator == "村卫生室提供中医非药物疗法的比例"


def test_it_warns_about_a_row_with_too_few_cells(tmp_path: Path) -> None:
    text = "\t序号\n\t指标\n\t2022年目标值\n\t1\n\t居民健康素养水平（%）\n\t≥22\n\t2\n\t产前筛查率（%）\n"
    rows, warnings = _parse_text(tmp_path, text)
    assert [r.indicator for r in rows] == ["居民健康素养水平"]
    assert len(warnings) == 1
    assert "考核指标框架第2行无法解析" in warnings[0]
    assert "产前筛查率" in warnings[0]


PARAGRAPHS = [
    "健康青山行动主要指标",
    "序号",
    "指标",
    "基期水平",
    "2022年目标值",
    "2030年目标值",
    "指标性质",
    "1",
    "居民健康素养水平（%）",
    "14.18",
    "≥22",
    "≥30",
    "预期性",
    "2",
    "建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制",
    "实现",
    "实现",
    "约束性",
    "3",
    "重大慢性病过早死亡率（%）",
    "18.5",
    "≤15.9",
    "≤11.0",
    "预期性",
    "4",
    "人均每日食盐摄入量（克）",
    "≤9",
    "≤5",
    "附件2",
]


def test_it_aligns_paragraph_cells_when_empty_dash_cells_were_dropped() -> None:
    blocks: list[Block] = [Paragraph(text, f"第{n}行") for n, text in enumerate(PARAGRAPHS, start=1)]
    warnings: list[str] = []
    rows = framework.extract(blocks, warnings)
    assert warnings == []
    assert [(r.seq, r.indicator) for r in rows] == [
        (1, "居民健康素养水平"),
        (2, "建立并完善健康科普专家库和资源库，构建健康科普知识发布和传播机制"),
        (3, "重大慢性病过早死亡率"),
        (4, "人均每日食盐摄入量"),
    ]
    assert rows[1].baseline is None
    assert [(t.year, t.comparator) for t in rows[1].targets] == [(2022, "achieved"), (2030, "achieved")]
    assert rows[2].baseline is not None
    assert rows[2].baseline.value == 18.5
    assert [(t.year, t.value) for t in rows[2].targets] == [(2022, 15.9), (2030, 11.0)]
    assert rows[3].baseline is None
    assert [(t.year, t.comparator, t.value, t.unit) for t in rows[3].targets] == [
        (2022, "<=", 9, "克"),
        (2030, "<=", 5, "克"),
    ]


def test_it_reads_paragraph_cells_from_a_text_file_with_traditional_headers(tmp_path: Path) -> None:
    lines = [line.replace("指标", "指標").replace("目标", "目標") for line in PARAGRAPHS]
    rows, warnings = _parse_text(tmp_path, "\n\n".join(lines) + "\n")
    assert warnings == []
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert rows[0].targets[1].text == "≥30"


def test_it_reads_paragraph_cells_with_a_basis_before_the_seq() -> None:
    texts = ["考核依据", "序号", "指标", "2022年目标值"]
    texts += ["《健康青山2030规划》", "1", "人均预期寿命（岁）", "77.7"]
    texts += ["2", "婴儿死亡率（‰）", "≤6"]
    texts += ["《健康青山行动》", "3", "产前筛查率（%）", "≥75"]
    warnings: list[str] = []
    rows = framework.extract([Paragraph(t) for t in texts], warnings)
    assert [(r.seq, r.basis) for r in rows] == [
        (1, "《健康青山2030规划》"),
        (2, "《健康青山2030规划》"),
        (3, "《健康青山行动》"),
    ]
    assert warnings == []


def test_it_skips_a_dropped_baseline_rather_than_a_target() -> None:
    row, cost = align(
        ["1", "居民健康素养水平（%）", "≥22", "≥30"], ["seq", "indicator", "baseline", "target", "target"]
    )
    assert row == ["1", "居民健康素养水平（%）", "", "≥22", "≥30"]
    assert cost < float("inf")
