"""Bearer-token authentication: the token stands for its user, and the user's scope applies."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja.security import HttpBearer

from web.api.services import api_token_user


class TokenAuth(HttpBearer):
    openapi_description = (
        "接口令牌：请求头 `Authorization: Bearer <令牌>`。令牌由系统管理员在后台"
        "或用 `manage.py api_token 用户名` 创建，权限与该用户在网页中的权限相同。"
    )

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_user(token)
        if user is not None:
            # The scope helper and the services read request.user, exactly as for the pages.
            request.user = user
        return user
