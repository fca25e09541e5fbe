"""What a plan asks the database to hold, keyed by natural keys (its *desired state*).

The import preview (web.plans.preview) compares it with what the same document left last time; the
import (web.plans.services) writes it. Each kind of row is a TypedDict: 「目标 2022 ≥ 22%」 of
居民健康素养水平 for 平川区 is ``targets[("居民健康素养水平", "620403", 2022, "framework")]`` =
``{"comparator": ">=", "value": Decimal("22"), "unit": "%", "text": "…", "action": None}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NotRequired, TypedDict

from django.utils.translation import gettext

from healthaction.catalog import unit_to_show
from healthaction.numbers import YEARS, NumberRefused, check_amount, excerpt, plausibility
from healthaction.plan import Plan
from web.accounts.locale import refusal_message
from web.organisation.models import Body
from web.organisation.names import is_department_name
from web.plans.catalog_link import catalog_link_for
from web.plans.models import Indicator, Target
from web.regions.models import Region
from web.regions.selectors import region_by_name


class ActionRow(TypedDict):
    seq: int
    lead: list[str]  # department names as the plan writes them
    cooperating: list[str]


class IndicatorRow(TypedDict):
    unit: str
    actions: NotRequired[set[str]]  # the actions whose targets name it (the plan's side only)


class TargetRow(TypedDict):
    comparator: str
    value: Decimal | None
    unit: str
    text: str
    action: NotRequired[
        str | None
    ]  # the action that sets it; None for the framework's (the plan's side only)


class BaselineRow(TypedDict):
    year: int | None
    value: Decimal | None
    text: str


class PositionRow(TypedDict):
    holder: str
    seq: NotRequired[int]  # the plan's order of seats (the plan's side only)


TargetKey = tuple[str, str, int, str]  # indicator name, region code, year, source
PositionKey = tuple[str, str, str, str]  # body kind, body name, title, office (or "#<seq>")


# Target years an import accepts: a plan's milestones and baselines fall within these.
PLAN_YEARS = YEARS


@dataclass
class DesiredState:
    actions: dict[str, ActionRow] = field(default_factory=dict)
    indicators: dict[str, IndicatorRow] = field(default_factory=dict)
    targets: dict[TargetKey, TargetRow] = field(default_factory=dict)
    baselines: dict[tuple[str, str], BaselineRow] = field(default_factory=dict)  # indicator, region code
    positions: dict[PositionKey, PositionRow] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _scope_region(region: Region, scope: str | None, cache: dict[str, Region | None]) -> Region | None:
    if not scope or scope == region.name:
        return region
    if scope not in cache:
        cache[scope] = region_by_name(scope, within=region)
    return cache[scope]


def _same_indicators(plan: Plan, region: Region) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Names the catalog matches to one national entry, mapped to the one name they are stored under.

    A plan often names an indicator twice: the 考核指标框架 row 「城乡居民达到《国民体质测定标准》合格以上
    人数比例」 and an action's 「…合格以上的人数比例」. Both are one series: kept under the framework's name
    (the 考核's), else the name an earlier import stored, else the first written. Returns the mapping and
    (written, stored, national entry) for each name folded into another, for the preview.
    """
    stored: dict[str, str] = {}  # national entry → name of an indicator this region already has
    for name, catalog_name in Indicator.objects.filter(region=region).values_list("name", "catalog_name"):
        if catalog_name:
            stored.setdefault(catalog_name, name)
    written = [
        *(row.indicator for row in plan.framework),
        *(t.indicator for a in plan.actions for t in a.targets),
    ]
    chosen: dict[str, str] = {}
    canonical: dict[str, str] = {}
    merged: list[tuple[str, str, str]] = []
    for name in dict.fromkeys(written):
        entry = catalog_link_for(name).name
        if not entry:
            continue
        keep = chosen.setdefault(entry, stored.get(entry, name))  # framework names come first
        if keep != name:
            canonical[name] = keep
            merged.append((name, keep, entry))
    return canonical, merged


