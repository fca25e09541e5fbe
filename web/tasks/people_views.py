"""Pages for people rather than regions: one's reminders, a leader's own tasks, the lead department's
confirmation of a task's half-yearly report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from web.tasks.reminders import reminder_mark_read, reminders_for


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required
    return request.user


@login_required
def reminders(request: HttpRequest) -> HttpResponse:
    items = reminders_for(_user(request))
    return render(
        request,
        "tasks/reminders.html",
        {"items": items, "unread": sum(1 for item in items if item.read_at is None)},
    )


@login_required
@require_POST
def reminders_read(request: HttpRequest) -> HttpResponse:
    count = reminder_mark_read(user=_user(request))
    messages.success(request, f"已将{count}条提醒标为已读")
    return redirect("task-reminders")
