"""The dashboards' cache: parts computed once per generation, shared by all requests of a worker.

A part (an overview's data and rendered body, a league table, the API's statuses) is stored in the
"dashboards" cache under the current generation token (`Generation`, one database row). The token
is replaced in the same transaction as the change, so the cache itself may be per process (the
default, nothing to install) or shared (Redis, memcached): a worker reading the new token never
finds a part of the old one, and a part computed from data older than the token it is stored
under cannot exist — the token is read first, the data after.

What replaces the token: `statuses_refresh` (every approval, every change of an approved value,
the demo's and the bench's builds) and, through signals, any save or delete of a region, an
indicator, an action, a target or an indicator's actions (names, trees and targets the parts show).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import caches
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest

from web.dashboards.models import Generation
from web.regions.models import Region

ALIAS = "dashboards"
TIMEOUT = 24 * 3600  # a generation's parts are never stale; the timeout only frees memory
_ROW = 1
_MISSING = object()
_ON_REQUEST = "_healthaction_generation"
_READ = f"SELECT token FROM {Generation._meta.db_table} WHERE id = %s"
T = TypeVar("T")


def generation() -> str:
    """The current token (one primary-key read, on every dashboard request); the first reader creates it."""
    with connection.cursor() as cursor:  # plain SQL: the ORM's query building costs more than the read
        cursor.execute(_READ, [_ROW])
        row = cursor.fetchone()
    if row is not None:
        return str(row[0])
    try:
        with transaction.atomic():
            return Generation.objects.create(pk=_ROW, token=uuid.uuid4().hex).token
    except IntegrityError:  # another request created it first
        return Generation.objects.values_list("token", flat=True).get(pk=_ROW)


def generation_of(request: HttpRequest) -> str:
    """The token, read once per request: the view's parts and the page's frame (the demo banner) share it."""
    token: str | None = getattr(request, _ON_REQUEST, None)
    if token is None:
        token = generation()
        setattr(request, _ON_REQUEST, token)
    return token


def region_by_code(token: str, code: str) -> Region | None:
    """The region ``code`` of generation ``token`` (a save or delete of a region replaces the token).
    An unknown code is not cached: made-up codes must not fill the cache."""
    query = Region.objects.filter(code=code).first
    return cached(token, ("region", code), query, keep=lambda region: region is not None)


def generation_bump() -> None:
    """A new token, in the caller's transaction: what the dashboards cached before is no longer read."""
    token = uuid.uuid4().hex
    if not Generation.objects.filter(pk=_ROW).update(token=token):
        try:
            with transaction.atomic():
                Generation.objects.create(pk=_ROW, token=token)
        except IntegrityError:
            Generation.objects.filter(pk=_ROW).update(token=token)


def key(token: str, *parts: object) -> str:
    return ":".join([token, *(str(p) for p in parts)])


def cached(
    token: str, parts: tuple[object, ...], compute: Callable[[], T], keep: Callable[[T], bool] | None = None
) -> T:
    """The part named by ``parts`` in generation ``token``, computed on the first request; stored only
    when ``keep`` (if given) says so of it."""
    cache = caches[ALIAS]
    name = key(token, *parts)
    found: Any = cache.get(name, _MISSING)
    if found is _MISSING:
        found = compute()
        if keep is None or keep(found):
            cache.set(name, found, TIMEOUT)
    return found  # type: ignore[no-any-return]
