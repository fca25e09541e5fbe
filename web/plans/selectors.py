"""Reads of imported plans, shared by the pages and the API; and what importing a plan would change.

The import preview turns a plan into a *desired state* keyed by natural keys (action name; indicator,
region, year; …) and compares it with what the same document left last time: re-importing the same
document finds no difference; a revised one lists its differences before anything is saved
(`plan_preview`; the writes are `web.plans.services.plan_import`).
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_noop, pgettext_lazy

from healthaction.catalog import unit_to_show
from healthaction.ingest.coverage import summary as coverage_summary
from healthaction.numbers import YEARS, NumberRefused, check_amount, excerpt, plausibility
from healthaction.plan import Plan
from web.accounts.locale import refusal_message
from web.accounts.scope import RegionScope
from web.organisation.models import Body, Position
from web.organisation.names import is_department_name
from web.organisation.selectors import DepartmentDirectory
from web.plans.catalog_link import catalog_link_for
from web.plans.models import Action, ActionDepartment, Indicator, PlanDocument, Target
from web.regions.models import Region
from web.regions.selectors import region_by_name

Row = dict[str, Any]


@dataclass(frozen=True)
class Change:
    kind: str  # 新增 | 修改 | 删除
    entity: str  # 专项行动 | 指标 | 目标 | 基期 | 职位
    label: str
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class DepartmentName:
    written: str
    department: str | None  # the registry's name when resolved
    suggestion: str | None = None  # unsure: the import asks
    suggestion_id: int | None = None


# A change's kind and entity stay Chinese in the preview data; these marks put them in the translation
# catalogue so the preview page shows them in the reader's language.
CHANGE_WORDS = (
    gettext_noop("新增"),
    gettext_noop("修改"),
    gettext_noop("删除"),
    gettext_noop("专项行动"),
    gettext_noop("指标"),
    gettext_noop("目标"),
    gettext_noop("基期"),
    gettext_noop("职位"),
)
# How many of each: "指标 · 新增：3" reads "Indicator, added: 3".
COUNT_KINDS = {
    "新增": pgettext_lazy("导入变化数", "新增"),
    "修改": pgettext_lazy("导入变化数", "修改"),
    "删除": pgettext_lazy("导入变化数", "删除"),
}


@dataclass
class ImportPreview:
    title: str
    region: Region
    sha256: str
    already_imported: bool
    changes: list[Change] = field(default_factory=list)
    departments: list[DepartmentName] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coverage: str = ""  # how much of the document the parse read, as `healthaction parse` says it

    @property
    def unsure(self) -> list[DepartmentName]:
        return [d for d in self.departments if d.department is None and d.suggestion is not None]

    @property
    def new_departments(self) -> list[DepartmentName]:
        return [d for d in self.departments if d.department is None and d.suggestion is None]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[f"{change.kind}{change.entity}"] = counts.get(f"{change.kind}{change.entity}", 0) + 1
        return counts

    def count_lines(self) -> list[str]:
        """The counts as the preview page shows them, in the reader's language: 新增指标：3."""
        counts: dict[tuple[str, str], int] = {}
        for change in self.changes:
            counts[(change.kind, change.entity)] = counts.get((change.kind, change.entity), 0) + 1
        return [
            gettext("%(kind)s%(entity)s：%(count)d")
            % {"kind": COUNT_KINDS.get(kind, kind), "entity": gettext(entity), "count": count}
            for (kind, entity), count in counts.items()
        ]


# Target years an import accepts: a plan's milestones and baselines fall within these.
PLAN_YEARS = YEARS


