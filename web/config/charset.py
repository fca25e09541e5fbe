"""A request body in a character set Python does not know is a 400, not a 500 deep in the form parser.

Forms may come in any charset a browser names (``charset=gb18030`` from an old intranet page is read
as such); a name no codec answers to (``charset=no-such-charset``) used to end in a LookupError.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext


class RequestCharsetMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        charset = request.content_params.get("charset") if request.content_params else None
        if charset:
            try:
                codecs.lookup(charset)
            except LookupError as exc:
                raise BadRequest(
                    gettext("提交内容的字符集「%(charset)s」无法识别，请使用 UTF-8 或 GB18030")
                    % {"charset": charset[:40]}
                ) from exc
        return self.get_response(request)
