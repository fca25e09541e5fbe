"""Writes of 考核: schemes, 复核 values, adjustments, 组织实施 scores, publication — each one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypedDict

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext, gettext_noop

from healthaction.numbers import NumberRefused, check_amount, plain
from web.accounts.locale import refusal_message
from web.assessment.compute import assessment_compute
from web.assessment.models import (
    Adjustment,
    AssessmentResult,
    AssessmentScheme,
    OrganisationItem,
    OrganisationScore,
    ReviewedValue,
    SchemeIndicator,
)
from web.assessment.outcome import Outcome
from web.monitoring.models import Observation
from web.plans.models import Indicator
from web.regions.models import Region


class AssessmentError(Exception):
    """A write the user must correct; the message is shown as is."""


# The 组织实施 items a new scheme offers, with their points (the new-scheme form shows them, the office
# may change the points; the demo's scheme uses them as they are).
ORGANISATION_DEFAULT: tuple[tuple[str, Decimal], ...] = (
    (gettext_noop("机构设置"), Decimal(4)),
    (gettext_noop("工作机制"), Decimal(3)),
    (gettext_noop("宣传引导"), Decimal(3)),
)


def _child(scheme: AssessmentScheme, region: Region) -> None:
    if region.parent_id != scheme.region_id:
        raise AssessmentError(
            gettext("%(region)s不是%(parent)s的下级地区，不在本次考核范围内")
            % {"region": region.name, "parent": scheme.region.name}
        )


def _equal_points(count: int) -> Decimal:
    return (Decimal(100) / count).quantize(Decimal("0.01"), ROUND_HALF_UP) if count else Decimal(0)


@transaction.atomic
def scheme_create(
    *,
    region: Region,
    year: int,
    indicators: Iterable[Indicator],
    points: dict[int, Decimal] | None = None,
    organisation: Iterable[tuple[str, Decimal]] = (),
    **settings: Any,
) -> AssessmentScheme:
    """A scheme with its indicator items (分值 equal unless ``points`` gives them) and 组织实施 items."""
    if AssessmentScheme.objects.filter(region=region, year=year).exists():
        raise AssessmentError(
            gettext("%(region)s%(year)d年度考核方案已存在") % {"region": region.name, "year": year}
        )
    scheme = AssessmentScheme.objects.create(region=region, year=year, **settings)
    chosen = list(indicators)
    equal = _equal_points(len(chosen))
    for indicator in chosen:
        given = (points or {}).get(indicator.pk)
        SchemeIndicator.objects.create(scheme=scheme, indicator=indicator, points=given if given else equal)
    for seq, (name, max_points) in enumerate(organisation, start=1):
        OrganisationItem.objects.create(scheme=scheme, seq=seq, name=name, max_points=max_points)
    return scheme


@transaction.atomic
def scheme_update(
    *, scheme: AssessmentScheme, points: dict[int, Decimal], **settings: Any
) -> AssessmentScheme:
    """New settings and 分值; an item whose 分值 is 0 leaves the scheme."""
    for name, value in settings.items():
        setattr(scheme, name, value)
    scheme.save()
    for item in scheme.items.all():
        if item.indicator_id in points:
            if points[item.indicator_id] <= 0:
                item.delete()
            else:
                item.points = points[item.indicator_id]
                item.save(update_fields=["points"])
    return scheme


@transaction.atomic
def scheme_copy_to_year(*, scheme: AssessmentScheme, year: int) -> AssessmentScheme:
    """The same items, 分值 and rules for another year; no 复核 values, adjustments or results."""
    if AssessmentScheme.objects.filter(region=scheme.region, year=year).exists():
        raise AssessmentError(
            gettext("%(region)s%(year)d年度考核方案已存在，未复制")
            % {"region": scheme.region.name, "year": year}
        )
    copy = AssessmentScheme.objects.create(
        region=scheme.region,
        year=year,
        title=scheme.title.replace(str(scheme.year), str(year)),
        rule=scheme.rule,
        grade_bands=scheme.grade_bands,
        lowest_grade=scheme.lowest_grade,
        bonus_cap=scheme.bonus_cap,
        quota_grade=scheme.quota_grade,
        quota_percent=scheme.quota_percent,
        tie_break=scheme.tie_break,
        is_trial=False,
    )
    for item in scheme.items.all():
        SchemeIndicator.objects.create(scheme=copy, indicator_id=item.indicator_id, points=item.points)
    for org in scheme.organisation_items.all():
        OrganisationItem.objects.create(scheme=copy, seq=org.seq, name=org.name, max_points=org.max_points)
    return copy


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise AssessmentError(gettext("请填写理由"))
    return reason


@transaction.atomic
def review_value_set(
    *,
    scheme: AssessmentScheme,
    region: Region,
    indicator: Indicator,
    year: int,
    value: Decimal | None,
    reason: str,
    user: User | None,
    evidence: UploadedFile | None = None,
) -> ReviewedValue:
    """复核: ``value`` replaces the reported one in this assessment; the reported value is kept."""
    _child(scheme, region)
    if not scheme.items.filter(indicator=indicator).exists():
        raise AssessmentError(gettext("「%(indicator)s」不是本次考核的指标") % {"indicator": indicator.name})
    if value is not None:
        try:  # the one number rule, whoever calls: finite, 12 digits, possible in the indicator's unit
            value = check_amount(
                value,
                field=gettext("%(indicator)s的复核值") % {"indicator": indicator.name},
                unit=indicator.unit or None,
                name=indicator.name,
            )
        except NumberRefused as refused:
            raise AssessmentError(refusal_message(refused)) from None
    reported = (
        Observation.objects.filter(region=region, indicator=indicator, year=year)
        .values_list("value", flat=True)
        .first()
    )
    review, _ = ReviewedValue.objects.update_or_create(
        scheme=scheme,
        region=region,
        indicator=indicator,
        year=year,
        defaults={"value": value, "reason": _reason(reason), "reviewed_by": user, "reported_value": reported},
    )
    if evidence is not None:
        review.evidence.save(evidence.name or "evidence", evidence, save=True)
    return review


@transaction.atomic
def review_value_remove(*, review: ReviewedValue) -> None:
    review.delete()


@transaction.atomic
def adjustment_add(
    *,
    scheme: AssessmentScheme,
    region: Region,
    kind: str,
    points: Decimal | None,
    reason: str,
    user: User | None,
) -> Adjustment:
    """加分、扣分 (points > 0) or 一票否决 (no points), with its reason."""
    _child(scheme, region)
    if kind not in Adjustment.Kind.values:
        raise AssessmentError(
            gettext("调整类型「%(kind)s」无法识别，可用：加分、扣分、一票否决") % {"kind": kind}
        )
    if kind == Adjustment.Kind.VETO:
        points = None
    elif points is None or not points.is_finite() or points <= 0:
        raise AssessmentError(gettext("加分或扣分须填写大于0的分数"))
    else:
        points = _adjustment_points(scheme=scheme, region=region, kind=kind, points=points)
    return Adjustment.objects.create(
        scheme=scheme, region=region, kind=kind, points=points, reason=_reason(reason), created_by=user
    )


def _adjustment_points(*, scheme: AssessmentScheme, region: Region, kind: str, points: Decimal) -> Decimal:
    """A 加分 within the scheme's 加分上限 (with the region's earlier ones), a 扣分 within the full
    score: refused with a message, never capped, so the 通报 can say what the score used."""
    bonus = kind == Adjustment.Kind.BONUS
    try:
        points = check_amount(
            points, field=gettext("加分") if bonus else gettext("扣分"), unit="分", decimals=2
        )
    except NumberRefused as refused:
        raise AssessmentError(refusal_message(refused)) from None
    if bonus:
        given = Adjustment.objects.filter(scheme=scheme, region=region, kind=kind).aggregate(
            total=Sum("points")
        )["total"] or Decimal(0)
        room = max(scheme.bonus_cap - given, Decimal(0))
        if points > room:
            raise AssessmentError(
                gettext(
                    "加分上限为%(cap)s分，本地区已加%(given)s分，最多还能加%(room)s分，不能加%(points)s分"
                )
                % {
                    "cap": plain(scheme.bonus_cap),
                    "given": plain(given),
                    "room": plain(room),
                    "points": plain(points),
                }
            )
        return points
    full = scheme.items.aggregate(total=Sum("points"))["total"] or Decimal(0)
    full += scheme.organisation_items.aggregate(total=Sum("max_points"))["total"] or Decimal(0)
    top = full if full > 0 else Decimal(100)
    if points > top:
        raise AssessmentError(
            gettext("扣分不能超过满分%(full)s分，不能扣%(points)s分")
            % {"full": plain(top), "points": plain(points)}
        )
    return points


@transaction.atomic
def adjustment_remove(*, adjustment: Adjustment) -> None:
    adjustment.delete()


@transaction.atomic
def organisation_score_set(
    *,
    item: OrganisationItem,
    region: Region,
    points: Decimal,
    reason: str,
    user: User | None,
    evidence: UploadedFile | None = None,
) -> OrganisationScore:
    """The office's points for one 组织实施 item, between 0 and its 分值."""
    _child(item.scheme, region)
    if not Decimal(0) <= points <= item.max_points:
        raise AssessmentError(
            gettext("「%(item)s」的得分应在0到%(max)s分之间")
            % {"item": item.name, "max": f"{item.max_points.normalize():f}"}
        )
    score, _ = OrganisationScore.objects.update_or_create(
        item=item, region=region, defaults={"points": points, "reason": reason.strip(), "given_by": user}
    )
    if evidence is not None:
        score.evidence.save(evidence.name or "evidence", evidence, save=True)
    return score


