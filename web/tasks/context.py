"""Whether the user holds a 包抓/牵头 seat: the header shows 我的任务 only then."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from web.tasks.models import LeaderAccount


def leader_seat(request: HttpRequest) -> dict[str, Callable[[], bool]]:
    """``leader_seat`` is asked lazily: the query runs only where the header asks (leaders' pages)."""
    user = request.user

    def held() -> bool:
        return user.is_authenticated and LeaderAccount.objects.filter(user_id=user.pk).exists()

    return {"leader_seat": held}
