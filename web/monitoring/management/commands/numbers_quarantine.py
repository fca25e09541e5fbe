"""``manage.py numbers_quarantine``: move aside stored numbers the one number rule cannot hold."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from web.monitoring.quarantine import quarantine


class Command(BaseCommand):
    help = (
        "找出库中非有限或超过12位整数的数值，记入“隔离的数值”并清空（或删除无意义的记录），使各页面恢复正常"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = quarantine(apps)
        for item in done:
            self.stdout.write(f"{item.model}#{item.object_id}.{item.field}：「{item.raw}」→ {item.action}")
        self.stdout.write(f"共隔离{len(done)}个数值" if done else "没有需要隔离的数值")
