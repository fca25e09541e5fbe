"""督导 and what follows from it: 约谈, 整改, the annual 督导 with its findings, and reminders.

The tables were made by the tasks app and keep their names (``db_table``): moving the models here
moved no row.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models

from healthaction.responsibility import RectificationState
from web.organisation.models import Department
from web.regions.models import Region
from web.tasks.models import Measure


class Interview(models.Model):
    """约谈: a department behind in two consecutive rounds, proposed, then held or dropped."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "拟约谈"
        HELD = "held", "已约谈"
        DROPPED = "dropped", "不约谈"

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="interviews")
    round = models.CharField("报告轮次", max_length=6)
    previous_round = models.CharField("上一轮次", max_length=6)
    reason = models.TextField("事由")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.PROPOSED)
    held_on = models.DateField("约谈日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField("提出时间", auto_now_add=True)

    class Meta:
        db_table = "tasks_interview"  # the rows stay where the tasks app made them
        ordering = ["-round", "department__name"]
        constraints = [models.UniqueConstraint(fields=["department", "round"], name="interview_unique_round")]
        verbose_name = "约谈"
        verbose_name_plural = "约谈"

    def __str__(self) -> str:
        return f"{self.department} {self.round} 约谈"


class Rectification(models.Model):
    """整改: what a department must put right, by when, and how it was closed."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="rectifications")
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="rectifications"
    )
    round = models.CharField("发现轮次", max_length=6)
    issue = models.TextField("整改事项")
    due_on = models.DateField("整改时限")
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    closing_note = models.TextField("整改情况", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "tasks_rectification"  # the rows stay where the tasks app made them
        ordering = ["closed_at", "due_on", "pk"]
        verbose_name = "整改事项"
        verbose_name_plural = "整改事项"

    def __str__(self) -> str:
        return f"{self.department} {self.issue[:30]}"

    def state(self, on: datetime.date) -> RectificationState:
        """open (整改中) / closed (已整改) / overdue (逾期未整改), as the core says it."""
        if self.closed_at is not None:
            return "closed"
        return "overdue" if on > self.due_on else "open"


class Reminder(models.Model):
    """An in-app (and e-mailed) reminder; ``key`` makes each one unique: never the same twice."""

    class Kind(models.TextChoices):
        DUE = "due", "报送即将截止"
        LATE = "late", "逾期未报"
        OVERDUE = "overdue", "措施逾期未完成"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="task_reminders"
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reminders")
    round = models.CharField("报告轮次", max_length=6)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=120, unique=True)  # user/measure/round/kind
    message = models.TextField("提醒内容")
    created_at = models.DateTimeField("提醒时间", auto_now_add=True)
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        db_table = "tasks_reminder"  # the rows stay where the tasks app made them
        ordering = ["-created_at", "pk"]
        verbose_name = "提醒"
        verbose_name_plural = "提醒"

    def __str__(self) -> str:
        return self.message[:40]


class SupervisionRound(models.Model):
    """The office's annual 督导 of a region's 责任清单 (平川: once a year), with its findings."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name="地区")
    year = models.PositiveIntegerField("年度")
    held_on = models.DateField("督导日期", null=True, blank=True)
    note = models.TextField("督导说明", blank=True)
    is_demo = models.BooleanField("演示数据", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        db_table = "tasks_supervisionround"  # the rows stay where the tasks app made them
        ordering = ["region__code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="supervision_round_unique_year")
        ]
        verbose_name = "年度督导"
        verbose_name_plural = "年度督导"

    def __str__(self) -> str:
        return f"{self.region} {self.year}年度督导"


class SupervisionFinding(models.Model):
    """What the annual 督导 found in one department: a rating, the finding, the 整改 it led to."""

    class Rating(models.TextChoices):
        GOOD = "good", "好"
        FAIR = "fair", "较好"
        WEAK = "weak", "一般"
        POOR = "poor", "差"

    round = models.ForeignKey(SupervisionRound, on_delete=models.CASCADE, related_name="findings")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="supervision_findings")
    rating = models.CharField("评价", max_length=8, choices=Rating.choices)
    text = models.TextField("发现问题")
    follow_up = models.TextField("跟进情况", blank=True)
    rectification = models.ForeignKey(
        Rectification,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
        verbose_name="整改事项",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        db_table = "tasks_supervisionfinding"  # the rows stay where the tasks app made them
        ordering = ["round", "department__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "department"], name="supervision_finding_unique")
        ]
        verbose_name = "督导发现"
        verbose_name_plural = "督导发现"

    def __str__(self) -> str:
        return f"{self.department} {self.round.year} {self.get_rating_display()}"
