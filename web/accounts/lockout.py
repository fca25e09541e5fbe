"""The page a locked-out account sees (django-axes calls `lockout_response` after too many failures)."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_username, get_cool_off, get_failure_limit  # type: ignore[import-untyped]
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """429 with a Chinese explanation: which account, after how many failures, for how long."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    status: int = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)  # set by axes.conf at start-up
    return render(request, "accounts/locked.html", context, status=status)
