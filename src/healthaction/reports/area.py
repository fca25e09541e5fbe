"""A report of an area: a region without a plan of its own reports on the regions below it.

A city that never issued its own 实施方案 still owes a 总体监测评估报告 and 专题报告 for its area.
The plans in its subtree (its counties') give the actions and indicators; each subordinate region
is evaluated against its own (or inherited) targets and becomes one *part*; the report says
plainly that it is drawn from those plans and reports per county.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from healthaction.catalog.names import normalise_name
from healthaction.plan import Action, Plan
from healthaction.reports.collect import campaign_name, choose_action
from healthaction.reports.errors import ReportError
from healthaction.reports.model import ActionResult, Kind, ReportData


def merged_plan(plans: Sequence[Plan]) -> Plan:
    """The plans' actions by name, in the first plan's order (a later plan's new action is appended),
    and the first framework found; a single plan is itself."""
    if not plans:
        return Plan()
    if len(plans) == 1:
        return plans[0]
    actions: list[Action] = []
    seen: set[str] = set()
    for plan in plans:
        for action in plan.actions:
            key = normalise_name(action.name)
            if key in seen:
                continue
            seen.add(key)
            actions.append(action.model_copy(update={"seq": len(actions) + 1}))
    framework = next((p.framework for p in plans if p.framework), [])
    return plans[0].model_copy(update={"actions": actions, "framework": framework, "title": None})


def area_basis(region: str, titles: Sequence[str], level: str) -> str:
    """本市未单独印发实施方案，以下依据《健康平川行动实施方案》确定的……按所辖各县（区）汇总报告。"""
    named = (
        "".join(f"《{t}》" for t in titles if t) or "所辖地区的实施方案"
    )  # 《甲》《乙》: no 顿号 (GB/T 15834)
    own = f"本{region[-1]}" if region[-1:] in ("市", "县", "区", "州", "旗", "省") else region
    return f"{own}未单独印发实施方案，以下依据{named}确定的专项行动和监测指标，按所辖各{level}汇总报告。"


def area_report_data(
    kind: Kind,
    *,
    region: str,
    year: int,
    parts: Sequence[ReportData],
    basis: str,
    own: ReportData | None = None,
    action: str | int | None = None,
    issuer: str | None = None,
    date: dt.date | None = None,
) -> ReportData:
    """The ``overall`` or ``action`` report of ``region`` from its parts (``overall`` data of each region
    below, built against one merged plan); ``own``: the region's own series, when it has targets."""
    if kind == "assessment":
        raise ReportError("考核结果通报按已发布的考核结果生成，不按地区汇总")
    if not parts:
        raise ReportError(f"{region}所辖地区都没有可评估的指标，无法生成报告")
    campaign = campaign_name(Plan(), region)
    chosen = None
    if kind == "action":
        chosen = choose_action(parts[0].actions, action)
        parts = [
            _with_action(
                p, next(a for a in p.actions if normalise_name(a.name) == normalise_name(chosen.name))
            )
            for p in parts
        ]
        chosen = ActionResult(chosen.seq, chosen.name, (), (), ())
    return ReportData(
        kind=kind,
        year=year,
        region=region,
        campaign=campaign,
        issuer=issuer or f"{campaign}推进委员会办公室",
        date=date or dt.datetime.now(dt.UTC).astimezone().date(),
        indicators=own.indicators if own is not None else (),
        actions=(),
        action=chosen,
        has_previous=any(p.has_previous for p in parts),
        basis=basis,
        parts=tuple(parts),
        quality=_one_note_per_indicator([own, *parts] if own is not None else parts),
    )


def _one_note_per_indicator(sources: Sequence[ReportData]) -> tuple[str, ...]:
    """The 数据质量说明 of the parts, one per indicator (every county repeats the plan's unit label)."""
    notes: dict[str, str] = {}
    for source in sources:
        for note in source.quality:
            # a unit label is the plan's, the same in every county: said once
            notes.setdefault(note.split("：", 1)[0] if "标注单位" in note else note, note)
    return tuple(notes.values())


def _with_action(part: ReportData, action: ActionResult) -> ReportData:
    return replace(part, kind="action", action=action)
