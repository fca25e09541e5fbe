"""Tokens for the test world's users, and a client that sends one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.api.services import api_token_create

Call = Callable[..., Any]


@pytest.fixture
def as_user(client: Client) -> Callable[[User], Call]:
    """``as_user(user)("get", "/api/plans")``: a request carrying a fresh token of ``user``."""

    def for_user(user: User) -> Call:
        _, token = api_token_create(user=user, name="测试")

        def call(method: str, url: str, body: dict[str, Any] | None = None) -> Any:
            send = getattr(client, method)
            if body is None:
                return send(url, HTTP_AUTHORIZATION=f"Bearer {token}")
            return send(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

        return call

    return for_user
