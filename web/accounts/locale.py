"""Which language a page speaks: Chinese unless the user chose English with the switcher in the header.

Django's own LocaleMiddleware would also follow the browser's Accept-Language, so an office computer with an
English system would show English pages unasked. Here only the choice remembered in the language cookie
(set by ``set_language``) counts; everything else gets ``LANGUAGE_CODE`` (zh-hans).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext

from healthaction.numbers import NumberRefused


def chosen_language(request: HttpRequest) -> str:
    """The language in the cookie when it is one the site speaks, else the default (zh-hans)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen and any(chosen == code for code, _ in settings.LANGUAGES):
        return chosen
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def refusal_message(refused: NumberRefused) -> str:
    """The core's refusal of a typed number in the page's language: its fixed phrases go through the
    catalogue (web/config/words.py marks them); a phrase with numbers in it stays as the core wrote it."""
    if not refused.reason:
        return refused.message
    message = gettext("「%(field)s」：%(reason)s") % {
        "field": refused.field,
        "reason": gettext(refused.reason),
    }
    if refused.shown is not None:
        message += gettext("，实际为「%(text)s」") % {"text": refused.shown}
    return message + (gettext(refused.hint) if refused.hint else "")
