"""Years and ids read from a URL, a query string or a form: malformed is a 400 with a Chinese reason.

A parameter a person can type (``?year=``, ``?department=``, a year in the path) is checked here
before it reaches a query or a computation: ``?department=abc`` or a 20-digit year used to end in
a 500 deep inside the ORM or the engine. Every view reads such parameters through these helpers.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import BadRequest
from django.utils.translation import gettext

# The years a page can be about: the plans run 2017–2030; older and later years are refused as typos.
FIRST_YEAR, LAST_YEAR = 1949, 2100
# A database id is a positive 64-bit integer.
LARGEST_ID = 2**63 - 1


def _excerpt(raw: str) -> str:
    return raw if len(raw) <= 20 else raw[:20] + "…"


def year_of(raw: str, what: str = "") -> int:
    """``"2022"`` → 2022; anything else → 400 naming the field.

    >>> year_of("2022")
    2022
    """
    text = raw.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise BadRequest(
            gettext("%(what)s应为%(first)s至%(last)s之间的年份，实际为「%(raw)s」")
            % {"what": what or gettext("年份"), "first": FIRST_YEAR, "last": LAST_YEAR, "raw": _excerpt(raw)}
        )
    return int(text)


def optional_year(data: Mapping[str, str], name: str = "year") -> int | None:
    """The year in ``data[name]``, None when absent or empty."""
    raw = data.get(name, "")
    return year_of(raw) if raw else None


def id_of(raw: str, what: str) -> int:
    text = raw.strip()
    if not (text.isascii() and text.isdigit() and 0 < int(text) <= LARGEST_ID):
        raise BadRequest(
            gettext("%(what)s应为编号（正整数），实际为「%(raw)s」") % {"what": what, "raw": _excerpt(raw)}
        )
    return int(text)


def optional_id(data: Mapping[str, str], name: str, what: str) -> int | None:
    """The id in ``data[name]``, None when absent or empty: ``?department=abc`` is a 400."""
    raw = data.get(name, "")
    return id_of(raw, what) if raw else None


class YearConverter:
    """``<year:year>`` in a path: any digits match, so that a mistyped year is a 400 saying why, not a 404."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        return year_of(value)

    def to_url(self, value: int) -> str:
        return str(value)
