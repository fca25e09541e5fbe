"""Forms of the 考核 pages: a new scheme, scheme settings and points, the 复核 page's actions, and
decimals typed by the office. Each page's POST is read here into typed values; a malformed id is a
400 naming the field, a refused number a ValidationError whose message the page shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from healthaction.numbers import YEARS, NumberRefused, parse_optional, parse_year, plausibility
from web.accounts.locale import refusal_message
from web.assessment.models import AssessmentScheme, GradeBandRow, SchemeIndicator
from web.parameters import id_of, year_of
from web.plans.models import Indicator

# 分值, 得分 and 加减分 are stored with 2 decimals and at most 6 digits before the point.
POINTS_DECIMALS = 2
POINTS_LIMIT = Decimal("999999.99")


def parse_points(
    raw: str, what: str, *, maximum: Decimal | None = None, required: bool = False
) -> Decimal | None:
    """分 typed by the office, through the one number rule: "" → None (or refused when required);
    negative, more than 2 decimals or above ``maximum`` → a Chinese message naming ``what``."""
    if required and not raw.strip():
        raise forms.ValidationError(gettext("请填写%(what)s") % {"what": what})
    top = POINTS_LIMIT if maximum is None else min(maximum, POINTS_LIMIT)
    try:
        return parse_optional(raw, field=what, unit="分", minimum=0, maximum=top, decimals=POINTS_DECIMALS)
    except NumberRefused as refused:
        raise forms.ValidationError(refusal_message(refused)) from None


class SchemeSettingsForm(forms.ModelForm[AssessmentScheme]):
    bands = forms.CharField(
        label=_("等次及分数线"),
        help_text=_("如：优秀90，良好80，合格60（从高到低，逗号分隔）"),
        required=True,
    )

    class Meta:
        model = AssessmentScheme
        fields = (
            "title",
            "lowest_grade",
            "bonus_cap",
            "quota_grade",
            "quota_percent",
            "tie_break",
            "is_trial",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["bands"] = "，".join(f"{b['name']}{b['floor']}" for b in self.instance.grade_bands)

    def clean_quota_percent(self) -> Decimal | None:
        value: Decimal | None = self.cleaned_data.get("quota_percent")
        if value is not None and (reason := plausibility(value, "%")) is not None:
            raise forms.ValidationError(reason)
        return value

    def clean_bands(self) -> list[GradeBandRow]:
        bands: list[GradeBandRow] = []
        for part in self.cleaned_data["bands"].replace(",", "，").split("，"):
            part = part.strip()
            if not part:
                continue
            name = part.rstrip("0123456789.")
            floor = part[len(name) :]
            if not name or not floor:
                raise forms.ValidationError(
                    gettext("无法识别「%(part)s」：应为等次名称加分数线，如「优秀90」") % {"part": part}
                )
            bands.append({"name": name.strip(), "floor": float(floor) if "." in floor else int(floor)})
        return sorted(bands, key=lambda b: b["floor"], reverse=True)

    def save(self, commit: bool = True) -> AssessmentScheme:
        self.instance.grade_bands = self.cleaned_data["bands"]
        return super().save(commit)


@dataclass(frozen=True)
class NewScheme:
    """The schemes page's 新建考核方案: the year, the ticked indicators (``indicator-<id>``) and
    组织实施 items (``organisation-<name>``, with ``organisation-points-<name>``), 试考核 or not."""

    year: int
    indicators: list[Indicator]
    organisation: list[tuple[str, Decimal]]
    is_trial: bool


def new_scheme(
    data: Mapping[str, str], candidates: Sequence[Indicator], organisation: Iterable[tuple[str, Decimal]]
) -> NewScheme:
    """``organisation`` is the default items with their points, used where none is typed."""
    chosen = [i for i in candidates if f"indicator-{i.pk}" in data]
    year = year_of(data.get("year", ""), gettext("考核年度"))
    if not chosen:
        raise forms.ValidationError(gettext("请至少选择一个考核指标"))
    items = [
        (name, parse_points(data.get(f"organisation-points-{name}", ""), gettext("分值")) or points)
        for name, points in organisation
        if f"organisation-{name}" in data
    ]
    return NewScheme(year=year, indicators=chosen, organisation=items, is_trial="is_trial" in data)


@dataclass(frozen=True)
class SchemePoints:
    """The scheme page's 分值 per indicator (``points-<indicator id>``); a blank keeps the stored one."""

    points: dict[int, Decimal]
    errors: list[str]  # one message per refused 分值, naming its indicator


