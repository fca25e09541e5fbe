"""A region without a plan of its own: the plans below it merged by action name, and the basis in words."""

from __future__ import annotations

from healthaction.plan import Action, Plan
from healthaction.reports.area import area_basis, merged_plan


def _plan(title: str, *names: str) -> Plan:
    return Plan(title=title, actions=[Action(seq=i, name=n) for i, n in enumerate(names, 1)])


def test_actions_are_merged_by_name_in_the_first_plans_order() -> None:
    merged = merged_plan(
        [
            _plan("健康平川行动实施方案", "健康知识普及行动", "控烟行动"),
            _plan("健康会宁行动实施方案", "控烟行动", "心理健康促进行动"),
        ]
    )
    assert [(a.seq, a.name) for a in merged.actions] == [
        (1, "健康知识普及行动"),
        (2, "控烟行动"),
        (3, "心理健康促进行动"),
    ]
    assert merged.title is None  # no county's title speaks for the city


def test_one_plan_is_itself() -> None:
    plan = _plan("健康平川行动实施方案", "控烟行动")
    assert merged_plan([plan]) is plan


def test_the_basis_names_the_plans_and_the_level() -> None:
    assert area_basis("白银市", ["健康平川行动实施方案", "健康会宁行动实施方案"], "县（区）") == (
        "本市未单独印发实施方案，以下依据《健康平川行动实施方案》《健康会宁行动实施方案》"
        "确定的专项行动和监测指标，按所辖各县（区）汇总报告。"
    )
