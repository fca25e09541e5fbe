"""Departments (with the names plans use for them) and the committee's positions and holders."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from web.regions.models import Region


class Department(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departments", verbose_name=_("地区")
    )
    name = models.CharField(_("名称"), max_length=100)
    is_demo = models.BooleanField(_("演示数据"), default=False)

    class Meta:
        ordering = ["region__code", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="department_unique_name")]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")

    def __str__(self) -> str:
        return self.name


class DepartmentAlias(models.Model):
    """Another name for a department in its region: 区卫健局 = 区卫生健康局 = 卫生健康局."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="aliases")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    alias = models.CharField(_("别名"), max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "alias"], name="alias_unique_in_region")]
        verbose_name = _("部门别名")
        verbose_name_plural = _("部门别名")

    def __str__(self) -> str:
        return f"{self.alias} → {self.department.name}"


class Body(models.Model):
    """推进委员会, its 办公室, 专家咨询委员会, or one 专项行动工作组."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("推进委员会")
        OFFICE = "office", _("办公室")
        EXPERTS = "experts", _("专家咨询委员会")
        WORKING_GROUP = "working_group", _("专项行动工作组")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="bodies")
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=200)

    class Meta:
        ordering = ["region__code", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "kind", "name"], name="body_unique")]
        verbose_name = _("议事机构")
        verbose_name_plural = _("议事机构")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("姓名"), max_length=50)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="person_unique_in_region")]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")

    def __str__(self) -> str:
        return self.name


class Position(models.Model):
    """A seat, held by whoever has the office: 副主任 held by 区卫健局局长."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("职务"), max_length=20)  # 主任 | 副主任 | 秘书长 | 委员 | 组长 | 成员 …
    office = models.CharField(_("所任职务"), max_length=200, blank=True)  # 区卫健局局长
    seq = models.PositiveIntegerField(_("序号"), default=0)

    class Meta:
        ordering = ["body", "seq"]
        verbose_name = _("职位")
        verbose_name_plural = _("职位")

    def __str__(self) -> str:
        return (
            f"{self.body.name}{self.title}（{self.office}）"
            if self.office
            else f"{self.body.name}{self.title}"
        )

    def holder_on(self, day: datetime.date) -> Holding | None:
        return (
            self.holdings.filter(started_on__lte=day)
            .filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gt=day))
            .select_related("person")
            .first()
        )


class Holding(models.Model):
    """A person in a position for a period; a change of holder closes one row and opens the next."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="holdings")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="holdings")
    started_on = models.DateField(_("起始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["position"], condition=models.Q(ended_on__isnull=True), name="one_current_holder"
            )
        ]
        verbose_name = _("任职")
        verbose_name_plural = _("任职")

    def __str__(self) -> str:
        return f"{self.person} {self.position}"
