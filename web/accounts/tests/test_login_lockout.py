"""Login failure handling (等保: 限制非法登录次数): an account guessed at is locked, then unlocked."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def clerk() -> User:
    return User.objects.create_user("clerk", password=PASSWORD)


def _login(password: str, username: str = "clerk", address: str = "10.0.0.1") -> int:
    response = Client(REMOTE_ADDR=address).post("/login/", {"username": username, "password": password})
    return response.status_code


def _fail(times: int, **who: str) -> None:
    for _ in range(times):
        assert _login("wrong", **who) == 200  # the form again, with its error


def _lock(limit: int) -> None:
    _fail(limit - 1)
    assert _login("wrong") == 429  # the failure that reaches the limit answers with the lock


def test_five_failures_lock_the_account_even_against_the_right_password(clerk: User, settings) -> None:
    _lock(settings.AXES_FAILURE_LIMIT)
    response = Client(REMOTE_ADDR="10.0.0.1").post("/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    page = response.content.decode()
    for shown in ("账号已暂时锁定", "「clerk」", "连续 5 次登录失败", "请 30 分钟后再试"):
        assert shown in page
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_success_before_the_limit_starts_the_count_again(clerk: User, settings) -> None:
    _fail(settings.AXES_FAILURE_LIMIT - 1)
    assert _login(PASSWORD) == 302
    _fail(settings.AXES_FAILURE_LIMIT - 1)
    assert _login(PASSWORD) == 302


def test_the_lock_holds_only_for_that_account_from_that_address(clerk: User, settings) -> None:
    User.objects.create_user("office", password=PASSWORD)
    _lock(settings.AXES_FAILURE_LIMIT)
    assert _login(PASSWORD) == 429
    assert _login(PASSWORD, address="10.0.0.2") == 302  # the clerk at their own desk
    assert _login(PASSWORD, username="office") == 302  # a colleague on the same machine


def test_the_administrator_unlocks_an_account_early(clerk: User, settings) -> None:
    _lock(settings.AXES_FAILURE_LIMIT)
    assert AccessAttempt.objects.filter(username="clerk").exists()
    call_command("axes_reset_username", "clerk")
    assert _login(PASSWORD) == 302


def test_the_lock_lifts_after_the_cool_off(clerk: User, settings) -> None:
    _lock(settings.AXES_FAILURE_LIMIT)
    assert _login(PASSWORD) == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert _login(PASSWORD) == 302
