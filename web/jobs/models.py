"""A job: long work (a PDF report, a large upload, a plan import, a recompute) done by a queue worker.

The row is the job's whole story, whatever queue carries it: its parameters and input file, its
progress, the file it made or the reason it failed (in Chinese), and who asked for it. The queue
(huey: SQLite by default, Redis or PostgreSQL in a deployment) only carries the job's id; input and
result live in the database, so web hosts and workers need no shared disk.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("进行中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    kind = models.CharField(_("任务类型"), max_length=60)
    title = models.CharField(_("名称"), max_length=200)
    params = models.JSONField(_("参数"), default=dict)
    input_name = models.CharField(_("上传文件名"), max_length=200, blank=True)
    input_file = models.BinaryField(_("上传文件"), null=True, editable=False)
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)  # percent
    stage = models.CharField(_("当前步骤"), max_length=200, blank=True)
    error = models.TextField(_("失败原因"), blank=True)
    outcome = models.JSONField(_("结果摘要"), default=dict)
    result_name = models.CharField(_("结果文件名"), max_length=200, blank=True)
    result_type = models.CharField(max_length=120, blank=True)
    result = models.BinaryField(_("结果文件"), null=True, editable=False)
    back_url = models.CharField(max_length=300, blank=True)  # the page the job was asked from
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # host:pid of the process running it: a worker restarting on that host runs again the jobs whose
    # process is gone (killed mid-job), and leaves alone those of live workers and other hosts.
    worker = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "worker"]),
            models.Index(fields=["created_by", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
