from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from healthaction.numbers import NumberRefused, parse_amount
from web.accounts.locale import refusal_message
from web.accounts.scope import Need, RegionScope, region_for_user, region_scope_for, signed_in_user
from web.monitoring.evidence import evidence_attach, evidence_check
from web.monitoring.forms import (
    PostedRow,
    RoundExtendForm,
    RoundForm,
    batch_review,
    one_decision,
    posted_entry,
)
from web.monitoring.models import Evidence, Observation, ReportingRound
from web.monitoring.selectors import (
    EntryRow,
    entry_rows,
    entry_years,
    open_round,
    review_queue,
    rounds_of,
    rounds_open_for,
)
from web.monitoring.services import (
    ObservationError,
    observation_approve,
    observation_note,
    observation_return,
    observation_save,
    round_extend,
    round_open,
)
from web.parameters import optional_id
from web.regions.models import Region


def _today() -> datetime.date:
    return timezone.localdate()


TYPED_ECHO = 40  # characters of a refused value shown again in its field


@login_required
def rounds(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    return _rounds_page(request, region, RoundForm(today=_today()))


def _rounds_page(request: HttpRequest, region: Region, form: RoundForm, status: int = 200) -> HttpResponse:
    scope = region_scope_for(request.user)
    today = _today()
    return render(
        request,
        "monitoring/rounds.html",
        {
            "region": region,
            "rounds": rounds_open_for(region, today),
            # The office opens and extends its own region's rounds here (before: only in /admin/).
            "can_manage": scope.may(Need.MANAGE),
            "own_rounds": rounds_of(region),
            "today": today,
            "form": form,
        },
        status=status,
    )


@dataclass
class EntrySaved:
    """What one POST of the entry form did: counts, and per indicator row what was refused."""

    saved: int = 0
    attached: int = 0
    errors: dict[int, str] = field(default_factory=dict)
    typed: dict[int, str] = field(default_factory=dict)  # the value as typed, shown again to correct
    typed_comments: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class EntryDesk:
    """Where a POST of the entry form writes: the region and year, by whom, in which scope."""

    region: Region
    year: int
    scope: RegionScope
    user: User
    submit: bool


@login_required
def entry(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The year's values: editable while its round is open, read-only in past years; later years refused."""
    region = region_for_user(request.user, code, Need.ENTER)
    scope = region_scope_for(request.user)
    today = _today()
    round_ = open_round(region, year, today)
    if round_ is None and year > today.year:
        raise Http404(gettext("%(year)s年的填报尚未开放：只能填报已开放轮次的年份") % {"year": year})
    rows = entry_rows(region=region, year=year, scope=scope)
    result = EntrySaved()
    if request.method == "POST":
        if round_ is None:
            raise PermissionDenied(gettext("%(year)s年的填报未开放或已截止") % {"year": year})
        posted = posted_entry(rows, request.POST, request.FILES)
        desk = EntryDesk(
            region=region, year=year, scope=scope, user=signed_in_user(request.user), submit=posted.submit
        )
        result = _entry_save(desk, posted.rows)
        if not result.errors:
            _say_what_was_saved(request, desk, result)
            return redirect("entry", code=code, year=year)
        count = len(result.errors)
        messages.error(request, gettext("有%(count)s项未保存，请查看标红的行") % {"count": count})
        rows = entry_rows(region=region, year=year, scope=scope)
    return render(
        request,
        "monitoring/entry.html",
        {
            "region": region,
            "year": year,
            "years": entry_years(region, today),
            "round": round_,
            "rows": rows,
            "errors": result.errors,
            "posted": request.POST if result.errors else {},
            "counts": _entry_counts(rows),
            "reviewer": _reviewer(region),
            "typed": result.typed,
            "typed_comments": result.typed_comments,
        },
    )


def _entry_save(desk: EntryDesk, rows: list[PostedRow]) -> EntrySaved:
    """Each touched row on its own: a refused row keeps what was typed and does not stop the others."""
    result = EntrySaved()
    for posted in rows:
        # A changed 说明 alone is saved too (on an approved value, as a note with history).
        if not posted.touched:
            continue
        pk = posted.row.indicator.pk
        if not desk.scope.may_enter(desk.region, posted.row.indicator):
            raise PermissionDenied(gettext("不能填报其他部门的指标"))
        try:
            saved, attached = _entry_save_row(desk, posted)
        except ObservationError as exc:
            result.errors[pk] = str(exc)
            # What was typed stays on the page, to correct and send again (a value longer than
            # any number could be is not echoed back: the message says what is wrong with it).
            result.typed[pk] = posted.raw if len(posted.raw) <= TYPED_ECHO else ""
            result.typed_comments[pk] = posted.comment
        else:
            result.saved += saved
            result.attached += attached
    return result


def _entry_save_row(desk: EntryDesk, posted: PostedRow) -> tuple[int, int]:
    """The row's value, its 说明 as a note, then its evidence: (values saved, files attached)."""
    if posted.upload is not None:
        evidence_check(posted.upload)  # refuse a bad file before saving the value beside it
    row = posted.row
    observation = row.observation
    saved = 0
    noted = posted.noted
    if posted.raw:
        value = _entry_value(posted)
        unchanged = observation is not None and observation.value == value and not desk.submit
        if not unchanged:
            observation = observation_save(
                region=desk.region,
                indicator=row.indicator,
                year=desk.year,
                value=value,
                comment=posted.comment,
                user=desk.user,
                version=posted.version,
                submit=desk.submit,
                department=desk.scope.department,
                reviewer=desk.scope.may(Need.REVIEW),
            )
            saved += 1
            noted = False
    if noted and observation is not None:
        observation = observation_note(
            observation=observation,
            comment=posted.comment,
            user=desk.user,
            version=posted.version or 0,  # none posted: a conflict
        )
        saved += 1
    if posted.upload is None:
        return saved, 0
    _entry_attach(desk, observation, posted.upload)
    return saved, 1


def _entry_value(posted: PostedRow) -> Decimal:
    indicator = posted.row.indicator
    try:
        unit = indicator.unit or None
        return parse_amount(posted.raw, field=indicator.name, unit=unit, name=indicator.name)
    except NumberRefused as refused:
        raise ObservationError(refusal_message(refused)) from None


def _entry_attach(desk: EntryDesk, observation: Observation | None, upload: UploadedFile) -> None:
    if observation is None:
        raise ObservationError(gettext("请先填写本年值，再上传佐证材料"))
    if observation.state == Observation.State.APPROVED and not desk.scope.may(Need.REVIEW):
        raise ObservationError(gettext("该值已审核，不能再上传佐证材料；如需补充请联系审核人退回"))
    evidence_attach(observation=observation, upload=upload, user=desk.user)


def _say_what_was_saved(request: HttpRequest, desk: EntryDesk, result: EntrySaved) -> None:
    if not result.saved and not result.attached:
        messages.warning(
            request, gettext("没有填写任何数值：请在「本年值」栏填写后再点「保存草稿」或「提交审核」")
        )
        return
    # Say what happens next, not only what was done: a draft is not yet with the reviewer.
    done = (
        gettext("已提交%(count)s项，由%(reviewer)s审核，审核通过后计入监测结果")
        if desk.submit
        else gettext("已保存%(count)s项草稿，尚未送审：全部填好后点「提交审核」，由%(reviewer)s审核")
    )
    files = gettext("；上传佐证材料%(count)s份") % {"count": result.attached} if result.attached else ""
    messages.success(request, done % {"count": result.saved, "reviewer": _reviewer(desk.region)} + files)


def _reviewer(region: Region) -> str:
    """Who reviews a region's values: its county's admin for a county or township, else the office."""
    if region.level >= Region.Level.COUNTY:
        return gettext("区县管理员")
    return gettext("健康办")


def _entry_counts(rows: list[EntryRow]) -> dict[str, int]:
    """已填 x/N，待提交 y: values entered this year, and those still in draft or returned."""
    entered = [r.observation for r in rows if r.observation is not None and r.observation.value is not None]
    pending = [o for o in entered if o.state in (Observation.State.DRAFT, Observation.State.RETURNED)]
    return {"filled": len(entered), "pending": len(pending)}


@login_required
def review(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    flag = request.GET.get("flag", "")
    queue = review_queue(
        region,
        department=optional_id(request.GET, "department", gettext("部门")),
        indicator=optional_id(request.GET, "indicator", gettext("指标")),
        flag=flag if flag in ("flagged", "plain") else "",
    )
    return render(
        request,
        "monitoring/review.html",
        {"region": region, "queue": queue, "filters": request.GET, "query": request.GET.urlencode()},
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
