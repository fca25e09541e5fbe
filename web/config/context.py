from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from web.accounts.scope import region_scope_for
from web.dashboards.cache import cached, generation_of
from web.monitoring.models import Observation


def scope(request: HttpRequest) -> dict[str, Any]:
    """The user's scope, and whether the site holds 演示数据 (shown on every page then).

    Whether it holds 演示数据 is kept with the dashboards' generation: the demo's build and every
    approval replace the token, and a dashboard page has read it already — no query of its own."""
    return {
        "scope": region_scope_for(request.user),
        "demo_site": cached(
            generation_of(request), ("demo-site",), Observation.objects.filter(is_demo=True).exists
        ),
    }