def scheme_points(data: Mapping[str, str], items: Iterable[SchemeIndicator]) -> SchemePoints:
    points: dict[int, Decimal] = {}
    errors: list[str] = []
    for item in items:
        try:
            value = parse_points(
                data.get(f"points-{item.indicator_id}", ""),
                gettext("%(indicator)s的分值") % {"indicator": item.indicator.name},
            )
        except forms.ValidationError as exc:
            errors.extend(exc.messages)
            continue
        if value is not None:
            points[item.indicator_id] = value
    return SchemePoints(points=points, errors=errors)


@dataclass(frozen=True)
class NewOrganisationItem:
    name: str
    max_points: Decimal


ORGANISATION_ITEM_POINTS = Decimal(5)  # a new 组织实施 item's 分值 when none is typed


def new_organisation_item(data: Mapping[str, str]) -> NewOrganisationItem | None:
    """The scheme page's added 组织实施 item, None when no name is typed."""
    name = data.get("organisation-name", "").strip()
    if not name:
        return None
    max_points = (
        parse_points(data.get("organisation-points", ""), gettext("分值")) or ORGANISATION_ITEM_POINTS
    )
    return NewOrganisationItem(name=name, max_points=max_points)


@dataclass(frozen=True)
class ReviewPost:
    """One action of the 复核 page (``action``): ``review`` sets a 复核值 of ``indicator``, ``unreview``
    and ``unadjust`` remove one by ``pk``, ``adjust`` adds 加减分 of ``kind``, ``organisation`` scores
    ``item``. ``target`` is the id the action names; numbers whose rule needs the stored row (the
    indicator's unit, the item's maximum) are read by the methods once the view has found it."""

    action: str
    target: int | None
    reason: str
    evidence: UploadedFile | None
    kind: str
    points: Decimal | None  # 加减分 (adjust)
    raw_value: str
    raw_year: str
    raw_points: str

    def value_for(self, indicator: Indicator) -> Decimal | None:
        """The 复核值 by the one number rule, in the indicator's unit: a death rate of −3 is refused."""
        try:
            return parse_optional(
                self.raw_value,
                field=gettext("%(indicator)s的复核值") % {"indicator": indicator.name},
                unit=indicator.unit or None,
                name=indicator.name,
            )
        except NumberRefused as refused:
            raise forms.ValidationError(refusal_message(refused)) from None

    def year_for(self, scheme: AssessmentScheme) -> int:
        """The 复核 year: the scheme's unless given, within the rule's span (a 20-digit year is refused)."""
        if not self.raw_year:
            return scheme.year
        try:
            return parse_year(self.raw_year, field=gettext("年份"), earliest=YEARS[0], latest=YEARS[1])
        except NumberRefused as refused:
            raise forms.ValidationError(refusal_message(refused)) from None

    def score_within(self, maximum: Decimal) -> Decimal:
        """The 组织实施 得分, required and at most the item's 分值."""
        points = parse_points(self.raw_points, gettext("得分"), maximum=maximum, required=True)
        assert points is not None  # required
        return points


# The id each action names, and how the 400 names it.
_TARGETS = {
    "review": ("indicator", _("指标")),
    "unreview": ("pk", _("复核值")),
    "unadjust": ("pk", _("加减分")),
    "organisation": ("item", _("组织实施项目")),
}


def review_post(data: Mapping[str, str], files: Mapping[str, UploadedFile]) -> ReviewPost:
    action = data.get("action", "")
    target = None
    if action in _TARGETS:
        name, what = _TARGETS[action]
        target = id_of(data.get(name, ""), str(what))
    return ReviewPost(
        action=action,
        target=target,
        reason=data.get("reason", ""),
        evidence=files.get("evidence"),
        kind=data.get("kind", ""),
        points=parse_points(data.get("points", ""), gettext("分数")) if action == "adjust" else None,
        raw_value=data.get("value", ""),
        raw_year=data.get("year") or "",
        raw_points=data.get("points", ""),
    )
