from __future__ import annotations

from django.http import HttpRequest

from web.accounts.scope import RegionScope, region_scope_for


def scope(request: HttpRequest) -> dict[str, RegionScope]:
    return {"scope": region_scope_for(request.user)}
