"""Departments (with the names plans use for them) and the committee's positions and holders."""

from __future__ import annotations

import datetime

from django.db import models

from web.regions.models import Region


class Department(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departments", verbose_name="地区"
    )
    name = models.CharField("名称", max_length=100)
    is_demo = models.BooleanField("演示数据", default=False)

    class Meta:
        ordering = ["region__code", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="department_unique_name")]
        verbose_name = "部门"
        verbose_name_plural = "部门"

    def __str__(self) -> str:
        return self.name


class DepartmentAlias(models.Model):
    """Another name for a department in its region: 区卫健局 = 区卫生健康局 = 卫生健康局."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="aliases")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    alias = models.CharField("别名", max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "alias"], name="alias_unique_in_region")]
        verbose_name = "部门别名"
        verbose_name_plural = "部门别名"

    def __str__(self) -> str:
        return f"{self.alias} → {self.department.name}"


class Body(models.Model):
    """推进委员会, its 办公室, 专家咨询委员会, or one 专项行动工作组."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", "推进委员会"
        OFFICE = "office", "办公室"
        EXPERTS = "experts", "专家咨询委员会"
        WORKING_GROUP = "working_group", "专项行动工作组"

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="bodies")
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    name = models.CharField("名称", max_length=200)

    class Meta:
        ordering = ["region__code", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "kind", "name"], name="body_unique")]
        verbose_name = "议事机构"
        verbose_name_plural = "议事机构"

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("姓名", max_length=50)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="person_unique_in_region")]
        verbose_name = "人员"
        verbose_name_plural = "人员"

    def __str__(self) -> str:
        return self.name


class Position(models.Model):
    """A seat, held by whoever has the office: 副主任 held by 区卫健局局长."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField("职务", max_length=20)  # 主任 | 副主任 | 秘书长 | 委员 | 组长 | 成员 …
    office = models.CharField("所任职务", max_length=200, blank=True)  # 区卫健局局长
    seq = models.PositiveIntegerField("序号", default=0)

    class Meta:
        ordering = ["body", "seq"]
        verbose_name = "职位"
        verbose_name_plural = "职位"

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
    started_on = models.DateField("起始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        ordering = ["position", "started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["position"], condition=models.Q(ended_on__isnull=True), name="one_current_holder"
            )
        ]
        verbose_name = "任职"
        verbose_name_plural = "任职"

    def __str__(self) -> str:
        return f"{self.person} {self.position}"
