"""API tokens: one user's key to the API, kept only as a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A bearer token acting as its user, within exactly that user's scope.

    Only the SHA-256 of the token is stored; the token itself is shown once, when it is created.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="用户"
    )
    name = models.CharField("用途", max_length=100, help_text="例如：统计局数据交换")
    prefix = models.CharField("令牌前缀", max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True, editable=False)
    revoked = models.BooleanField("已停用", default=False)

    class Meta:
        ordering = ["user__username", "-created_at"]
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} {self.name}（{self.prefix}…）"
