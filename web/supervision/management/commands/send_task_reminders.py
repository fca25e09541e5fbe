"""Run by cron (e.g. daily at 08:00): ``python web/manage.py send_task_reminders``."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from web.supervision.reminders import REMIND_DAYS, reminders_send


class Command(BaseCommand):
    help = "发送责任清单提醒：报送截止前N天、逾期未报、措施逾期；同一提醒不会重复发送"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=REMIND_DAYS, help="截止前多少天提醒（默认%(default)s）"
        )
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="按此日期计算（YYYY-MM-DD）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        made = reminders_send(today=options["today"], days=options["days"])
        for reminder in made:
            self.stdout.write(f"{reminder.user.username}\t{reminder.get_kind_display()}\t{reminder.message}")
        self.stdout.write(f"新发提醒{len(made)}条")
