"""Chinese text helpers shared by the extractors.

Traditional characters are matched through their simplified forms but kept as
written: ``simplified`` converts character by character, so a match found at
position i in the simplified text is at position i in the original too.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from opencc import OpenCC

_T2S = OpenCC("t2s")


@lru_cache(maxsize=8192)
def _char_t2s(char: str) -> str:
    converted: str = _T2S.convert(char)
    return converted if len(converted) == 1 else char


class _T2STable(dict[int, str]):
    """A str.translate table filled on first sight of each character (translate runs in C)."""

    def __missing__(self, code: int) -> str:
        self[code] = converted = _char_t2s(chr(code))
        return converted


_TABLE = _T2STable()


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """健康長春行動 → 健康长春行动, same length, for matching only."""
    if text.isascii():
        return text
    return text.translate(_TABLE)


def nfkc(text: str) -> str:
    """Full-width digits and letters to half-width: ７６．７ → 76.7."""
    return unicodedata.normalize("NFKC", text)
