"""Writes to API tokens: create one (the clear token is returned once), revoke one."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from web.api.models import ApiToken

TOKEN_PREFIX = "ha_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A fresh clear token: ``ha_`` and 43 URL-safe characters (256 random bits)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_prefix(token: str) -> str:
    return token[:10]


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the clear token is in the return value and nowhere else."""
    token = new_token()
    record = ApiToken.objects.create(
        user=user, name=name.strip() or "接口访问", prefix=token_prefix(token), key_hash=token_hash(token)
    )
    return record, token


def api_token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)


def api_token_user(token: str) -> User | None:
    """The active user a token belongs to, or None; marks the token as used."""
    record = (
        ApiToken.objects.filter(key_hash=token_hash(token), revoked=False, user__is_active=True)
        .select_related("user")
        .first()
    )
    if record is None:
        return None
    now = timezone.now()
    # At most one write a minute per token: the API stays read-mostly under load.
    if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    user: User = record.user
    return user
