"""The API under /api/: token authentication, Chinese errors, the same scope as the pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from web.api import observations, plans, statuses
from web.api.auth import TokenAuth

api = NinjaAPI(
    title="健康行动监测接口",
    version="1.0",
    description=(
        "健康XX行动的规划、目标、监测值和评估结果。\n\n"
        "每个请求都要带接口令牌（`Authorization: Bearer <令牌>`），令牌代表一个用户，"
        "能看到和填报的范围与该用户在网页中完全相同：范围外的地区返回 403，不存在的返回 404，"
        "没有或无效的令牌返回 401。错误的 `detail` 是一句中文说明。"
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    # The interactive docs and the schema for signed-in users only: they list what the system holds.
    docs_decorator=login_required,
)
api.add_router("", plans.router)
api.add_router("", observations.router)
api.add_router("", statuses.router)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "缺少或无效的接口令牌：请在请求头中加 Authorization: Bearer <令牌>"}, status=401
    )


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "不在您的权限范围内"}, status=403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "没有找到"}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    places = "；".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}：{e.get('msg', '')}" for e in exc.errors
    )
    return api.create_response(
        request, {"detail": f"请求不正确（{places}）", "errors": exc.errors}, status=422
    )