def desired_state(plan: Plan, region: Region) -> DesiredState:
    want = DesiredState()
    canonical, merged = _same_indicators(plan, region)
    place = _Place(region, canonical, {})
    for written, kept, entry in merged:
        want.warnings.append(
            gettext("「%(written)s」与「%(kept)s」是同一国家指标「%(entry)s」，合并为一个指标「%(kept)s」")
            % {"written": written, "kept": kept, "entry": entry}
        )

    for action in plan.actions:
        want.actions[action.name] = {
            "seq": action.seq,
            "lead": [n for n in action.lead_departments if is_department_name(n)],
            "cooperating": [n for n in action.cooperating_departments if is_department_name(n)],
        }
        for target in action.targets:
            _add_target(want, place, target.indicator, target, Target.Source.ACTION, action.name)
    for row in plan.framework:
        name = place.canonical.get(row.indicator, row.indicator)
        want.indicators.setdefault(name, {"unit": row.unit or "", "actions": set()})
        if row.unit:
            want.indicators[name]["unit"] = row.unit
        for target in row.targets:
            _add_target(want, place, name, target, Target.Source.FRAMEWORK, None)
        if row.baseline is not None and row.baseline.value is not None:
            want.baselines[(name, region.code)] = {
                "year": row.baseline.year,
                "value": _checked(
                    want, row.indicator, gettext("基期值"), row.baseline.value, row.unit, row.baseline.text
                ),
                "text": row.baseline.text[:100],
            }
    _settle_units(want)
    want.warnings += _target_conflicts(want)
    _add_positions(want, plan)
    return want


def _settle_units(want: DesiredState) -> None:
    """Each indicator in one unit its targets and values are shown in (healthaction.catalog's
    ``unit_to_show``): an empty label takes the catalog's unit, and a label the numbers contradict
    (婴儿死亡率（%）beside 7.5‰ and 5‰) the catalog's too, said in a warning; the numbers are kept."""
    for name, info in want.indicators.items():
        label = info["unit"] or None
        targets = [row for key, row in want.targets.items() if key[0] == name]
        values = [float(row["value"]) for row in targets if row["value"] is not None]
        values += [
            float(row["value"]) for key, row in want.baselines.items() if key[0] == name and row["value"]
        ]
        shown = unit_to_show(name, label, values)
        if not shown or shown == label:
            continue
        if label:
            want.warnings.append(
                gettext("%(indicator)s：单位「%(label)s」与目标值不符，按「%(unit)s」显示（数值未换算）")
                % {"indicator": name, "label": label, "unit": shown}
            )
        info["unit"] = shown
        for row in targets:
            if row["unit"] in ("", label):
                row["unit"] = shown


@dataclass
class _Place:
    """The region a plan is imported for, its indicators' one name each, regions named by scopes."""

    region: Region
    canonical: dict[str, str]
    scopes: dict[str, Region | None]


def _add_target(
    want: DesiredState,
    place: _Place,
    indicator: str,
    target: Any,
    source: str,
    action: str | None,
) -> None:
    """One target of the plan, for the region its scope names, once per indicator, year and source."""
    indicator = place.canonical.get(indicator, indicator)
    if target.year is None:
        want.warnings.append(
            gettext("%(indicator)s：目标「%(target)s」没有年份，未导入")
            % {"indicator": indicator, "target": target.text}
        )
        return
    target_region = _scope_region(place.region, target.scope, place.scopes)
    if target_region is None:
        want.warnings.append(
            gettext("%(indicator)s：找不到目标所属地区「%(scope)s」，未导入")
            % {"indicator": indicator, "scope": target.scope}
        )
        return
    if not PLAN_YEARS[0] <= target.year <= PLAN_YEARS[1]:
        want.warnings.append(
            gettext("%(indicator)s：目标「%(target)s」的年份%(year)s不在%(first)s—%(last)s年之间，未导入")
            % {
                "indicator": indicator,
                "target": excerpt(target.text, 40),
                "year": excerpt(str(target.year), 8),
                "first": PLAN_YEARS[0],
                "last": PLAN_YEARS[1],
            }
        )
        return
    known = want.indicators.get(indicator)
    unit = target.unit or (known["unit"] if known else "") or None
    key = (indicator, target_region.code, target.year, source)
    row: TargetRow = {
        "comparator": target.comparator,
        "value": _checked(want, indicator, gettext("目标"), target.value, unit, target.text),
        "unit": target.unit or "",
        "text": target.text[:300],
        "action": action,
    }
    if key in want.targets:
        if want.targets[key]["text"] != row["text"]:
            want.warnings.append(
                gettext("%(indicator)s：%(year)s年有多个目标，只导入第一个")
                % {"indicator": indicator, "year": target.year}
            )
        return
    want.targets[key] = row
    info = want.indicators.setdefault(indicator, {"unit": target.unit or "", "actions": set()})
    if not info["unit"] and target.unit:
        info["unit"] = target.unit
    if action:
        info["actions"].add(action)


