"""考核 pages. Reads need VIEW on the region, writes need REVIEW (the office of the scheme's region)."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from web.accounts.scope import Need, region_for_user, region_scope_for
from web.assessment.compute import assessment_compute
from web.assessment.forms import (
    SchemeSettingsForm,
    new_organisation_item,
    new_scheme,
    review_post,
    scheme_points,
)
from web.assessment.models import (
    Adjustment,
    AssessmentResult,
    AssessmentScheme,
    OrganisationItem,
    OrganisationScore,
    ReviewedValue,
)
from web.assessment.outcome import Outcome, ScoreRow, SeriesEntry
from web.assessment.selectors import (
    candidate_indicators,
    matrix,
    published_below,
    region_score,
    region_series,
    reported_history,
    schemes_assessing,
    schemes_of,
    trace_entry,
    versions,
)
from web.assessment.services import (
    ORGANISATION_DEFAULT,
    AssessmentError,
    adjustment_add,
    adjustment_remove,
    assessment_publish,
    organisation_score_set,
    review_value_remove,
    review_value_set,
    scheme_copy_to_year,
    scheme_create,
    scheme_update,
)
from web.parameters import optional_id
from web.plans.models import Indicator
from web.regions.models import Region


def _scheme(request: HttpRequest, pk: int, need: Need = Need.VIEW) -> AssessmentScheme:
    scheme = get_object_or_404(AssessmentScheme.objects.select_related("region"), pk=pk)
    region_for_user(request.user, scheme.region.code, need)
    return scheme


def _child(request: HttpRequest, scheme: AssessmentScheme, code: str, need: Need = Need.VIEW) -> Region:
    region = region_for_user(request.user, code, need)
    if region.parent_id != scheme.region_id:
        raise Http404(gettext("该地区不在本次考核范围内"))
    return region


def _may_write(request: HttpRequest, region: Region) -> bool:
    scope = region_scope_for(request.user)
    return bool(scope.may(Need.REVIEW) and scope.contains(region))


def _user(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) else None


@login_required
def schemes(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code)
    candidates = candidate_indicators(region)
    if request.method == "POST":
        region_for_user(request.user, code, Need.REVIEW)
        try:
            posted = new_scheme(request.POST, candidates, ORGANISATION_DEFAULT)
            scheme = scheme_create(
                region=region,
                year=posted.year,
                indicators=posted.indicators,
                organisation=posted.organisation,
                is_trial=posted.is_trial,
            )
        except ValueError:
            messages.error(request, gettext("考核年度应为整数，如2022"))
        except forms.ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except AssessmentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, gettext("已创建%(scheme)s，各指标分值相等，可在方案页调整") % {"scheme": scheme}
            )
            return redirect("assessment-edit", pk=scheme.pk)
    return render(
        request,
        "assessment/schemes.html",
        {
            "region": region,
            "schemes": schemes_of(region),
            "assessed_in": schemes_assessing(region),
            "below": published_below(region),
            "candidates": candidates,
            "organisation": ORGANISATION_DEFAULT,
            "may_write": _may_write(request, region),
        },
    )


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _scheme(request, pk, Need.REVIEW)
    form = SchemeSettingsForm(request.POST or None, instance=scheme)
    errors: list[str] = []
    if request.method == "POST":
        posted = scheme_points(request.POST, scheme.items.select_related("indicator"))
        errors.extend(posted.errors)
        if form.is_valid() and not errors:
            scheme_update(
                scheme=scheme,
                points=posted.points,
                **{k: v for k, v in form.cleaned_data.items() if k != "bands"},
                grade_bands=form.cleaned_data["bands"],
            )
            try:
                added = new_organisation_item(request.POST)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
            else:
                if added is not None:
                    OrganisationItem.objects.get_or_create(
                        scheme=scheme,
                        name=added.name,
                        defaults={
                            "max_points": added.max_points,
                            "seq": scheme.organisation_items.count() + 1,
                        },
                    )
            if not errors:
                messages.success(request, gettext("方案已保存"))
                return redirect("assessment-edit", pk=scheme.pk)
    return render(
        request,
        "assessment/edit.html",
        {"scheme": scheme, "form": form, "errors": errors, "items": scheme.items.select_related("indicator")},
    )


class ResultTable(TypedDict):
    """The results page's matrix: a row per item, a column per ranked region."""

    scores: list[ScoreRow]
    matrix_regions: list[ScoreRow]
    rows: list[tuple[str, str, list[SeriesEntry | None]]]  # item key, name, an entry per region


