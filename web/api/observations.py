"""Observations: a filtered list within the caller's scope; submission through the entry form's service."""

# No `from __future__ import annotations`: ninja reads the Query[...] parameters at run time.
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from web.accounts.scope import Need, region_for_user, region_scope_for, signed_in_user
from web.api.pagination import BoundedLimitOffset
from web.api.schemas import ERRORS, ErrorOut, ObservationIn, ObservationOut
from web.monitoring.models import Observation
from web.monitoring.selectors import indicators_for, observation_shown, observations_listed, open_round
from web.monitoring.services import ConflictError, ObservationError, ValueRefusedError, observation_save

router = Router(tags=["监测值"])


@router.get(
    "/observations",
    response={200: list[ObservationOut], **ERRORS},
    summary="监测值列表",
)
@paginate(BoundedLimitOffset)
def observation_list(
    request: HttpRequest,
    region: Query[str | None] = None,
    indicator_id: Query[int | None] = None,
    year: Query[int | None] = None,
    state: Query[Observation.State | None] = None,
    subtree: Query[bool] = True,
) -> QuerySet[Observation]:
    """您权限范围内的监测值。`region` 为行政区划代码（默认为您所在的地区）；`subtree` 为 true 时包括下级地区。
    可按指标编号、年份、状态筛选；用 `limit`、`offset` 分页。演示数据的 `is_demo` 为 true。"""
    place = region_for_user(request.user, region) if region is not None else None
    return observations_listed(
        scope=region_scope_for(request.user),
        place=place,
        subtree=subtree,
        indicator_id=indicator_id,
        year=year,
        state=state,
    )


@router.post(
    "/observations",
    response={200: ObservationOut, 400: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="填报监测值（保存草稿或提交）",
)
def observation_submit(request: HttpRequest, payload: ObservationIn) -> Status[Observation | dict[str, Any]]:
    """与网页填报表单相同：只能填报开放中的轮次、您有权填报的地区和指标（部门填报员只能填本部门的指标）；
    与上年相比变化异常时须在 `comment` 说明原因（否则 400）；已提交的值只有审核人能改，
    已审核的值不能直接修改（须先退回）；
    `version` 与库中不一致时返回 409，什么也不保存；数值不是有限数、整数部分超过12位、小数超过6位
    或在指标单位下不可能（如百分比超出0–100、死亡率为负）时返回 422，什么也不保存。"""
    place = region_for_user(request.user, payload.region, Need.ENTER)
    scope = region_scope_for(request.user)
    indicator = indicators_for(place).filter(pk=payload.indicator_id).first()
    if indicator is None:
        raise Http404("这个地区没有该指标")
    if not scope.may_enter(place, indicator):
        raise PermissionDenied("不能填报其他部门的指标")
    if open_round(place, payload.year, timezone.localdate()) is None:
        raise PermissionDenied(f"{payload.year}年的填报未开放或已截止")
    try:
        observation = observation_save(
            region=place,
            indicator=indicator,
            year=payload.year,
            value=payload.value,
            comment=payload.comment,
            user=signed_in_user(request.user),
            version=payload.version,
            submit=payload.submit,
            department=scope.department,
            reviewer=scope.may(Need.REVIEW),
        )
    except ConflictError as exc:
        return Status(409, {"detail": str(exc)})
    except ValueRefusedError as exc:  # the one number rule: the same 422 as a malformed body
        detail = str(exc)
        return Status(
            422,
            {
                "detail": detail,
                "errors": [{"loc": ["body", "payload", "value"], "type": "value_refused", "msg": detail}],
            },
        )
    except ObservationError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(200, observation_shown(observation.pk))
