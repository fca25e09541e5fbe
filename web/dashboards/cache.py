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

from web.dashboards.models import Generation

ALIAS = "dashboards"
TIMEOUT = 24 * 3600  # a generation's parts are never stale; the timeout only frees memory
_ROW = 1
_MISSING = object()
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


def cached(token: str, parts: tuple[object, ...], compute: Callable[[], T]) -> T:
    """The part named by ``parts`` in generation ``token``, computed on the first request."""
    cache = caches[ALIAS]
    name = key(token, *parts)
    found: Any = cache.get(name, _MISSING)
    if found is _MISSING:
        found = compute()
        cache.set(name, found, TIMEOUT)
    return found  # type: ignore[no-any-return]
