"""专项行动 in the layouts real plans use, from small documents written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest import parse_file
from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import actions
from healthaction.plan import Action


def _paragraphs(text: str) -> list[Block]:
    return [Paragraph(line.strip(), f"第{n}行") for n, line in enumerate(text.strip().splitlines(), start=1)]


def _extract(blocks: list[Block]) -> tuple[list[Action], list[str]]:
    warnings: list[str] = []
    return actions.extract(blocks, warnings), warnings


def _summary(found: list[Action]) -> list[tuple[int, str, list[str], list[str]]]:
    return [(a.seq, a.name, a.lead_departments, a.cooperating_departments) for a in found]


def test_it_reads_bracketed_departments_closing_each_action_body() -> None:
    found, warnings = _extract(
        _paragraphs("""
三、主要任务
（一）实施健康知识普及行动
普及健康知识。到2022年和2030年，全县居民健康素养水平分别不低于22%和30%。（牵头部门：县卫健局；配合部门：县委宣传部、各乡镇）
（二）实施控烟行动
推进无烟环境建设。（牵头部门：县卫健局；配合部门：县教育局）
四、保障措施
（一）加强组织领导。到2025年，各乡镇覆盖率达到100%。
""")
    )
    assert _summary(found) == [
        (1, "健康知识普及行动", ["县卫健局"], ["县委宣传部", "各乡镇"]),
        (2, "控烟行动", ["县卫健局"], ["县教育局"]),
    ]
    assert [(t.year, t.value) for t in found[0].targets] == [(2022, 22), (2030, 30)]
    assert found[1].targets == []
    assert warnings == []


def test_it_reads_label_lines_and_a_yearless_goal_line() -> None:
    found, warnings = _extract(
        _paragraphs("""
二、主要任务
(一)实施合理膳食行动。加强营养指导,中小学生每天锻炼不少于1小时。
牵头单位:市卫生健康委
配合单位:市教育局、市市场监管局
行动目标:到2022年和2030年,5岁以下儿童生长迟缓率分别低于7%和5%。
(二)实施常态化爱国卫生行动。开展爱国卫生运动。
牵头单位:市爱卫办
配合单位:市住建局
行动目标:通过开展爱国卫生运动,城乡环境卫生条件明显改善。
到2030年，另一段落里的指标达到90%。
""")
    )
    assert _summary(found) == [
        (1, "合理膳食行动", ["市卫生健康委"], ["市教育局", "市市场监管局"]),
        (2, "常态化爱国卫生行动", ["市爱卫办"], ["市住建局"]),
    ]
    assert [(t.indicator, t.year, t.comparator, t.value) for t in found[0].targets] == [
        ("5岁以下儿童生长迟缓率", 2022, "<", 7),
        ("5岁以下儿童生长迟缓率", 2030, "<", 5),
    ]
    # the goal line has no year; the paragraph after the labels is not part of the action
    assert [(t.indicator, t.year, t.comparator) for t in found[1].targets] == [
        ("城乡环境卫生条件", None, "improve")
    ]
    assert warnings == []


def test_it_matches_traditional_characters_and_keeps_them_as_written() -> None:
    found, _ = _extract(
        _paragraphs("""
（一）實施健康知識普及行動
到2022年和2030年，全市居民健康素養水平分別不低於22%和30%。（牽頭部門：市衛生健康委；配合部門：市委宣傳部、市教育局）
（二）實施全民健身行動
牽頭單位：市體育局
配合單位：市教育局
""")
    )
    assert _summary(found) == [
        (1, "健康知識普及行動", ["市衛生健康委"], ["市委宣傳部", "市教育局"]),
        (2, "全民健身行動", ["市體育局"], ["市教育局"]),
    ]
    assert [(t.indicator, t.comparator, t.value, t.text) for t in found[0].targets] == [
        ("居民健康素養水平", ">=", 22, "分別不低於22%和30%"),
        ("居民健康素養水平", ">=", 30, "分別不低於22%和30%"),
    ]


def test_it_reads_prose_with_who_leads_written_as_x_responsible() -> None:
    found, warnings = _extract(
        _paragraphs("""
