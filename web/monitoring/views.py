"""Monitoring pages besides entry (entry_views) and the workbook (workbook_views): the reporting rounds,
the 审核 queue, one value's decision and history, evidence downloads."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from web.accounts.scope import Need, region_for_user, region_scope_for, signed_in_user
from web.monitoring.forms import (
    RoundExtendForm,
    RoundForm,
    batch_review,
    one_decision,
)
from web.monitoring.models import Evidence, Observation, ReportingRound
from web.monitoring.selectors import (
    review_queue,
    rounds_of,
    rounds_open_for,
)
from web.monitoring.services import (
    ObservationError,
    observation_approve,
    observation_return,
    round_extend,
    round_open,
)
from web.parameters import optional_id, optional_year
from web.regions.models import Region


def _today() -> datetime.date:
    return timezone.localdate()


@login_required
def rounds(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    return _rounds_page(request, region, RoundForm(today=_today()))


def _rounds_page(request: HttpRequest, region: Region, form: RoundForm, status: int = 200) -> HttpResponse:
    can_manage = region_scope_for(request.user).may(Need.MANAGE)
    today = _today()
    return render(
        request,
        "monitoring/rounds.html",
        {
            "region": region,
            "rounds": rounds_open_for(region, today),
            # The office opens and extends its own region's rounds here (before: only in /admin/).
            "can_manage": can_manage,
            "own_rounds": rounds_of(region) if can_manage else [],  # read only for whom it is shown
            "today": today,
            "form": form,
        },
        status=status,
    )


@login_required
def review(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    flag = request.GET.get("flag", "")
    queue = review_queue(
        region,
        department=optional_id(request.GET, "department", gettext("部门")),
        indicator=optional_id(request.GET, "indicator", gettext("指标")),
        flag=flag if flag in ("flagged", "plain") else "",
        year=optional_year(request.GET),
    )
    return render(
        request,
        "monitoring/review.html",
        {
            "region": region,
            "queue": queue,
            "year": optional_year(request.GET),
            "filters": request.GET,
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def review_batch(request: HttpRequest, code: str) -> HttpResponse:
    """通过 or 退回 the ticked rows (or the one row whose button was pressed), each through the approval
    service with its own version check: a row that fails (changed meanwhile, no reason to return it)
    does not stop the others, and the message counts both."""
    region = region_for_user(request.user, code, Need.REVIEW)
    posted = batch_review(request.POST)
    if posted.decision is None or not posted.picked:
        messages.error(request, gettext("请先勾选要审核的行，再点「通过所选」或「退回所选」"))
        return redirect(_back(code, posted.query))
    observations = Observation.objects.select_related("region", "indicator").filter(
        pk__in=posted.picked, region__path__startswith=region.path
    )
    user = signed_in_user(request.user)
    done = 0
    failed: list[str] = []
    for observation in observations:
        picked = posted.picked[observation.pk]
        try:
            if posted.decision == "approve":
                observation_approve(
                    observation=observation, user=user, version=picked.version, comment=picked.comment
                )
            else:
                observation_return(
                    observation=observation, user=user, version=picked.version, comment=picked.comment
                )
            done += 1
        except ObservationError as exc:
            failed.append(f"{_what(observation)}：{exc}")
    word = gettext("已通过%(count)s项") if posted.decision == "approve" else gettext("已退回%(count)s项")
    if done:
        messages.success(request, word % {"count": done})
    if failed:
        messages.error(
            request,
            gettext("%(count)s项未能处理：%(reasons)s")
            % {"count": len(failed), "reasons": "；".join(failed)},
        )
    return redirect(_back(code, posted.query))


def _back(code: str, query: str) -> str:
    url = reverse("review", args=[code])
    return f"{url}?{query}" if query else url


def _what(observation: Observation) -> str:
    return f"{observation.region.name}「{observation.indicator.name}」"


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    observation = get_object_or_404(Observation.objects.select_related("region", "indicator"), pk=pk)
    region_for_user(request.user, observation.region.code, Need.REVIEW)
    posted = one_decision(request.POST)
    version, comment = posted.version, posted.comment
    # Where to go afterwards is checked before anything is written: a bad ``back`` is a 400 and
    # the decision is not taken (it used to be committed, then the redirect failed with a 500).
    back_code = posted.back or observation.region.code
    if not Region.objects.filter(code=back_code).exists():
        raise BadRequest(gettext("返回的地区代码「%(code)s」有误，未执行审核") % {"code": back_code[:20]})
    back = region_for_user(request.user, back_code, Need.REVIEW)
    try:
        if posted.approve:
            observation_approve(
                observation=observation, user=signed_in_user(request.user), version=version, comment=comment
            )
            messages.success(request, gettext("已审核通过：%(what)s") % {"what": _what(observation)})
        else:
            observation_return(
                observation=observation, user=signed_in_user(request.user), version=version, comment=comment
            )
            messages.success(request, gettext("已退回：%(what)s") % {"what": _what(observation)})
    except ObservationError as exc:
        messages.error(request, str(exc))
    return redirect("review", code=back.code)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    observation = get_object_or_404(Observation.objects.select_related("region", "indicator"), pk=pk)
    region_for_user(request.user, observation.region.code)
    changes = observation.changes.select_related("user")
    scope = region_scope_for(request.user)
    may_return = observation.state == Observation.State.APPROVED and scope.may(Need.REVIEW)
    return render(
        request,
        "monitoring/history.html",
        {"observation": observation, "changes": changes, "may_return": may_return},
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(Evidence.objects.select_related("observation__region"), pk=pk)
    region_for_user(request.user, evidence.observation.region.code)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:  # removed from the disk (a restore without media/): say so
        raise Http404(
            gettext("佐证材料「%(name)s」的文件已不在服务器上，请重新上传") % {"name": evidence.original_name}
        ) from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@login_required
@require_POST
def round_create(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.MANAGE)
    form = RoundForm(request.POST, today=_today())
    if not form.is_valid():
        return _rounds_page(request, region, form, status=400)
    data = form.cleaned_data
    try:
        round_ = round_open(
            by=signed_in_user(request.user),
            region=region,
            kind=data["kind"],
            year=data["year"],
            half=data["half"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
        )
    except ObservationError as refused:
        form.add_error(None, str(refused))
        return _rounds_page(request, region, form, status=409)
    messages.success(
        request,
        gettext("已开放%(round)s：%(region)s及其下级地区可以填报%(year)s年的数值")
        % {"round": round_, "region": region.name, "year": round_.year},
    )
    return redirect("rounds", region.code)


@login_required
@require_POST
def round_change(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(ReportingRound.objects.select_related("region"), pk=pk)
    region = region_for_user(request.user, round_.region.code, Need.MANAGE)
    form = RoundExtendForm(request.POST)
    if not form.is_valid():
        for error in form["closes_on"].errors:
            messages.error(request, str(error))
        return redirect("rounds", region.code)
    try:
        round_extend(by=signed_in_user(request.user), round_=round_, closes_on=form.cleaned_data["closes_on"])
    except ObservationError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            gettext("%(round)s的截止日期改为%(closes)s")
            % {"round": round_, "closes": round_.closes_on.strftime("%Y-%m-%d")},
        )
    return redirect("rounds", region.code)
