"""Shapes met in documents collected from other offices (tests/corpus/collected), each written
here with made-up names and numbers so that the rule, not one document, is what is tested."""

from __future__ import annotations

from healthaction.ingest.extract.dates import parse_date_line
from healthaction.ingest.tests._text_documents import parse_text


def test_a_plans_numbered_goal_part_may_be_called_just_goals_and_run_into_one_line() -> None:
    text = (
        "某某县学生视力健康工作方案为做好学生视力健康工作，保护学生视力，提高学生健康水平，"
        "结合本县实际，特制定本方案，请各单位认真组织落实。"
        "一、目标到2025年，力争实现全县学生总体近视率在2020年的基础上每年降低0.5个百分点以上，"
        "小学生近视率下降到35%以下，优秀率达20%以上。二、主要措施(一)家庭家庭要营造良好环境。"
    )
    goals = parse_text(text).goals
    assert [(g.indicator, g.year, g.comparator, g.value, g.unit) for g in goals] == [
        ("学生总体近视率每年降低", 2025, ">=", 0.5, "个百分点"),
        ("小学生近视率", 2025, "<=", 35, "%"),
        ("优秀率", 2025, ">=", 20, "%"),
    ]


def test_an_annual_plans_goals_take_the_title_year_and_short_prefixes_share_the_noun() -> None:
    text = (
        "某某区2024年健康促进工作实施方案\n"
        "一、工作目标\n"
        "(一)城、乡居民健康素养水平分别提高到30%和20%以上.\n"
        "二、主要任务\n"
    )
    goals = parse_text(text).goals
    assert [(g.indicator, g.year, g.comparator, g.value) for g in goals] == [
        ("城居民健康素养水平", 2024, ">=", 30),
        ("乡居民健康素养水平", 2024, ">=", 20),
    ]


def test_goals_counted_before_their_noun_are_read_and_item_numbers_are_not_goals() -> None:
    text = (
        "某某县健康村创建实施方案\n"
        "一、工作目标\n"
        "(一)阶段目标1. 第一阶段:创建12个健康村,创建300个健康家庭。\n"
        "二、主要任务\n"
    )
    goals = parse_text(text).goals
    assert [(g.indicator, g.comparator, g.value, g.unit) for g in goals] == [
        ("健康村", "=", 12, "个"),
        ("健康家庭", "=", 300, "个"),
    ]


def test_a_composition_told_in_prose_gives_the_members_and_their_roles() -> None:
    text = (
        "某某县爱卫会简介\n"
        "2001年3月,县政府调整县爱卫会,县委常委副县长王明远任主任,李青、赵阳任副主任,赵阳兼任办公室主任。\n"
    )
    plan = parse_text(text)
    assert [(m.role, m.name, m.position) for m in plan.committee] == [
        ("主任", "王明远", "县委常委副县长"),
        ("副主任", "李青", None),
        ("副主任", "赵阳", None),
        ("办公室主任", "赵阳", None),
    ]
    assert plan.region == "某某县"


def test_roles_followed_by_a_blank_and_name_with_position_form_a_list_that_ends_with_them() -> None:
    text = (
        "全国某某委员会\n"
        "主要领导\n"
        "主任 王明远(国务院副总理)\n"
        "副主任 李青(某部部长)\n"
        "赵阳(某委主任)\n"
        "机构概况\n"
    )
    plan = parse_text(text)
    assert [(m.role, m.name, m.position) for m in plan.committee] == [
        ("主任", "王明远", "国务院副总理"),
        ("副主任", "李青", "某部部长"),
        ("副主任", "赵阳", "某委主任"),
    ]
    assert plan.region == "中国"


def test_numbered_items_under_a_heading_that_only_says_tasks_are_tasks() -> None:
    text = (
        "第一部分:整体工作安排\n(一)重点举措\n1.建立甲机制。\n2.完善乙制度。\n3.开展丙活动。\n第二部分:其他\n"
    )
    tasks = parse_text(text).tasks
    assert [(t.seq, t.program, t.task) for t in tasks] == [
        (1, None, "建立甲机制。"),
        (2, None, "完善乙制度。"),
        (3, None, "开展丙活动。"),
    ]


def test_a_disclosure_catalogue_table_gives_number_date_and_title() -> None:
    text = (
        "发布机构: | 区政府 | 发文日期: | 2021-12-09 |\n"
        "名 称: | 某某市某某区人民政府关于深入推进爱国卫生运动的实施方案 | |\n"
        "文 号: | 某府发〔2021〕34号 | 公开类型: | 主动公开 |\n"
        "成文日期: | 2021-12-01 | 有效性: | 有效 |\n"
        "一、指导思想\n"
    )
    plan = parse_text(text)
    assert plan.doc_number == "某府发〔2021〕34号"
    assert plan.issued_date == "2021-12-01"  # 成文日期 before 发文日期
    assert plan.title == "某某市某某区人民政府关于深入推进爱国卫生运动的实施方案"


def test_a_notice_passing_on_a_plan_drafted_by_another_body_takes_the_plans_title() -> None:
    text = "某某区人民政府关于批转区卫生局制订的某某区健康城区三年行动计划的通知\n各街道:\n"
    assert parse_text(text).title == "某某区健康城区三年行动计划"


def test_run_together_dates_are_read_only_when_one_reading_is_a_date() -> None:
    assert parse_date_line("20201020") == "2020-10-20"
    assert parse_date_line("2020928") == "2020-09-28"
    assert parse_date_line("202634") == "2026-03-04"
    assert parse_date_line("2020111") is None  # 2020-1-11 or 2020-11-1


def test_a_notice_that_lost_its_heading_takes_the_title_from_its_attachment_list() -> None:
    text = (
        "某健委〔2021〕1号\n"
        "各县(市、区)卫生健康委:\n"
        "现将有关方案印发给你们。\n"
        "附件:1. 健康某某行动监测评估实施方案\n"
        "2. 指标体系\n"
    )
    assert parse_text(text).title == "健康某某行动监测评估实施方案"
