"""Importing a parsed plan in one transaction: what the preview (web.plans.preview) lists, written.

The plan is turned into a *desired state* keyed by natural keys (action name; indicator, region,
year; …), compared with what the same document left last time. Re-importing the same document
finds no difference and writes nothing; a revised one lists its differences before anything is saved.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from healthaction.plan import Plan
from web.organisation.models import Department
from web.organisation.services import (
    body_get_or_create,
    department_alias_add,
    department_create,
    holding_change,
    position_get_or_create,
)
from web.plans.catalog_link import catalog_link_for
from web.plans.desired import DesiredState, desired_state
from web.plans.models import Action, ActionDepartment, Baseline, Indicator, PlanDocument, Target
from web.plans.preview import ImportPreview, plan_preview
from web.plans.selectors import document_for, issued_on
from web.plans.signals import plan_imported
from web.regions.models import Region


@transaction.atomic
def plan_import(
    *,
    plan: Plan,
    region: Region,
    content: bytes,
    file_name: str,
    user: Any = None,
    choices: dict[str, int | None] | None = None,
) -> ImportPreview:
    """Import ``plan`` for ``region``. ``choices`` settles unsure department names (written name →
    department id, or None for a new department); unsettled ones take the suggestion.

    Returns the preview it applied; nothing is written when it lists no change.
    """
    preview = plan_preview(plan=plan, region=region, content=content, file_name=file_name)
    if not preview.changes and preview.already_imported:
        return preview
    want = desired_state(plan, region)
    choices = choices or {}
    document = document_for(region, preview.title)
    if document is None:
        document = PlanDocument(region=region, title=preview.title)
    document.doc_number = plan.doc_number or ""
    document.issuer = plan.issuer or ""
    document.issued_on = issued_on(plan)
    document.file_name = file_name
    document.sha256 = preview.sha256
    document.parsed = plan.model_dump(mode="json")
    document.imported_by = user if getattr(user, "pk", None) else None
    document.file.save(file_name, ContentFile(content), save=False)
    document.save()

    departments = _apply_departments(preview, region, choices)
    _apply_actions(document, region, want, departments)
    indicators = _apply_indicators(region, want, document)
    _apply_targets(document, want, indicators)
    _apply_positions(region, want, issued_on(plan) or timezone.localdate())
    plan_imported.send(sender=PlanDocument, document=document)
    return preview


def _apply_departments(
    preview: ImportPreview, region: Region, choices: dict[str, int | None]
) -> dict[str, Department]:
    by_name: dict[str, Department] = {}
    registry = {d.name: d for d in Department.objects.filter(region=region)}
    for entry in preview.departments:
        department: Department | None = None
        if entry.department is not None:
            department = registry.get(entry.department) or by_name.get(entry.department)
        elif entry.suggestion is not None:
            chosen = choices.get(entry.written, entry.suggestion_id)
            department = Department.objects.filter(pk=chosen, region=region).first() if chosen else None
        if department is None:
            department = registry.get(entry.written) or department_create(region=region, name=entry.written)
            registry[department.name] = department
        department_alias_add(department=department, alias=entry.written)
        by_name[entry.written] = department
    return by_name


def _apply_actions(
    document: PlanDocument, region: Region, want: DesiredState, departments: dict[str, Department]
) -> None:
    document.actions.exclude(name__in=list(want.actions)).delete()
    for name, row in want.actions.items():
        action, _ = Action.objects.update_or_create(
            document=document, name=name, defaults={"seq": row["seq"], "region": region}
        )
        action.department_roles.all().delete()
        for role, names in (
            (ActionDepartment.Role.LEAD, row["lead"]),
            (ActionDepartment.Role.COOPERATING, row["cooperating"]),
        ):
            for written in names:
                ActionDepartment.objects.get_or_create(
                    action=action,
                    department=departments[written],
                    role=role,
                    defaults={"written_as": written},
                )


def _apply_indicators(region: Region, want: DesiredState, document: PlanDocument) -> dict[str, Indicator]:
    indicators = {i.name: i for i in Indicator.objects.filter(region=region)}
    actions = {a.name: a for a in document.actions.prefetch_related("department_roles__department")}
    for name, row in want.indicators.items():
        indicator = indicators.get(name)
        if indicator is None:
            link = catalog_link_for(name)
            indicator = Indicator.objects.create(
                region=region, name=name, unit=row["unit"], catalog_name=link.name, polarity=link.polarity
            )
            indicators[name] = indicator
        for action_name in row["actions"]:
            action = actions[action_name]
            indicator.actions.add(action)
            leads = [
                r.department for r in action.department_roles.all() if r.role == ActionDepartment.Role.LEAD
            ]
            indicator.owners.add(*leads)
    return indicators


def _apply_targets(document: PlanDocument, want: DesiredState, indicators: dict[str, Indicator]) -> None:
    regions = {
        r.code: r
        for r in Region.objects.filter(code__in={k[1] for k in want.targets} | {k[1] for k in want.baselines})
    }
    keep: set[int] = set()
    for (indicator, code, year, source), row in want.targets.items():
        target, _ = Target.objects.update_or_create(
            document=document,
            indicator=indicators[indicator],
            region=regions[code],
            year=year,
            source=source,
            defaults={
                "comparator": row["comparator"],
                "value": row["value"],
                "unit": row["unit"],
                "text": row["text"],
            },
        )
        keep.add(target.pk)
    document.targets.exclude(pk__in=keep).delete()
    keep = set()
    for (indicator, code), base in want.baselines.items():
        baseline, _ = Baseline.objects.update_or_create(
            indicator=indicators[indicator], region=regions[code], defaults={**base, "document": document}
        )
        keep.add(baseline.pk)
    document.baselines.exclude(pk__in=keep).delete()


def _apply_positions(region: Region, want: DesiredState, day: datetime.date) -> None:
    for (kind, body_name, title, office), row in want.positions.items():
        body = body_get_or_create(region=region, kind=kind, name=body_name)
        position = position_get_or_create(body=body, title=title, office=office, seq=row["seq"])
        holding_change(position=position, person_name=row["holder"], day=day, note="据规划文件导入")
