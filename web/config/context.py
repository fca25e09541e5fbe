from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from web.accounts.scope import region_scope_for
from web.monitoring.models import Observation


def scope(request: HttpRequest) -> dict[str, Any]:
    """The user's scope, and whether the site holds 演示数据 (shown on every page then)."""
    return {
        "scope": region_scope_for(request.user),
        "demo_site": Observation.objects.filter(is_demo=True).exists(),
    }