def _checked(
    want: DesiredState, indicator: str, what: str, value: float | None, unit: str | None, text: str
) -> Decimal | None:
    """The one number rule on a plan's number: one the database cannot hold is left out, an
    impossible one (a 筛查率 of 102.76%) is kept as the plan says; both are flagged."""
    if value is None:
        return None
    try:
        number = check_amount(value, field=f"{indicator}的{what}")
    except NumberRefused as refused:
        want.warnings.append(gettext("%(problem)s，未导入该值") % {"problem": refusal_message(refused)})
        return None
    reason = plausibility(number, unit, name=indicator)
    if reason is not None:
        want.warnings.append(
            gettext("%(indicator)s：%(what)s「%(text)s」不合常理（%(reason)s），请核对原文")
            % {"indicator": indicator, "what": what, "text": excerpt(text, 40), "reason": reason}
        )
    return number


def _add_positions(want: DesiredState, plan: Plan) -> None:
    """The seats of the 推进委员会, its 办公室 and the 专项行动工作组, with who holds them."""
    for seq, member in enumerate(plan.committee):
        kind, title = (
            (Body.Kind.OFFICE, "主任") if member.role == "办公室主任" else (Body.Kind.COMMITTEE, member.role)
        )
        body = "办公室" if kind == Body.Kind.OFFICE else "推进委员会"
        key = (str(kind), body, title, member.position or f"#{seq}")
        want.positions[key] = {"holder": member.name, "seq": seq}
    for group in plan.working_groups:
        body = f"{group.action_name}工作组"
        people = [("组长", group.leader)] if group.leader else []
        people += [("成员", m) for m in group.members]
        for seq, (title, person) in enumerate(people):
            if person is None:
                continue
            key = (str(Body.Kind.WORKING_GROUP), body, title, person.position or f"#{seq}")
            want.positions[key] = {"holder": person.name, "seq": seq}


def _target_conflicts(want: DesiredState) -> list[str]:
    """One indicator, one year, two different targets (the framework's and an action's): said in the
    preview; the framework's is the one evaluated (web.monitoring.evaluation)."""
    conflicts: list[str] = []
    for (indicator, code, year, source), row in want.targets.items():
        if source != Target.Source.ACTION:
            continue
        other = want.targets.get((indicator, code, year, Target.Source.FRAMEWORK))
        if other is None or same_fields(row, other, ("comparator", "value")):
            continue
        conflicts.append(
            gettext(
                "%(indicator)s：%(year)s年目标不一致，指标框架为「%(framework)s」，专项行动为「%(action)s」，"
                "以指标框架为准"
            )
            % {"indicator": indicator, "year": year, "framework": other["text"], "action": row["text"]}
        )
    return conflicts


def same_fields(a: Mapping[str, object], b: Mapping[str, object], fields: tuple[str, ...]) -> bool:
    """The two rows agree on ``fields``: 22 and 22.0 are one value, a list and a tuple one list."""

    def norm(v: object) -> object:
        if isinstance(v, Decimal):
            return v.normalize()
        if isinstance(v, list):
            return tuple(v)
        return v

    return all(norm(a.get(f)) == norm(b.get(f)) for f in fields)
