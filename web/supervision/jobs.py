"""The 责任清单's reminders on the queue: every morning the worker's scheduler sends the day's reminders."""

from __future__ import annotations

from django.utils import timezone

from web.jobs.registry import JobContext, Outcome, job, periodic
from web.jobs.services import job_enqueue
from web.supervision.reminders import REMIND_DAYS, reminders_send


@job("supervision.reminders")
def reminders(context: JobContext) -> Outcome:
    """params: date (ISO, the day the reminders are computed for), days (how many days ahead)."""
    import datetime

    day = datetime.date.fromisoformat(context.params["date"])
    made = reminders_send(today=day, days=int(context.params.get("days", REMIND_DAYS)))
    return Outcome(summary={"lines": [f"{day:%Y-%m-%d}：新发提醒{len(made)}条"], "sent": len(made)})


@periodic("daily_reminders", hour="8", minute="0")
def reminders_daily() -> None:
    """At 08:00: one reminder job a day, however many workers' schedulers ask (``once``)."""
    today = timezone.localdate().isoformat()
    job_enqueue(
        kind="supervision.reminders",
        title=f"责任清单提醒（{today}）",
        params={"date": today, "days": REMIND_DAYS},
        user=None,
        once=True,
    )
