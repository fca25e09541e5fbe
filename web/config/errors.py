"""The error pages (400, 403, 404, 500) in Chinese, in the site's frame, with the reason and a way back.

Django's own handlers render 400 and 500 without the request (no header, no navigation) and its
bare English templates otherwise; these render ``errors/<status>.html`` with the request, and show
the reason the code gave (「不在您的权限范围内」, 「年份应为…」) where it is meant for the user.
"""

from __future__ import annotations

import logging
import re

from django.core.exceptions import BadRequest, DisallowedHost, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)

# get_object_or_404's own English sentence names a model class: no reason for a user.
_INTERNAL = re.compile(r"^No .+ matches the given query\.$")


def _reason(exception: Exception | None) -> str:
    """The message of an exception our code raised for the user; Django's internal ones say nothing useful."""
    if isinstance(exception, BadRequest | PermissionDenied | Http404) and exception.args:
        first = exception.args[0]
        return first if isinstance(first, str) and not _INTERNAL.match(first) else ""
    return ""


def _page(request: HttpRequest, status: int, exception: Exception | None) -> HttpResponse:
    """The page in the site's frame; when that cannot be drawn (the database is down), a plain one."""
    back = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except DisallowedHost:  # this very error may be about the host
        host = ""
    if not (host and url_has_allowed_host_and_scheme(back, allowed_hosts={host})):
        back = ""  # a link back to the page the user came from on this site, never to another site
    context = {"status": status, "reason": _reason(exception), "back": back}
    try:
        return render(request, f"errors/{status}.html", context, status=status)
    except Exception:  # the frame needs the user and the database; the error must be answered all the same
        logger.exception("the %s page could not be rendered with the site's frame", status)
        return HttpResponse(loader.get_template("errors/plain.html").render(context), status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 400, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 403, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 404, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, 500, None)
