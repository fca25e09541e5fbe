"""工作要点, 重点任务分工 and 任务清单 written as prose: sections, items and the notes saying who does it."""

from __future__ import annotations

import pytest

from healthaction.ingest.extract.task_list import read_note, split_note
from healthaction.ingest.tests._text_documents import parse_text


@pytest.mark.parametrize(
    ("note", "lead", "responsible"),
    [
        ("(卫生健康委牵头,中央宣传部、科技部按职责分工负责)", ["卫生健康委"], ["中央宣传部", "科技部"]),
        ("（卫生健康委牵头，中央宣传部、科技部按职责分工负责）", ["卫生健康委"], ["中央宣传部", "科技部"]),
        ("(体育总局负责)", [], ["体育总局"]),
        ("(国家卫生健康委牵头负责)", ["国家卫生健康委"], []),
        ("(国家卫生健康委牵头,广电总局等部门单位参与)", ["国家卫生健康委"], ["广电总局"]),
        ("(全国爱卫办牵头,有关成员单位参与)", ["全国爱卫办"], []),
        ("(市卫健委牵头,市教育局配合)", ["市卫健委"], ["市教育局"]),
        ("(市卫健委牵头,市级成员单位配合)", ["市卫健委"], []),
        ("(卫生健康委、中医药局按职责分工负责)", [], ["卫生健康委", "中医药局"]),
        (
            "（牵头单位：市卫生健康委；责任单位：市委宣传部、市教育局）",
            ["市卫生健康委"],
            ["市委宣传部", "市教育局"],
        ),
        (
            "(自治区卫生健康委牵头,宣传部、妇联按职责分工负责,各市、县〔区〕落实)",
            ["自治区卫生健康委"],
            ["宣传部", "妇联"],
        ),
        ("(市委宣传部)", [], ["市委宣传部"]),
    ],
)
def test_every_form_of_the_closing_note_is_read(note: str, lead: list[str], responsible: list[str]) -> None:
    text, found, cut = split_note(f"开展健康科普活动。{note}")
    assert (text, cut) == ("开展健康科普活动。", False)
    assert found is not None
    assert (found.lead, found.responsible) == (lead, responsible)


def test_a_bracket_that_is_no_note_stays_in_the_task() -> None:
    assert split_note("制订《全民健身计划(2021-2025年)》。") == (
        "制订《全民健身计划(2021-2025年)》。",
        None,
        False,
    )
    assert split_note("推进标准建设(试行)") == ("推进标准建设(试行)", None, False)


def test_a_note_that_lost_its_opening_bracket_is_still_read() -> None:
    text, note, _ = split_note("人均每日食盐摄入量降至9克。市卫生健康委负责）")
    assert text == "人均每日食盐摄入量降至9克。"
    assert note is not None
    assert note.responsible == ["市卫生健康委"]


def test_a_note_cut_by_the_end_of_the_text_names_no_one() -> None:
    assert split_note("研究起草系列环境健康风险评估基础标准。(生态环境") == (
        "研究起草系列环境健康风险评估基础标准。",
        None,
        True,
    )
    assert read_note("各成员单位参与") is None


LIST = """关于印发2022年健康某某行动重点任务分工的通知
2022年健康某某行动重点任务分工
一、重点任务
（一）健康知识普及行动。
1.开展健康科普进万家活动，全市居民健康素养水平提高到26%以上。（牵头单位：市卫生健康委；责任单位：市委宣传部）
2.推进减盐行动，人均每日食盐摄入量降至9克，建设健康食堂样板50个。市卫生健康委负责）
（二）控烟行动。
1.推进无烟机关建设，15岁以上人群吸烟率控制在22%以内。（市卫生健康委牵头，有关成员单位参与）
二、加强组织领导
（一）（一）召开推进委员会全体会议，12月底前完成。（市卫生健康委负责）
组织开展特色活动
（一）举办健康知识大赛。（市卫生健康委负责）
（二）开展“全民营养周”宣传
"""


def test_the_items_of_a_list_are_tasks_with_their_section_and_number() -> None:
    plan = parse_text(LIST)
    assert [(t.seq, t.program, t.task) for t in plan.tasks] == [
        (1, "健康知识普及行动", "开展健康科普进万家活动，全市居民健康素养水平提高到26%以上。"),
        (2, "健康知识普及行动", "推进减盐行动，人均每日食盐摄入量降至9克，建设健康食堂样板50个。"),
        (1, "控烟行动", "推进无烟机关建设，15岁以上人群吸烟率控制在22%以内。"),
        (1, "加强组织领导", "召开推进委员会全体会议，12月底前完成。"),
        (1, "组织开展特色活动", "举办健康知识大赛。"),
        (2, "组织开展特色活动", "开展“全民营养周”宣传"),
    ]
    assert [(t.lead_departments, t.responsible_departments) for t in plan.tasks[:3]] == [
        (["市卫生健康委"], ["市委宣传部"]),
        ([], ["市卫生健康委"]),
        (["市卫生健康委"], []),
    ]
    assert plan.tasks[3].deadline == "2022-12"


def test_an_action_heading_in_a_list_takes_the_targets_of_its_tasks_with_the_list_year() -> None:
    plan = parse_text(LIST)
    assert [a.name for a in plan.actions] == ["健康知识普及行动", "控烟行动"]
    assert all(not a.lead_departments and not a.cooperating_departments for a in plan.actions)
    assert [(t.indicator, t.year, t.comparator, t.value, t.unit) for t in plan.actions[0].targets] == [
        ("居民健康素养水平", 2022, ">=", 26, "%"),
        ("人均每日食盐摄入量", 2022, "=", 9, "克"),
        ("建设健康食堂样板", 2022, "=", 50, "个"),
    ]
    assert [(t.comparator, t.value) for t in plan.actions[1].targets] == [("<=", 22)]


def test_a_document_that_is_no_task_list_gives_no_prose_tasks() -> None:
    plan = parse_text(
        "健康某某行动实施方案\n一、主要任务\n（一）实施健康知识普及行动。普及知识。（市卫健委负责）\n"
    )
    assert plan.tasks == []
    assert [a.lead_departments for a in plan.actions] == [["市卫健委"]]


def test_a_reprinted_page_of_a_list_without_its_heading_is_still_a_list() -> None:
    page = (
        "                  (四) 持续推进宣讲员队伍建设。(健康中国行动推进办负责)\n\n"
        "                  (五)部署加强学校食品安全和营养健康工作,完善校园食品安全管理体制。(教育部、国家\n\n"
        "              卫生健康委、市场监管总局按职责分工负责)\n\n"
        "                  (六)举办第一届全国全民健身大会。(体育总\n\n"
        "              局牵头负责)\n"
    )
    plan = parse_text(page)
    assert [(t.seq, t.lead_departments, t.responsible_departments) for t in plan.tasks] == [
        (4, [], ["健康中国行动推进办"]),
        (5, [], ["教育部", "国家卫生健康委", "市场监管总局"]),
        (6, ["体育总局"], []),
    ]
