"""Run by a periodic job (e.g. hourly): ``python web/manage.py pending_uploads_clean``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from web.plans.pending import PENDING_HOURS, pending_uploads_clean


class Command(BaseCommand):
    help = "删除等待确认超过规定时间的规划上传（上传后既未确认也未取消的文件）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours", type=float, default=PENDING_HOURS, help="等待超过多少小时即删除（默认%(default)s）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        removed = pending_uploads_clean(hours=options["hours"])
        self.stdout.write(f"删除过期的待确认上传{removed}个")
