"""A plan's own goals: the numbers of its 总体目标, with indicators and values paired in order."""

from __future__ import annotations

from healthaction.ingest.tests._text_documents import parse_text

PLAN = """某某区人民政府关于推进健康某某行动的实施意见
一、总体目标
到2025年，人民群众健康素养水平持续提高。
到2030年，人均预期寿命达到78.5岁，婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、10/10万。
二、主要任务
（一）实施健康知识普及行动。到2022年和2030年，全区居民健康素养水平分别不低于22%和30%。（区卫健局负责）
"""


def test_the_numbers_of_the_overall_targets_are_the_plans_goals() -> None:
    plan = parse_text(PLAN)
    assert [(g.indicator, g.year, g.comparator, g.value, g.unit) for g in plan.goals] == [
        ("人均预期寿命", 2030, "=", 78.5, "岁"),
        ("婴儿死亡率", 2030, "=", 4.0, "‰"),
        ("5岁以下儿童死亡率", 2030, "=", 4.5, "‰"),
        ("孕产妇死亡率", 2030, "=", 10, "1/10万"),
    ]
    assert {g.text for g in plan.goals[1:]} == {"分别下降到4.0‰、4.5‰、10/10万"}


def test_an_actions_targets_stay_on_the_action() -> None:
    plan = parse_text(PLAN)
    assert [t.value for t in plan.actions[0].targets] == [22, 30]
    assert all(g.indicator != "居民健康素养水平" for g in plan.goals)


def test_a_plan_without_overall_numbers_has_no_goals() -> None:
    assert parse_text("某某行动实施方案\n一、总体目标\n到2030年，健康水平显著提高。\n").goals == []