def _fmt(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


@dataclass
class DesiredState:
    actions: dict[str, Row] = field(default_factory=dict)
    indicators: dict[str, Row] = field(default_factory=dict)
    targets: dict[tuple[str, str, int, str], Row] = field(default_factory=dict)
    baselines: dict[tuple[str, str], Row] = field(default_factory=dict)
    positions: dict[tuple[str, str, str, str], Row] = field(default_factory=dict)
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
    unit = target.unit or want.indicators.get(indicator, {}).get("unit") or None
    key = (indicator, target_region.code, target.year, source)
    row = {
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
        if other is None or _same(row, other, ("comparator", "value")):
            continue
        conflicts.append(
            gettext(
                "%(indicator)s：%(year)s年目标不一致，指标框架为「%(framework)s」，专项行动为「%(action)s」，"
                "以指标框架为准"
            )
            % {"indicator": indicator, "year": year, "framework": other["text"], "action": row["text"]}
        )
    return conflicts


def _current(document: PlanDocument | None, region: Region) -> DesiredState:
    have = DesiredState()
    if document is None:
        return have
    for action in document.actions.prefetch_related("department_roles"):
        roles = list(action.department_roles.all())
        have.actions[action.name] = {
            "seq": action.seq,
            "lead": [r.written_as for r in roles if r.role == ActionDepartment.Role.LEAD],
            "cooperating": [r.written_as for r in roles if r.role == ActionDepartment.Role.COOPERATING],
        }
    for target in document.targets.select_related("indicator", "region"):
        have.targets[(target.indicator.name, target.region.code, target.year, target.source)] = {
            "comparator": target.comparator,
            "value": target.value,
            "unit": target.unit,
            "text": target.text,
        }
    for baseline in document.baselines.select_related("indicator", "region"):
        have.baselines[(baseline.indicator.name, baseline.region.code)] = {
            "year": baseline.year,
            "value": baseline.value,
            "text": baseline.text,
        }
    for indicator in Indicator.objects.filter(region=region):
        have.indicators[indicator.name] = {"unit": indicator.unit}
    for position in Position.objects.filter(body__region=region).select_related("body"):
        current = position.holdings.filter(ended_on__isnull=True).select_related("person").first()
        key = (position.body.kind, position.body.name, position.title, position.office)
        have.positions[key] = {"holder": current.person.name if current else ""}
    return have


def _same(a: Row, b: Row, fields: tuple[str, ...]) -> bool:
    def norm(v: Any) -> Any:
        if isinstance(v, Decimal):
            return v.normalize()
        if isinstance(v, list):
            return tuple(v)
        return v

    return all(norm(a.get(f)) == norm(b.get(f)) for f in fields)


def _diff(want: DesiredState, have: DesiredState) -> list[Change]:
    changes: list[Change] = []
    for name, row in want.actions.items():
        if name not in have.actions:
            changes.append(Change("新增", "专项行动", name, new="、".join(row["lead"])))
        elif not _same(row, have.actions[name], ("seq", "lead", "cooperating")):
            old = have.actions[name]
            changes.append(Change("修改", "专项行动", name, "、".join(old["lead"]), "、".join(row["lead"])))
    changes += [Change("删除", "专项行动", name) for name in have.actions if name not in want.actions]
    for name, row in want.indicators.items():
        if name not in have.indicators:
            changes.append(Change("新增", "指标", name, new=row["unit"]))
    for key, row in want.targets.items():
        label = f"{key[0]}（{key[1]}，{key[2]}年）"
        new = f"{row['comparator']} {_fmt(row['value'])}{row['unit']}"
        if key not in have.targets:
            changes.append(Change("新增", "目标", label, new=new))
        elif not _same(row, have.targets[key], ("comparator", "value", "unit", "text")):
            old = have.targets[key]
            changes.append(
                Change("修改", "目标", label, f"{old['comparator']} {_fmt(old['value'])}{old['unit']}", new)
            )
    changes += [
        Change("删除", "目标", f"{k[0]}（{k[1]}，{k[2]}年）") for k in have.targets if k not in want.targets
    ]
    for base_key, row in want.baselines.items():
        label = f"{base_key[0]}（{base_key[1]}）"
        new = f"{row['year'] or ''}年 {_fmt(row['value'])}"
        if base_key not in have.baselines:
            changes.append(Change("新增", "基期", label, new=new))
        elif not _same(row, have.baselines[base_key], ("year", "value", "text")):
            old = have.baselines[base_key]
            changes.append(Change("修改", "基期", label, f"{old['year'] or ''}年 {_fmt(old['value'])}", new))
    changes += [
        Change("删除", "基期", f"{k[0]}（{k[1]}）") for k in have.baselines if k not in want.baselines
    ]
    for seat, row in want.positions.items():
        label = f"{seat[1]}{seat[2]}（{seat[3]}）" if not seat[3].startswith("#") else f"{seat[1]}{seat[2]}"
        if seat not in have.positions:
            changes.append(Change("新增", "职位", label, new=row["holder"]))
        elif have.positions[seat]["holder"] != row["holder"]:
            changes.append(Change("修改", "职位", label, have.positions[seat]["holder"], row["holder"]))
    return changes


def _department_names(want: DesiredState, region: Region) -> list[DepartmentName]:
    directory = DepartmentDirectory(region)
    seen: dict[str, DepartmentName] = {}
    for row in want.actions.values():
        for name in [*row["lead"], *row["cooperating"]]:
            if name in seen:
                continue
            resolution = directory.resolve(name)
            if resolution.department is not None:
                seen[name] = DepartmentName(name, resolution.department.name)
            elif resolution.suggestion is not None:
                s = resolution.suggestion
                seen[name] = DepartmentName(name, None, s.name, s.pk)
            else:
                canonical = directory.canonical_new_name(name)
                seen[name] = DepartmentName(name, None if canonical == name else canonical)
    return list(seen.values())


def document_for(region: Region, title: str) -> PlanDocument | None:
    return PlanDocument.objects.filter(region=region, title=title).first()


def _title(plan: Plan, file_name: str) -> str:
    return plan.title or file_name.rsplit(".", 1)[0]


def plan_preview(*, plan: Plan, region: Region, content: bytes, file_name: str) -> ImportPreview:
    """What importing ``plan`` for ``region`` would create, change and delete; writes nothing."""
    sha = hashlib.sha256(content).hexdigest()
    title = _title(plan, file_name)
    document = document_for(region, title)
    want = desired_state(plan, region)
    preview = ImportPreview(
        title=title,
        region=region,
        sha256=sha,
        already_imported=document is not None and document.sha256 == sha,
        changes=_diff(want, _current(document, region)),
        departments=_department_names(want, region),
        warnings=[*plan.warnings, *want.warnings],
        coverage=coverage_summary(plan),
    )
    if plan.region and plan.region not in (region.name, region.full_name):
        preview.warnings.insert(
            0,
            gettext("文件写的地区是「%(written)s」，导入到「%(region)s」")
            % {"written": plan.region, "region": region.name},
        )
    return preview


def issued_on(plan: Plan) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(plan.issued_date) if plan.issued_date else None
    except ValueError:
        return None


def plans_within(scope: RegionScope) -> QuerySet[PlanDocument]:
    """The plans imported for the user's region and the regions below it."""
    return scope.within(PlanDocument.objects.select_related("region").order_by("region__code", "title"))


def plan_document(pk: int) -> PlanDocument | None:
    return PlanDocument.objects.select_related("region").filter(pk=pk).first()


def plan_actions(document: PlanDocument) -> QuerySet[Action]:
    """The plan's actions in document order, with their departments and indicators at hand."""
    return document.actions.prefetch_related("department_roles__department", "indicators").order_by("seq")


def departments_by_action(document: PlanDocument) -> dict[int, dict[str, list[str]]]:
    """action id → role (lead/cooperating) → department names, in the order the plan names them."""
    roles = ActionDepartment.objects.filter(action__document=document).select_related("department")
    by_action: dict[int, dict[str, list[str]]] = {}
    for role in roles.order_by("pk"):
        by_action.setdefault(role.action_id, {}).setdefault(role.role, []).append(role.department.name)
    return by_action


def plan_targets(document: PlanDocument) -> QuerySet[Target]:
    return document.targets.select_related("indicator", "region").order_by("indicator__name", "year")


def targets_applying(region_codes: list[str], indicators: QuerySet[Indicator]) -> QuerySet[Target]:
    """The targets of these indicators set by the plans of the given regions (a region and those above)."""
    return (
        Target.objects.filter(region__code__in=region_codes, indicator__in=indicators)
        .select_related("indicator", "region")
        .order_by("indicator__name", "region__code", "year")
    )
