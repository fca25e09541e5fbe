"""Imported plan documents and what they fix: actions, indicators, targets and baselines."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from web.organisation.models import Department
from web.plans.value_limits import VALUE_LIMIT, within_limits
from web.regions.models import Region


class PlanDocument(models.Model):
    """An imported document: the file as uploaded, and the plan parsed from it."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="documents", verbose_name=_("地区")
    )
    title = models.CharField(_("标题"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issuer = models.CharField(_("发文机关"), max_length=200, blank=True)
    issued_on = models.DateField(_("印发日期"), null=True, blank=True)
    file = models.FileField(_("原文件"), upload_to="plans/%Y/")
    file_name = models.CharField(_("文件名"), max_length=300)
    sha256 = models.CharField(max_length=64)
    parsed = models.JSONField(_("解析结果"))
    imported_at = models.DateTimeField(_("导入时间"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["region__code", "title"]
        constraints = [models.UniqueConstraint(fields=["region", "title"], name="document_unique_title")]
        verbose_name = _("规划文件")
        verbose_name_plural = _("规划文件")

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    """A 专项行动 of a plan, with its 牵头/配合 departments."""

    document = models.ForeignKey(PlanDocument, on_delete=models.CASCADE, related_name="actions")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="actions")
    seq = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("名称"), max_length=200)
    departments: models.ManyToManyField[Department, ActionDepartment] = models.ManyToManyField(
        Department, through="ActionDepartment", related_name="actions"
    )

    class Meta:
        ordering = ["region__code", "seq"]
        constraints = [models.UniqueConstraint(fields=["document", "name"], name="action_unique_name")]
        verbose_name = _("专项行动")
        verbose_name_plural = _("专项行动")

    def __str__(self) -> str:
        return self.name


class ActionDepartment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        COOPERATING = "cooperating", _("配合")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="department_roles")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=12, choices=Role.choices)
    written_as = models.CharField(_("原文写法"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "department", "role"], name="action_department_unique")
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.get_role_display()}：{self.written_as}"


class Indicator(models.Model):
    """An indicator as a plan names it, linked to the national catalog when the name matches."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="indicators")
    name = models.CharField(_("指标"), max_length=200)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    catalog_name = models.CharField(_("国家指标"), max_length=200, blank=True)
    polarity = models.SmallIntegerField(_("方向"), null=True, blank=True)  # +1 越高越好, -1 越低越好, 0
    owners = models.ManyToManyField(
        Department, related_name="indicators", blank=True, verbose_name=_("填报部门")
    )
    actions = models.ManyToManyField(Action, related_name="indicators", blank=True)

    class Meta:
        ordering = ["region__code", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="indicator_unique_name")]
        verbose_name = _("指标")
        verbose_name_plural = _("指标")

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """目标值: "到2022年…不低于22%" for a region, from an action's text or the framework table."""

    class Source(models.TextChoices):
        ACTION = "action", _("专项行动")
        FRAMEWORK = "framework", _("指标框架")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="targets")
    document = models.ForeignKey(PlanDocument, on_delete=models.CASCADE, related_name="targets")
    source = models.CharField(max_length=12, choices=Source.choices)
    year = models.PositiveIntegerField(_("目标年份"))
    comparator = models.CharField(_("比较"), max_length=12)
    value = models.DecimalField(_("目标值"), max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    text = models.CharField(_("原文"), max_length=300)

    class Meta:
        ordering = ["indicator", "region__code", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region", "year", "source", "document"], name="target_unique"
            ),
            within_limits("value", VALUE_LIMIT, name="target_value_within_limits"),
        ]
        verbose_name = _("目标")
        verbose_name_plural = _("目标")

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.year}年 {self.text}"


class Baseline(models.Model):
    """基期水平 for a region: 人均预期寿命 2017 = 73.7."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="baselines")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="baselines")
    document = models.ForeignKey(PlanDocument, on_delete=models.CASCADE, related_name="baselines")
    year = models.PositiveIntegerField(_("基期年份"), null=True, blank=True)
    value = models.DecimalField(_("基期值"), max_digits=20, decimal_places=6, null=True, blank=True)
    text = models.CharField(_("原文"), max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region"], name="baseline_unique"),
            within_limits("value", VALUE_LIMIT, name="baseline_value_within_limits"),
        ]
        verbose_name = _("基期")
        verbose_name_plural = _("基期")

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} 基期：{self.text}"
