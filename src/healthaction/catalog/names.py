"""Normal forms of indicator names, so that local wordings meet the national ones.

"全区居民健康素养水平（%）", "5 岁以下兒童死亡率" and "65岁至74岁老年人失能发生率" become
"居民健康素养水平", "5岁以下儿童死亡率" and "65-74岁老年人失能发生率": full-width forms
folded (NFKC), traditional characters simplified, spaces removed, a leading region
word (全区, 本市, 我县 …) and a trailing unit bracket dropped, age ranges written one way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

from healthaction.catalog.units import normalise_unit

# Not healthaction.ingest.chinese: importing the catalog must not pull in the document readers.
_T2S = OpenCC("t2s")

# 全区 全市 全县 全省 全国 全州 全旗 全镇 全乡, and the same after 本 or 我.
_REGION_PREFIX = re.compile(r"^(?:全|本|我)(?:国|省|市|州|盟|区|县|旗|镇|乡)")
# A unit in brackets at the end: （%） (‰) （1/10万） （岁） （小时）. Not （助理）: not a unit.
_UNIT_WORDS = (
    "岁|人|名|小时|分钟|天|次|个|种|所|家|张|元|万元|亿元"
    "|平方米|米|公里|千米|万亩|亩|克|千克|g|kg|ml|个百分点"
)
_TRAILING_UNIT = re.compile(
    rf"[(\[]\s*((?:[%‰]|1?/\s*10\s*万人?|/\s*万人|名/[^()\[\]]{{1,6}}|{_UNIT_WORDS}|[a-zA-Z/²0-9]{{1,8}}))\s*[)\]]$"
)
# 65—74岁, 65～74岁, 65至74岁, 65岁至74岁 → 65-74岁.
_AGE_RANGE = re.compile(r"(\d+)\s*岁?\s*(?:[-‐‑‒–—―~〜至到])\s*(\d+)")
# What a loose comparison ignores: punctuation and the particle 的.
_LOOSE_DROP = re.compile(r"[的,，、;；:：.。!！?？'\"“”‘’《》〈〉<>()\[\]{}·\-]")


@lru_cache(maxsize=8192)
def _char_t2s(char: str) -> str:
    converted: str = _T2S.convert(char)
    return converted if len(converted) == 1 else char


def _simplified(text: str) -> str:
    """Character by character, so positions stay: 萬 → 万 inside '（1/10萬）'."""
    return text if text.isascii() else "".join(_char_t2s(c) for c in text)


def split_unit(name: str) -> tuple[str, str | None]:
    """'婴儿死亡率（%）' → ('婴儿死亡率', '%'), in NFKC and simplified characters."""
    text = _simplified(unicodedata.normalize("NFKC", name).strip())
    found = _TRAILING_UNIT.search(text)
    if found is None:
        return text, None
    return text[: found.start()].rstrip(), normalise_unit(found.group(1))


def normalise_name(name: str) -> str:
    """The key two wordings of one indicator share.

    >>> normalise_name("全区居民健康素养水平（%）")
    '居民健康素养水平'
    """
    text, _unit = split_unit(name)
    text = re.sub(r"\s+", "", text)
    text = _REGION_PREFIX.sub("", text, count=1)
    return _AGE_RANGE.sub(r"\1-\2", text)


def loose_key(name: str) -> str:
    """The normal form without punctuation or 的, for similarity scores."""
    return _LOOSE_DROP.sub("", normalise_name(name))


def numbers_in(name: str) -> tuple[str, ...]:
    """The numbers a name holds ('5岁以下…' → ('5',)): names with different numbers never match."""
    return tuple(re.findall(r"\d+(?:\.\d+)?", normalise_name(name)))