二、重点任务
1.健康知识普及行动。建立健康科普专家库。到2025年，居民健康素养水平不低于25%。（市卫生健康委牵头，市委宣传部、市教育局按职责分工负责）
2.实施合理膳食行动。开展营养指导。（市卫生健康委负责）
3.全民健身行动：建设健身设施。（市体育局牵头，市教育局参与）
""")
    )
    assert _summary(found) == [
        (1, "健康知识普及行动", ["市卫生健康委"], ["市委宣传部", "市教育局"]),
        (2, "合理膳食行动", ["市卫生健康委"], []),
        (3, "全民健身行动", ["市体育局"], ["市教育局"]),
    ]
    assert [(t.indicator, t.year, t.value) for t in found[0].targets] == [("居民健康素养水平", 2025, 25)]
    assert warnings == []


def test_it_reads_headings_numbered_with_chinese_numerals_and_a_colon() -> None:
    found, _ = _extract(
        _paragraphs("""
一、实施健康知识普及行动：面向公众普及健康知识。
牵头部门：县卫健局
二、癌症防治行动
牵头部门：县卫健局
配合部门：县医保局
三、组织实施
牵头部门负责统筹推进。
""")
    )
    assert _summary(found) == [
        (1, "健康知识普及行动", ["县卫健局"], []),
        (2, "癌症防治行动", ["县卫健局"], ["县医保局"]),
    ]


def test_it_joins_lines_a_pdf_broke_inside_a_sentence() -> None:
    found, warnings = _extract(
        _paragraphs("""
（一）实施心脑血管疾病防治行动
落实首诊测血压制度。到2022年和
— 5 —
2030年，心脑血管疾病死亡率分别下降到209.7/10万及以下和190.7/10万
及以下。
牵头单位：市卫生健康委
配合单位：市发展改革委、市财政局、
市医保局
（二）实施癌症防治行动
牵头单位：市卫生健康委
""")
    )
    assert _summary(found) == [
        (1, "心脑血管疾病防治行动", ["市卫生健康委"], ["市发展改革委", "市财政局", "市医保局"]),
        (2, "癌症防治行动", ["市卫生健康委"], []),
    ]
    assert [(t.year, t.comparator, t.value, t.unit) for t in found[0].targets] == [
        (2022, "<=", 209.7, "1/10万"),
        (2030, "<=", 190.7, "1/10万"),
    ]
    assert warnings == []


def test_it_takes_a_bare_heading_when_departments_follow_it() -> None:
    found, _ = _extract(
        _paragraphs("""
健康知识普及行动
面向公众普及健康知识。
牵头单位：区卫健局
控烟行动
推进无烟环境建设。
牵头单位：区卫健局
健康平川行动
""")
    )
    assert [a.name for a in found] == ["健康知识普及行动", "控烟行动"]


def test_it_does_not_take_committees_working_groups_or_the_plan_itself_for_actions() -> None:
    found, warnings = _extract(
        _paragraphs("""
健康平川行动实施方案
一、健康平川行动
（一）成立健康平川行动推进委员会
（二）实施健康知识普及行动组
组长：张三 区卫健局局长
（三）健康知识普及行动工作组
""")
    )
    assert found == []
    assert warnings == []


def test_it_warns_about_an_action_whose_lead_it_could_not_find() -> None:
    found, warnings = _extract(
        _paragraphs("""
