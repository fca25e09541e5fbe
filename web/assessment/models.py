"""考核: a scheme per parent region and year, 复核 values, adjustments, 组织实施 scores, published results.

A scheme assesses the children of its region (a city its counties, a county its townships).
Published results are frozen JSON: later changes to data or to the scheme never alter them.
"""

from __future__ import annotations

from typing import TypedDict

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from web.plans.models import Indicator
from web.plans.value_limits import POINTS_LIMIT, VALUE_LIMIT, within_limits
from web.regions.models import Region


class GradeBandRow(TypedDict):
    """A 等次 and its 分数线 as a scheme stores it (JSON): ``{"floor": 90, "name": "优秀"}``."""

    floor: float
    name: str


def default_grade_bands() -> list[GradeBandRow]:
    """优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60; below the last band the scheme's ``lowest_grade``."""
    return [
        {"floor": 90, "name": gettext_noop("优秀")},
        {"floor": 80, "name": gettext_noop("良好")},
        {"floor": 60, "name": gettext_noop("合格")},
    ]


class AssessmentScheme(models.Model):
    """考核方案: 白银市2022年度对县区的考核 — items, 分值, grades, quotas, tie-break."""

    class Rule(models.TextChoices):
        PROGRESS = "progress", _("按序时进度计分")

    class TieBreak(models.TextChoices):
        NONE = "", _("并列")
        ACHIEVED = "achieved", _("按达标项数")

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="assessment_schemes", verbose_name=_("考核地区")
    )
    year = models.PositiveIntegerField(_("考核年度"))
    title = models.CharField(_("名称"), max_length=200, blank=True)
    rule = models.CharField(_("计分规则"), max_length=12, choices=Rule.choices, default=Rule.PROGRESS)
    grade_bands = models.JSONField(_("等次"), default=default_grade_bands)
    lowest_grade = models.CharField(_("最低等次"), max_length=20, default=gettext_noop("不合格"))
    bonus_cap = models.DecimalField(_("加分上限"), max_digits=8, decimal_places=2, default=5)
    quota_grade = models.CharField(_("限额等次"), max_length=20, blank=True, default="优秀")
    quota_percent = models.DecimalField(
        _("限额比例（%）"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    tie_break = models.CharField(
        _("同分处理"), max_length=12, choices=TieBreak.choices, blank=True, default=""
    )
    is_trial = models.BooleanField(_("试考核"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["region__code", "-year"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="scheme_unique_year")]
        verbose_name = _("考核方案")
        verbose_name_plural = _("考核方案")

    def __str__(self) -> str:
        return self.title or f"{self.region.name}{self.year}年度考核"

    def grade_names(self) -> list[str]:
        return [str(band["name"]) for band in self.grade_bands] + [self.lowest_grade]


class SchemeIndicator(models.Model):
    """An indicator item of a scheme with its 分值 (weight)."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("指标")
    )
    points = models.DecimalField(_("分值"), max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["scheme", "indicator__name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "indicator"], name="scheme_indicator_unique"),
            within_limits("points", POINTS_LIMIT, name="scheme_indicator_points_within_limits"),
        ]
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")

    def __str__(self) -> str:
        return f"{self.indicator}（{self.points}分）"


class OrganisationItem(models.Model):
    """组织实施项 (机构设置, 工作机制, 宣传): points the office gives from evidence."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="organisation_items")
    seq = models.PositiveIntegerField(_("序号"), default=1)
    name = models.CharField(_("项目"), max_length=100)
    max_points = models.DecimalField(_("分值"), max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["scheme", "seq", "name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "name"], name="organisation_item_unique"),
            within_limits("max_points", POINTS_LIMIT, name="organisation_item_points_within_limits"),
        ]
        verbose_name = _("组织实施项")
        verbose_name_plural = _("组织实施项")

    def __str__(self) -> str:
        return self.name


class OrganisationScore(models.Model):
    item = models.ForeignKey(OrganisationItem, on_delete=models.CASCADE, related_name="scores")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("得分"), max_digits=8, decimal_places=2)
    reason = models.TextField(_("依据"), blank=True)
    evidence = models.FileField(_("佐证材料"), upload_to="assessment/%Y/", blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "region"], name="organisation_score_unique"),
            within_limits("points", POINTS_LIMIT, name="organisation_score_points_within_limits"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.item}：{self.points}分"


class ReviewedValue(models.Model):
    """复核值: replaces a reported value for this assessment; the reported value stays as reported."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="reviewed_values")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("年份"))
    value = models.DecimalField(_("复核值"), max_digits=20, decimal_places=6, null=True, blank=True)
    reported_value = models.DecimalField(
        _("上报值（复核时）"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    reason = models.TextField(_("复核理由"))
    evidence = models.FileField(_("佐证材料"), upload_to="assessment/%Y/", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "region", "indicator", "year"], name="reviewed_value_unique"
            ),
            within_limits("value", VALUE_LIMIT, name="reviewed_value_within_limits"),
            within_limits("reported_value", VALUE_LIMIT, name="reviewed_value_reported_within_limits"),
        ]
        verbose_name = _("复核值")
        verbose_name_plural = _("复核值")

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} {self.year}年复核值"


class Adjustment(models.Model):
    """加分、扣分或一票否决, with its reason."""

    class Kind(models.TextChoices):
        BONUS = "bonus", _("加分")
        DEDUCTION = "deduction", _("扣分")
        VETO = "veto", _("一票否决")

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="adjustments")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    points = models.DecimalField(_("分数"), max_digits=8, decimal_places=2, null=True, blank=True)
    reason = models.TextField(_("理由"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheme", "region__code", "created_at"]
        constraints = [within_limits("points", POINTS_LIMIT, name="adjustment_points_within_limits")]
        verbose_name = _("加减分")
        verbose_name_plural = _("加减分")

    def __str__(self) -> str:
        return f"{self.region} {self.get_kind_display()}"


class AssessmentResult(models.Model):
    """A published version: the series and scores frozen as JSON, with its differences from the last."""

    scheme = models.ForeignKey(AssessmentScheme, on_delete=models.CASCADE, related_name="results")
    version = models.PositiveIntegerField(_("版本"))
    data = models.JSONField(_("结果"))
    differences = models.JSONField(_("与上一版本的差异"), default=list)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["scheme", "-version"]
        constraints = [models.UniqueConstraint(fields=["scheme", "version"], name="result_unique_version")]
        verbose_name = _("考核结果")
        verbose_name_plural = _("考核结果")

    def __str__(self) -> str:
        return f"{self.scheme} 第{self.version}版"
