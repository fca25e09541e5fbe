"""The annual 督导 page: the office opens a year's round and records each department's finding."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _t

from web.accounts.scope import Need, region_for_user
from web.organisation.models import Department
from web.parameters import id_of
from web.regions.models import Region
from web.supervision.annual import (
    FindingError,
    annual_round,
    annual_round_save,
    annual_rounds,
    finding_delete,
    finding_save,
    findings_of,
)
from web.supervision.forms import AnnualRoundForm, FindingForm, annual_post
from web.supervision.models import SupervisionFinding, SupervisionRound
from web.tasks import selectors

FIRST_YEAR, LAST_YEAR = 2000, 2100


@login_required
def annual(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404(_t("年度应在%(first)d至%(last)d年之间") % {"first": FIRST_YEAR, "last": LAST_YEAR})
    round_ = annual_round(region, year)
    departments = selectors.departments_with_tasks(region)
    here = request.path
    round_form = AnnualRoundForm(
        initial={"held_on": round_.held_on, "note": round_.note}
        if round_
        else {"held_on": timezone.localdate()}
    )
    finding_form, editing = _finding_form_for(request, round_, departments)
    posted = annual_post(request.POST)
    if request.method == "POST" and posted.action == "round":
        round_form = AnnualRoundForm(request.POST)
        if _round_save(request, region, year, round_form):
            return redirect(here)
    elif request.method == "POST" and posted.action == "finding":
        finding_form = FindingForm(request.POST, departments=departments)
        if _finding_save(request, region, year, round_, finding_form):
            return redirect(here)
    elif request.method == "POST" and posted.action == "delete" and round_ is not None:
        finding = get_object_or_404(SupervisionFinding, pk=posted.finding(), round=round_)
        finding_delete(finding=finding)
        messages.success(
            request, _t("已删除%(department)s的督导发现") % {"department": finding.department.name}
        )
        return redirect(here)
    today = timezone.localdate()
    findings = findings_of(round_)
    return render(
        request,
        "supervision/annual.html",
        {
            "region": region,
            "year": year,
            "annual": round_,
            "rounds": annual_rounds(region),
            "findings": [(f, f.rectification.state(today) if f.rectification else "") for f in findings],
            "round_form": round_form,
            "finding_form": finding_form,
            "editing": editing,
        },
    )


def _finding_form_for(
    request: HttpRequest, round_: SupervisionRound | None, departments: QuerySet[Department]
) -> tuple[FindingForm, SupervisionFinding | None]:
    """An empty finding form, or the one named by ``?edit=`` filled in to change it."""
    if not request.GET.get("edit") or round_ is None:
        return FindingForm(departments=departments), None
    editing = get_object_or_404(
        SupervisionFinding, pk=id_of(request.GET["edit"], _t("督导发现")), round=round_
    )
    form = FindingForm(
        departments=departments,
        initial={
            "department": editing.department_id,
            "rating": editing.rating,
            "text": editing.text,
            "follow_up": editing.follow_up,
        },
    )
    return form, editing


def _round_save(request: HttpRequest, region: Region, year: int, form: AnnualRoundForm) -> bool:
    if not form.is_valid():
        return False
    annual_round_save(
        region=region,
        year=year,
        held_on=form.cleaned_data["held_on"],
        note=form.cleaned_data["note"],
        user=request.user,
    )
    messages.success(request, _t("已保存%(year)d年度督导") % {"year": year})
    return True


def _finding_save(
    request: HttpRequest, region: Region, year: int, round_: SupervisionRound | None, form: FindingForm
) -> bool:
    """The posted finding, opening the year's round if none is open yet; a refusal goes on the form."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    round_ = round_ or annual_round_save(region=region, year=year, held_on=None, note="", user=request.user)
    try:
        finding = finding_save(
            round_=round_,
            department=data["department"],
            rating=data["rating"],
            text=data["text"],
            follow_up=data["follow_up"],
            rectify_by=data["rectify_by"],
            user=request.user,
        )
    except FindingError as exc:
        form.add_error(None, str(exc))
        return False
    messages.success(request, _t("已保存%(department)s的督导发现") % {"department": finding.department.name})
    return True