def _table(outcome: Outcome) -> ResultTable:
    regions, rows = matrix(outcome)
    return {"scores": outcome["scores"], "matrix_regions": regions, "rows": rows}


@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _scheme(request, pk)
    outcome = assessment_compute(scheme)
    return render(
        request,
        "assessment/results.html",
        {
            "scheme": scheme,
            "outcome": outcome,
            **_table(outcome),
            "versions": versions(scheme),
            "below": published_below(scheme.region),
            "may_write": _may_write(request, scheme.region),
            "version": None,
        },
    )


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _scheme(request, pk, Need.REVIEW)
    try:
        result = assessment_publish(scheme=scheme, user=_user(request))
    except AssessmentError as exc:
        messages.error(request, str(exc))
        return redirect("assessment-results", pk=scheme.pk)
    messages.success(request, gettext("已发布第%(version)s版考核结果") % {"version": result.version})
    return redirect("assessment-version", pk=scheme.pk, version=result.version)


@login_required
@require_POST
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    scheme = _scheme(request, pk, Need.REVIEW)
    try:
        new = scheme_copy_to_year(scheme=scheme, year=scheme.year + 1)
    except AssessmentError as exc:
        messages.error(request, str(exc))
        return redirect("assessment-results", pk=scheme.pk)
    messages.success(request, gettext("已复制为%(scheme)s") % {"scheme": new})
    return redirect("assessment-edit", pk=new.pk)