# A version's differences keep these labels in Chinese (they are stored with it); the results page
# shows them with ``{% translate d.field %}``.
SCORE_FIELDS = {
    "final": gettext_noop("最终得分"),
    "score": gettext_noop("指标得分"),
    "grade": gettext_noop("等次"),
    "rank": gettext_noop("名次"),
    "vetoed": gettext_noop("一票否决"),
}
SERIES_FIELDS = {
    "value": gettext_noop("采用值"),
    "status": gettext_noop("状态"),
    "score_fraction": gettext_noop("得分率"),
}


class Difference(TypedDict):
    """One changed figure between two published versions: 「平川区 · 最终得分：86.5 → 88.0」."""

    region: str  # the region's name
    item: str  # the series' name, "" for the region's score
    field: str  # SCORE_FIELDS' or SERIES_FIELDS' label
    old: object
    new: object


def differences(old: Outcome | None, new: Outcome) -> list[Difference]:
    """What changed from one version to the next: per region its scores, per series its value."""
    if old is None:
        return []
    changes: list[Difference] = []
    before: dict[str, Mapping[str, object]] = {s["region"]: s for s in old["scores"]}
    for score in new["scores"]:
        was = before.get(score["region"], {})
        now: Mapping[str, object] = score
        for field, label in SCORE_FIELDS.items():
            if was.get(field) != now.get(field):
                changes.append(
                    {
                        "region": score["region_name"],
                        "item": "",
                        "field": label,
                        "old": was.get(field),
                        "new": now.get(field),
                    }
                )
    earlier: dict[tuple[str, str], Mapping[str, object]] = {
        (s["region"], s["item"]): s for s in old["series"]
    }
    for series in new["series"]:
        was = earlier.get((series["region"], series["item"]), {})
        now = series
        for field, label in SERIES_FIELDS.items():
            if was.get(field) != now.get(field):
                changes.append(
                    {
                        "region": series["region_name"],
                        "item": series["name"],
                        "field": label,
                        "old": was.get(field),
                        "new": now.get(field),
                    }
                )
    return changes


@transaction.atomic
def assessment_publish(*, scheme: AssessmentScheme, user: User | None) -> AssessmentResult:
    """Freeze the scores as computed now: version n+1, with its differences from version n."""
    locked = AssessmentScheme.objects.select_for_update().get(pk=scheme.pk)
    outcome = assessment_compute(locked)
    if not outcome["scores"]:
        raise AssessmentError(
            gettext("%(region)s的下级地区还没有可考核的指标，无法发布") % {"region": scheme.region.name}
        )
    last = AssessmentResult.objects.filter(scheme=locked).order_by("-version").first()
    version = (AssessmentResult.objects.filter(scheme=locked).aggregate(v=Max("version"))["v"] or 0) + 1
    return AssessmentResult.objects.create(
        scheme=locked,
        version=version,
        data=outcome,
        differences=differences(last.data if last else None, outcome),
        published_by=user,
    )
