"""What importing a plan would create, change and delete (the import preview); writes nothing.

The plan's desired state (web.plans.desired) is compared with what the same document left last
time: re-importing the same document finds no difference; a revised one lists its differences before
anything is saved (the writes are ``web.plans.services.plan_import``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from django.utils.translation import gettext, gettext_noop, pgettext_lazy

from healthaction.ingest.coverage import summary as coverage_summary
from healthaction.plan import Plan
from web.organisation.models import Position
from web.organisation.selectors import DepartmentDirectory
from web.plans.desired import BaselineRow, DesiredState, TargetRow, desired_state, same_fields
from web.plans.models import ActionDepartment, Indicator, PlanDocument
from web.plans.selectors import document_for
from web.regions.models import Region

_Key = TypeVar("_Key", bound=tuple[object, ...])
_Row = TypeVar("_Row", TargetRow, BaselineRow)


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


def _fmt(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


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


def _diff(want: DesiredState, have: DesiredState) -> list[Change]:
    return [
        *_action_changes(want, have),
        *_indicator_changes(want, have),
        *_target_changes(want, have),
        *_baseline_changes(want, have),
        *_position_changes(want, have),
    ]


def _action_changes(want: DesiredState, have: DesiredState) -> list[Change]:
    changes: list[Change] = []
    for name, row in want.actions.items():
        if name not in have.actions:
            changes.append(Change("新增", "专项行动", name, new="、".join(row["lead"])))
        elif not same_fields(row, have.actions[name], ("seq", "lead", "cooperating")):
            old = have.actions[name]
            changes.append(Change("修改", "专项行动", name, "、".join(old["lead"]), "、".join(row["lead"])))
    changes += [Change("删除", "专项行动", name) for name in have.actions if name not in want.actions]
    return changes


def _indicator_changes(want: DesiredState, have: DesiredState) -> list[Change]:
    """Only new ones: the import never removes an indicator (its region keeps it and its values)."""
    return [
        Change("新增", "指标", name, new=row["unit"])
        for name, row in want.indicators.items()
        if name not in have.indicators
    ]


def _target_text(row: TargetRow) -> str:
    return f"{row['comparator']} {_fmt(row['value'])}{row['unit']}"


def _target_changes(want: DesiredState, have: DesiredState) -> list[Change]:
    return _row_changes(
        "目标", want.targets, have.targets, lambda k: f"{k[0]}（{k[1]}，{k[2]}年）", _target_text,
        ("comparator", "value", "unit", "text"),
    )  # fmt: skip


def _baseline_text(row: BaselineRow) -> str:
    return f"{row['year'] or ''}年 {_fmt(row['value'])}"


def _baseline_changes(want: DesiredState, have: DesiredState) -> list[Change]:
    return _row_changes(
        "基期", want.baselines, have.baselines, lambda k: f"{k[0]}（{k[1]}）", _baseline_text,
        ("year", "value", "text"),
    )  # fmt: skip


def _row_changes(
    what: str,
    want: Mapping[_Key, _Row],
    have: Mapping[_Key, _Row],
    label: Callable[[_Key], str],
    text: Callable[[_Row], str],
    fields: tuple[str, ...],
) -> list[Change]:
    """The rows of one kind the import adds, changes (one of ``fields`` differs) and deletes."""
    changes: list[Change] = []
    for key, row in want.items():
        if key not in have:
            changes.append(Change("新增", what, label(key), new=text(row)))
        elif not same_fields(row, have[key], fields):
            changes.append(Change("修改", what, label(key), text(have[key]), text(row)))
    changes += [Change("删除", what, label(key)) for key in have if key not in want]
    return changes


def _position_changes(want: DesiredState, have: DesiredState) -> list[Change]:
    """New and changed holders only: the import never removes a seat, so none is listed as removed."""
    changes: list[Change] = []
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
