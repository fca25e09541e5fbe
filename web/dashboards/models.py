"""The dashboards' cache generation: one row whose token changes whenever what they show may change."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """A random token, replaced inside the transaction that changes statuses, scores, regions or plans.

    The dashboards' cached parts are keyed by it: every gunicorn worker reads it from the database
    on each request, so none serves a part computed before an approval."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("看板缓存代次")
        verbose_name_plural = _("看板缓存代次")

    def __str__(self) -> str:
        return self.token
