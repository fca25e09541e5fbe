"""Reporting rounds, observations with their full history, and the statuses the engine computed."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from web.organisation.models import Department
from web.plans.models import Indicator
from web.plans.value_limits import VALUE_LIMIT, within_limits
from web.regions.models import Region


class ReportingRound(models.Model):
    """填报轮次: 2023年度 indicators for 白银市 and its subtree, open 2024-01-01 to 2024-03-31."""

    class Kind(models.TextChoices):
        YEARLY = "yearly", _("年度")
        HALF_YEARLY = "half_yearly", _("半年")

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("地区")
    )
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices, default=Kind.YEARLY)
    year = models.PositiveIntegerField(_("数据年份"))
    half = models.PositiveSmallIntegerField(_("半年"), null=True, blank=True)  # 1 上半年, 2 全年
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))

    class Meta:
        ordering = ["region__code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "kind", "year", "half"], name="round_unique")
        ]
        verbose_name = _("填报轮次")
        verbose_name_plural = _("填报轮次")

    def __str__(self) -> str:
        half = {1: gettext("上半年"), 2: gettext("全年")}.get(self.half or 0, "")
        return gettext("%(region)s%(year)s年%(half)s%(kind)s填报") % {
            "region": self.region.name,
            "year": self.year,
            "half": half,
            "kind": self.get_kind_display(),
        }

    def is_open(self, day: datetime.date) -> bool:
        return self.opens_on <= day <= self.closes_on


class Observation(models.Model):
    """One reported value: 平川区 居民健康素养水平 2022 = 19.6 %."""

    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        APPROVED = "approved", _("已审核")
        RETURNED = "returned", _("已退回")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="observations")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    year = models.PositiveIntegerField(_("年份"))
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="observations"
    )
    state = models.CharField(_("状态"), max_length=12, choices=State.choices, default=State.DRAFT)
    comment = models.TextField(_("说明"), blank=True)
    review_comment = models.TextField(_("审核意见"), blank=True)
    # Optimistic locking: every write bumps it; a write carrying an older number is a conflict.
    version = models.PositiveIntegerField(default=1)
    is_demo = models.BooleanField(_("演示数据"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["region__code", "indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "indicator", "year"], name="observation_unique"),
            within_limits("value", VALUE_LIMIT, name="observation_value_within_limits"),
        ]
        indexes = [
            models.Index(fields=["indicator", "region", "state"]),
            # "does this site hold 演示数据?" is asked on every page: answered from a tiny partial index
            models.Index(fields=["is_demo"], condition=models.Q(is_demo=True), name="observation_demo_only"),
            # The last year with any value, read by every approval's recompute: an index read, not a
            # scan of ~3 M values (a national database).
            models.Index(fields=["year"], name="observation_year"),
            # The review queue (values waiting for 审核): a few among a national database's 3.4 M, read from
            # a partial index instead of the whole (indicator, region, state) index.
            models.Index(
                fields=["region"], condition=models.Q(state="submitted"), name="observation_submitted"
            ),
        ]
        verbose_name = _("监测值")
        verbose_name_plural = _("监测值")

    def __str__(self) -> str:
        return f"{self.region.name} {self.indicator.name} {self.year}：{self.value}"


class ObservationChange(models.Model):
    """One change of an observation: who, when, old, new, why."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(_("操作"), max_length=20)  # 保存草稿 | 提交 | 审核通过 | 退回 | 导入
    old_value = models.DecimalField(max_digits=20, decimal_places=6, null=True)
    new_value = models.DecimalField(max_digits=20, decimal_places=6, null=True)
    old_state = models.CharField(max_length=12, blank=True)
    new_state = models.CharField(max_length=12)
    reason = models.TextField(_("原因"), blank=True)

    class Meta:
        ordering = ["observation", "at", "pk"]
        constraints = [
            within_limits("old_value", VALUE_LIMIT, name="observation_change_old_value_within_limits"),
            within_limits("new_value", VALUE_LIMIT, name="observation_change_new_value_within_limits"),
        ]
        verbose_name = _("修改记录")
        verbose_name_plural = _("修改记录")

    def __str__(self) -> str:
        return f"{self.observation} {self.action}"

    # The actions are stored in Chinese (they are the record); these marks put them in the translation
    # catalogue so the history page shows them in the reader's language.
    ACTIONS = (
        gettext_noop("保存草稿"),
        gettext_noop("提交"),
        gettext_noop("审核通过"),
        gettext_noop("退回"),
        gettext_noop("导入"),
        gettext_noop("修改说明"),
        gettext_noop("上传佐证"),
        gettext_noop("生成演示数据"),
        gettext_noop("合并指标"),
        gettext_noop("隔离"),  # numbers_quarantine moved an impossible stored value aside
    )

    @staticmethod
    def _state_label(code: str) -> str:
        return str(Observation.State(code).label) if code in Observation.State.values else code

    @property
    def old_state_label(self) -> str:
        return self._state_label(self.old_state)

    @property
    def new_state_label(self) -> str:
        return self._state_label(self.new_state)


