"""Plans and their targets, within the caller's region subtree."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Query, Router

from web.accounts.scope import region_for_user, region_scope_for
from web.api.schemas import ERRORS, ActionOut, PlanDetailOut, PlanOut, RegionRef, TargetOut
from web.monitoring.selectors import indicators_for, lineage_codes
from web.plans.models import ActionDepartment, PlanDocument, Target
from web.plans.selectors import (
    departments_by_action,
    plan_actions,
    plan_document,
    plan_targets,
    plans_within,
    targets_applying,
)
from web.regions.models import Region

router = Router(tags=["规划与目标"])


def _region(region: Region) -> RegionRef:
    return RegionRef(code=region.code, name=region.name)


def _plan(document: PlanDocument) -> PlanOut:
    return PlanOut(
        id=document.pk,
        title=document.title,
        doc_number=document.doc_number,
        issuer=document.issuer,
        issued_on=document.issued_on,
        region=_region(document.region),
        imported_at=document.imported_at,
    )


def _target(target: Target) -> TargetOut:
    return TargetOut(
        indicator_id=target.indicator_id,
        indicator=target.indicator.name,
        region=_region(target.region),
        year=target.year,
        comparator=target.comparator,
        value=target.value,
        unit=target.unit,
        text=target.text,
        source=target.get_source_display(),
    )


@router.get("/plans", response={200: list[PlanOut], **ERRORS}, summary="规划文件列表")
def plan_list(request: HttpRequest) -> list[PlanOut]:
    """您权限范围内（所在地区及下级地区）导入的规划文件。"""
    scope = region_scope_for(request.user)
    return [_plan(d) for d in plans_within(scope)]


@router.get("/plans/{plan_id}", response={200: PlanDetailOut, **ERRORS}, summary="规划文件详情")
def plan_detail(request: HttpRequest, plan_id: int) -> PlanDetailOut:
    """一份规划：专项行动（牵头、配合部门，指标）与全部目标值。"""
    document = plan_document(plan_id)
    if document is None:
        raise Http404("没有这份规划文件")
    region_for_user(request.user, document.region.code)
    by_action = departments_by_action(document)
    actions = [
        ActionOut(
            seq=action.seq,
            name=action.name,
            lead_departments=by_action.get(action.pk, {}).get(ActionDepartment.Role.LEAD, []),
            cooperating_departments=by_action.get(action.pk, {}).get(ActionDepartment.Role.COOPERATING, []),
            indicators=[i.name for i in action.indicators.all()],
        )
        for action in plan_actions(document)
    ]
    return PlanDetailOut(
        **_plan(document).model_dump(), actions=actions, targets=[_target(t) for t in plan_targets(document)]
    )


@router.get("/regions/{code}/targets", response={200: list[TargetOut], **ERRORS}, summary="地区的目标值")
def region_targets(
    request: HttpRequest, code: str, indicator_id: Query[int | None] = None
) -> list[TargetOut]:
    """适用于该地区的目标值：本地区规划的目标和上级地区（如市级）规划的目标。可按指标编号筛选。"""
    region = region_for_user(request.user, code)
    indicators = indicators_for(region)
    if indicator_id is not None:
        if not indicators.filter(pk=indicator_id).exists():
            raise Http404("这个地区没有该指标")
        indicators = indicators.filter(pk=indicator_id)
    return [_target(t) for t in targets_applying(lineage_codes(region), indicators)]
