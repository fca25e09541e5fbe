"""责任清单: tasks with their measures and sub-targets, half-yearly progress, 约谈 and 整改.

A task's measures are numbered in the list's order; ``Task.position`` and ``Measure.seq`` give
the core's measure id "3.2" (third task, second measure), so supervision is the core's own.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from web.organisation.models import Department, Person, Position
from web.plans.models import Action, PlanDocument
from web.plans.value_limits import VALUE_LIMIT, within_limits
from web.regions.models import Region


class Task(models.Model):
    """A 重点工作任务 of a 责任清单, under its 工程, linked to the 专项行动 it serves."""

    class DeadlineKind(models.TextChoices):
        DATE = "date", "按期完成"
        YEARLY = "yearly", "每年"
        LONG_TERM = "long_term", "长期"
        UNKNOWN = "unknown", "未识别"

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="tasks", verbose_name="地区")
    document = models.ForeignKey(
        PlanDocument,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name="清单文件",
    )
    position = models.PositiveIntegerField("顺序")  # 1-based place in the list: the core's task id
    seq = models.PositiveIntegerField("序号", null=True, blank=True)  # as the list numbers it
    program = models.CharField("工程", max_length=200, blank=True)
    name = models.CharField("重点工作任务", max_length=500)
    action = models.ForeignKey(
        Action,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name="专项行动",
    )
    action_confirmed = models.BooleanField("专项行动已人工确认", default=False)
    deadline_text = models.CharField("完成时限", max_length=100, blank=True)
    deadline_kind = models.CharField(
        "时限类型", max_length=12, choices=DeadlineKind.choices, default=DeadlineKind.UNKNOWN
    )
    due_on = models.DateField("到期日", null=True, blank=True)
    is_demo = models.BooleanField("演示数据", default=False)

    class Meta:
        ordering = ["region__code", "document_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["region", "document", "position"], name="task_unique_position")
        ]
        verbose_name = "重点任务"
        verbose_name_plural = "重点任务"

    def __str__(self) -> str:
        return self.name

    def departments_in(self, role: str) -> list[TaskDepartment]:
        return [d for d in self.department_roles.all() if d.role == role]


class TaskDepartment(models.Model):
    """A department as the list names it: 牵头 or 责任. Collective names (各镇街) keep no department."""

    class Role(models.TextChoices):
        LEAD = "lead", "牵头部门"
        RESPONSIBLE = "responsible", "责任部门"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="department_roles")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="task_roles"
    )
    role = models.CharField(max_length=12, choices=Role.choices)
    written_as = models.CharField("原文写法", max_length=100)
    seq = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["task", "role", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["task", "role", "written_as"], name="task_department_unique")
        ]

    def __str__(self) -> str:
        return self.written_as


class TaskLeader(models.Model):
    """包抓领导 or 牵头领导: a position, so that whoever holds it now is the one answerable."""

    class Role(models.TextChoices):
        RESPONSIBLE = "responsible", "包抓领导"
        LEAD = "lead", "牵头领导"

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="leaders")
    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="task_roles")
    role = models.CharField(max_length=12, choices=Role.choices)
    written_as = models.CharField("原文写法", max_length=50)
    seq = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["task", "-role", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["task", "role", "written_as"], name="task_leader_unique")
        ]

    def __str__(self) -> str:
        return self.written_as

    def holder_name(self, day: datetime.date) -> str:
        holding = self.position.holder_on(day)
        return holding.person.name if holding else self.written_as


class Measure(models.Model):
    """A numbered 具体措施 of a task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="measures")
    seq = models.PositiveIntegerField("序号")  # 1-based
    text = models.TextField("具体措施")

    class Meta:
        ordering = ["task", "seq"]
        constraints = [models.UniqueConstraint(fields=["task", "seq"], name="measure_unique_seq")]
        verbose_name = "具体措施"
        verbose_name_plural = "具体措施"

    def __str__(self) -> str:
        return f"{self.code} {self.text[:30]}"

    @property
    def code(self) -> str:
        """The core's measure id: "3.2"."""
        return f"{self.task.position}.{self.seq}"


class SubTarget(models.Model):
    """A measurable sub-target read from the measure's text by the core (``quantities``)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="sub_targets")
    index = models.PositiveIntegerField("序号")  # 0-based: the core's index in TrackedMeasure.quantities
    subject = models.CharField("对象", max_length=200, blank=True)
    comparator = models.CharField("比较", max_length=4)
    value = models.DecimalField("数量", max_digits=20, decimal_places=6)
    upper = models.DecimalField("上限", max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField("单位", max_length=30)
    period = models.CharField("周期", max_length=20, blank=True)
    kind = models.CharField("类型", max_length=12)  # cumulative | recurring | rate
    year = models.PositiveIntegerField("年份", null=True, blank=True)
    text = models.CharField("原文短语", max_length=300)
    label = models.CharField("名称", max_length=500)
    sentence = models.TextField("原句")

    class Meta:
        ordering = ["measure", "index"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "index"], name="sub_target_unique_index"),
            within_limits("value", VALUE_LIMIT, name="sub_target_value_within_limits"),
            within_limits("upper", VALUE_LIMIT, name="sub_target_upper_within_limits"),
        ]
        verbose_name = "量化子目标"
        verbose_name_plural = "量化子目标"

    def __str__(self) -> str:
        return self.label


class ProgressReport(models.Model):
    """One department's report on one measure for a half-yearly round (2021H1, 2021H2)."""

    class Status(models.TextChoices):
        # The codes and words of healthaction.responsibility.statuses (a test keeps them the same).
        NOT_STARTED = "not_started", _("未开始")
        IN_PROGRESS = "in_progress", _("推进中")
        DONE = "done", _("已完成")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reports")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="task_reports")
    round = models.CharField("报告轮次", max_length=6)  # ReportingRound.code
    status = models.CharField("状态", max_length=12, choices=Status.choices)
    amounts = models.JSONField(
        "完成数量", default=dict, blank=True
    )  # {"0": "180"}: sub-target index → amount
    text = models.TextField("进展情况", blank=True)
    evidence = models.FileField("佐证材料", upload_to="tasks/evidence/%Y/", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField("报送时间")
    is_demo = models.BooleanField("演示数据", default=False)

    class Meta:
        ordering = ["round", "measure", "department__name"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "department", "round"], name="progress_report_unique")
        ]
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"

    def __str__(self) -> str:
        return f"{self.department} {self.round} {self.measure.code}"


class ProgressReportChange(models.Model):
    """Every version of a report, kept: who sent what, when."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=12)  # a ProgressReport.Status code
    amounts = models.JSONField(default=dict, blank=True)
    text = models.TextField(blank=True)
    evidence = models.CharField(max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["report", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} {self.at:%Y-%m-%d %H:%M}"


class LeaderAccount(models.Model):
    """The user who is this person: a 包抓/牵头 leader sees the tasks of the seats the person holds."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leader_account"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="accounts")

    class Meta:
        verbose_name = "领导账户"
        verbose_name_plural = "领导账户"

    def __str__(self) -> str:
        return f"{self.user} → {self.person}"


class TaskConfirmation(models.Model):
    """The 牵头部门 confirms a task's report for a round, from what every department fed into it."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="confirmations")
    round = models.CharField("报告轮次", max_length=6)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    note = models.TextField("审核意见", blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField("确认时间")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "round"], name="task_confirmation_unique")]
        verbose_name = "牵头部门确认"
        verbose_name_plural = "牵头部门确认"

    def __str__(self) -> str:
        return f"{self.task} {self.round} 已确认"