class SeriesStatus(models.Model):
    """The engine's verdict on one series (region × indicator) in one year, stored on approval."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="statuses")
    year = models.PositiveIntegerField()
    status = models.CharField(max_length=12)
    value = models.FloatField(null=True)
    # The year ``value`` was reported for: an earlier one when this year's is not in yet (max_age), so
    # that a 2024 column never shows 2023's number as if it were 2024's.
    value_year = models.PositiveIntegerField(null=True)
    expected = models.FloatField(null=True)
    target = models.FloatField(null=True)
    target_year = models.PositiveIntegerField(null=True)
    ratio = models.FloatField(null=True)
    explanation = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "indicator", "year"], name="series_status_unique")
        ]
        indexes = [
            models.Index(fields=["region", "year"]),
            # The years with statuses (a page without ?year=): a hop along this index per year, not a
            # scan of a national database's 3.4 M statuses (dashboards.selectors.status_years).
            models.Index(fields=["year"], name="series_status_year"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} {self.year}年：{self.status}"


class RegionScore(models.Model):
    """A region's score and rank among its siblings in one year (engine scores)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    score = models.FloatField(null=True)
    final = models.FloatField(null=True)
    grade = models.CharField(max_length=20, blank=True)
    rank = models.PositiveIntegerField(null=True)
    achieved = models.PositiveIntegerField(default=0)
    assessed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="region_score_unique")]
        ordering = ["year", "rank"]

    def __str__(self) -> str:
        return f"{self.region} {self.year}年得分"


class Evidence(models.Model):
    """佐证材料: a file a department attaches to one reported value (a survey report, a scanned table)."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("文件"), upload_to="monitoring/evidence/%Y/")
    original_name = models.CharField(_("原文件名"), max_length=255)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    content_type = models.CharField(_("文件类型"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["observation", "uploaded_at", "pk"]
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")

    def __str__(self) -> str:
        return self.original_name


class QuarantinedValue(models.Model):
    """A stored number the one number rule cannot hold (±inf, NaN, 10^12 and more), moved aside by
    ``manage.py numbers_quarantine`` so the pages that read it render again; kept here so a person
    can see what was removed, from which row, and put a correct value back."""

    model = models.CharField(_("数据表"), max_length=100)  # app_label.ModelName
    object_id = models.CharField(_("记录编号"), max_length=40)
    field = models.CharField(_("字段"), max_length=50)
    raw = models.CharField(_("原值"), max_length=100)  # as the database held it, cut to 100 characters
    action = models.CharField(_("处理"), max_length=20)  # 清空 | 删除记录
    row = models.TextField(_("所在记录"), blank=True)  # the row's other columns, to find it again
    at = models.DateTimeField(_("隔离时间"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "model", "object_id"]
        verbose_name = _("隔离的数值")
        verbose_name_plural = _("隔离的数值")

    def __str__(self) -> str:
        return f"{self.model}#{self.object_id}.{self.field}：{self.raw}"