@login_required
def version(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    scheme = _scheme(request, pk)
    result = get_object_or_404(AssessmentResult, scheme=scheme, version=version)
    return render(
        request,
        "assessment/results.html",
        {
            "scheme": scheme,
            "outcome": result.data,
            **_table(result.data),
            "versions": versions(scheme),
            "below": [],
            "may_write": _may_write(request, scheme.region),
            "version": result,
        },
    )


@login_required
def self_assessment(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    scheme = get_object_or_404(AssessmentScheme.objects.select_related("region"), pk=pk)
    region = _child(request, scheme, code)
    outcome = assessment_compute(scheme)
    return render(
        request,
        "assessment/self.html",
        {
            "scheme": scheme,
            "region": region,
            "series": region_series(outcome, code),
            "score": region_score(outcome, code),
            "may_review": _may_write(request, scheme.region),
        },
    )


def _review_post(request: HttpRequest, scheme: AssessmentScheme, region: Region) -> None:
    posted = review_post(request.POST, request.FILES)
    if posted.action == "review":
        indicator = get_object_or_404(Indicator, pk=posted.target)
        value = posted.value_for(indicator)
        review_value_set(
            scheme=scheme,
            region=region,
            indicator=indicator,
            year=posted.year_for(scheme),
            value=value,
            reason=posted.reason,
            user=_user(request),
            evidence=posted.evidence,
        )
        messages.success(request, gettext("已记录「%(indicator)s」的复核值") % {"indicator": indicator.name})
    elif posted.action == "unreview":
        review_value_remove(
            review=get_object_or_404(ReviewedValue, scheme=scheme, region=region, pk=posted.target)
        )
        messages.success(request, gettext("已撤销复核值，恢复采用上报值"))
    elif posted.action == "adjust":
        adjustment = adjustment_add(
            scheme=scheme,
            region=region,
            kind=posted.kind,
            points=posted.points,
            reason=posted.reason,
            user=_user(request),
        )
        messages.success(request, gettext("已记录%(kind)s") % {"kind": adjustment.get_kind_display()})
    elif posted.action == "unadjust":
        adjustment_remove(
            adjustment=get_object_or_404(Adjustment, scheme=scheme, region=region, pk=posted.target)
        )
        messages.success(request, gettext("已删除该项加减分"))
    elif posted.action == "organisation":
        item = get_object_or_404(OrganisationItem, scheme=scheme, pk=posted.target)
        organisation_score_set(
            item=item,
            region=region,
            points=posted.score_within(item.max_points),
            reason=posted.reason,
            user=_user(request),
            evidence=posted.evidence,
        )
        messages.success(request, gettext("已评定「%(item)s」") % {"item": item.name})


@login_required
def review(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    scheme = _scheme(request, pk, Need.REVIEW)
    region = _child(request, scheme, code, Need.REVIEW)
    if request.method == "POST":
        try:
            _review_post(request, scheme, region)
        except (AssessmentError, forms.ValidationError) as exc:
            text = "；".join(exc.messages) if isinstance(exc, forms.ValidationError) else str(exc)
            messages.error(request, text)
        except ValueError:
            messages.error(request, gettext("年份应为整数"))
        return redirect("assessment-review", pk=scheme.pk, code=code)
    outcome = assessment_compute(scheme)
    organisation = [
        (item, item.scores.filter(region=region).first()) for item in scheme.organisation_items.all()
    ]
    return render(
        request,
        "assessment/review.html",
        {
            "scheme": scheme,
            "region": region,
            "series": region_series(outcome, code),
            "score": region_score(outcome, code),
            "reviews": ReviewedValue.objects.filter(scheme=scheme, region=region).select_related("indicator"),
            "adjustments": Adjustment.objects.filter(scheme=scheme, region=region),
            "organisation": organisation,
            "kinds": Adjustment.Kind.choices,
        },
    )


@login_required
def trace(request: HttpRequest, pk: int, code: str, item: str) -> HttpResponse:
    scheme = get_object_or_404(AssessmentScheme.objects.select_related("region"), pk=pk)
    region = _child(request, scheme, code)
    number = optional_id(request.GET, "version", gettext("版本"))
    result = None
    if number is not None:
        result = get_object_or_404(AssessmentResult, scheme=scheme, version=number)
        outcome = result.data
    else:
        outcome = assessment_compute(scheme)
    entry = trace_entry(outcome, code, item)
    if entry is None:
        raise Http404(gettext("本次考核没有这一项"))
    return render(
        request,
        "assessment/trace.html",
        {
            "scheme": scheme,
            "region": region,
            "entry": entry,
            "history": reported_history(region, item),
            "reviews": ReviewedValue.objects.filter(
                scheme=scheme, region=region, indicator_id=int(item) if item.isdigit() else 0
            ),
            "score": region_score(outcome, code),
            "result": result,
        },
    )


def _attachment(stored: FieldFile) -> FileResponse:
    """An uploaded 佐证材料 as a download under the name it was uploaded with; a clear 404 without it."""
    if not stored:
        raise Http404(gettext("这一项没有上传佐证材料"))
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404(gettext("佐证材料文件已不在服务器上，请重新上传")) from None
    return FileResponse(handle, as_attachment=True, filename=Path(str(stored.name)).name)


@login_required
def review_evidence(request: HttpRequest, pk: int, review: int) -> FileResponse:
    """A 复核值's 佐证材料, for whoever may see the reviewed region (the city's office, the county its own),
    as the trace page that lists it."""
    reviewed = get_object_or_404(ReviewedValue.objects.select_related("region"), pk=review, scheme_id=pk)
    region_for_user(request.user, reviewed.region.code)
    return _attachment(reviewed.evidence)


@login_required
def organisation_evidence(request: HttpRequest, pk: int, score: int) -> FileResponse:
    """The 佐证材料 behind a 组织实施 score, scoped like the 复核值's."""
    given = get_object_or_404(
        OrganisationScore.objects.select_related("region"), pk=score, item__scheme_id=pk
    )
    region_for_user(request.user, given.region.code)
    return _attachment(given.evidence)
