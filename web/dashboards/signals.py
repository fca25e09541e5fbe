"""What the dashboards' cached parts show besides statuses and scores: a change replaces the generation."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from web.dashboards.cache import generation_bump
from web.monitoring.signals import statuses_refreshing
from web.plans.models import Action, Indicator, Target
from web.regions.models import Region


def _changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaddata: the fixture's own rows, nothing cached yet
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed: once, after the change
        return
    generation_bump()


def connect() -> None:
    for model in (Region, Indicator, Action, Target):
        post_save.connect(_changed, sender=model, dispatch_uid=f"dashboards-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"dashboards-delete-{model.__name__}")
    links = Indicator.actions.through
    m2m_changed.connect(_changed, sender=links, dispatch_uid="dashboards-indicator-actions")
    statuses_refreshing.connect(_changed, dispatch_uid="dashboards-statuses-refreshing")