（一）实施健康知识普及行动
普及健康知识。
（二）实施控烟行动
推进无烟环境建设。（牵头部门：县卫健局）
""")
    )
    assert [a.name for a in found] == ["健康知识普及行动", "控烟行动"]
    assert warnings == ["专项行动“健康知识普及行动”（第1行）未找到牵头部门"]


def test_it_warns_about_departments_it_could_not_place_under_an_action() -> None:
    _, warnings = _extract(_paragraphs("一、加强健康促进\n牵头单位：县卫健局\n配合单位：县教育局"))
    assert warnings == ["第2行等2处牵头/配合部门不在任何已识别的专项行动之下，未能读入"]


def test_it_reads_an_action_table() -> None:
    table = Table(
        rows=(
            ("序号", "专项行动", "牵头单位", "配合单位", "行动目标"),
            (
                "1",
                "健康知识普及行动",
                "市卫生健康委",
                "市委宣传部、市教育局",
                "到2025年，居民健康素养水平不低于25%",
            ),
            ("2", "实施控烟行动", "市卫生健康委", "市市场监管局", ""),
        ),
        where="表1",
    )
    found, warnings = _extract([Paragraph("附件：专项行动分工表"), table])
    assert _summary(found) == [
        (1, "健康知识普及行动", ["市卫生健康委"], ["市委宣传部", "市教育局"]),
        (2, "控烟行动", ["市卫生健康委"], ["市市场监管局"]),
    ]
    assert [(t.year, t.value) for t in found[0].targets] == [(2025, 25)]
    assert warnings == []


def test_it_reads_the_actions_of_a_gb18030_text_file(tmp_path: Path) -> None:
    path = tmp_path / "健康长春行动实施方案.txt"
    path.write_bytes(
        "健康長春行動實施方案\n\n一、主要任務\n（一）實施控煙行動\n"
        "到2030年，全市15歲以上人群吸煙率低於20%。\n牽頭單位：市衛生健康委\n配合單位：市教育局\n".encode(
            "gb18030"
        )
    )
    plan = parse_file(path)
    assert _summary(plan.actions) == [(1, "控煙行動", ["市衛生健康委"], ["市教育局"])]
    assert [(t.indicator, t.comparator, t.value) for t in plan.actions[0].targets] == [
        ("15歲以上人群吸煙率", "<", 20)
    ]


def test_it_keeps_numbered_sub_items_and_task_labels_in_the_action() -> None:
    found, warnings = _extract(
        _paragraphs("""
（一）实施健康知识普及行动
牵头单位：市卫生健康委
行動目標：到2025年，居民健康素养水平不低于25%。
主要任务：建立健康科普专家库。
1.到2025年，健康科普专家库覆盖率达到100%。（市卫生健康委负责）
2.开展健康促进县区建设。（市教育局负责）
这一段不属于任何行动。到2030年，别的指标达到90%。
""")
    )
    assert _summary(found) == [(1, "健康知识普及行动", ["市卫生健康委", "市教育局"], [])]
    assert [(t.indicator, t.year, t.value) for t in found[0].targets] == [
        ("居民健康素养水平", 2025, 25),
        ("健康科普专家库覆盖率", 2025, 100),
    ]
    assert warnings == []


def test_it_does_not_take_a_working_group_list_for_actions() -> None:
    found, warnings = _extract(
        _paragraphs("""
推进委员会下设专项行动工作组。
（一）健康知识普及行动
组长：张三 市卫生健康委主任
成员：李四 市教育局副局长
""")
    )
    assert found == []
    assert warnings == []


def test_it_reads_numbered_goals_under_an_empty_goal_label() -> None:
    found, _ = _extract(
        _paragraphs("""
（一）实施癌症防治行动
牵头单位：市卫生健康委
行动目标：
1.到2022年，总体癌症5年生存率不低于43.3%；
2.到2030年，总体癌症5年生存率不低于46.6%。
""")
    )
    assert [(t.indicator, t.year, t.value) for t in found[0].targets] == [
        ("总体癌症5年生存率", 2022, 43.3),
        ("总体癌症5年生存率", 2030, 46.6),
    ]


def test_it_reads_actions_from_a_docx_with_prose_and_a_real_table(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("健康长春行动实施方案")
    document.add_paragraph(
        "（一）實施健康知識普及行動。到2022年和2030年，全市居民健康素養水平分別不低於22%和30%。"
        "（市衛生健康委牽頭，市委宣傳部、市教育局按職責分工負責）"
    )
    table = document.add_table(rows=2, cols=4)
    for r, row in enumerate(
        [("序号", "专项行动", "牵头单位", "配合单位"), ("1", "控烟行动", "市卫生健康委", "市妇联")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    plan = parse_file(path)
    assert _summary(plan.actions) == [
        (1, "健康知識普及行動", ["市衛生健康委"], ["市委宣傳部", "市教育局"]),
        (2, "控烟行动", ["市卫生健康委"], ["市妇联"]),
    ]
    assert [t.value for t in plan.actions[0].targets] == [22, 30]
