"""Reads of imported plans, shared by the pages and the API.

What importing a plan would change is read in web.plans.preview (``plan_preview``), from the plan's
desired state in web.plans.desired.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from healthaction.plan import Plan
from web.accounts.scope import RegionScope
from web.plans.models import Action, ActionDepartment, Indicator, PlanDocument, Target
from web.regions.models import Region


def document_for(region: Region, title: str) -> PlanDocument | None:
    return PlanDocument.objects.filter(region=region, title=title).first()


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
