"""Matching a local indicator name to the national catalog, with the reason why.

Three steps, the first that succeeds wins: the normal form of the name equals an
entry's (score 1); it equals an alias's (score 1); else the best similarity of the
loose forms (difflib ratio), accepted only from ``MATCH_THRESHOLD`` up and only when
both names hold the same numbers ("3岁以下" is not "5岁以下"). Below it the name is
unmatched and the nearest entry is named in the reason, never forced onto it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from healthaction.catalog.entries import CatalogEntry, load_catalog
from healthaction.catalog.names import loose_key, normalise_name, numbers_in, split_unit

# 0.88 accepts 学生体质健康标准达标优良率 for 国家学生体质健康标准达标优良率 (0.93) and
# 城乡居民健康素养水平 for 居民健康素养水平 (0.89); it refuses 城乡居民健康水平 for 居民健康素养水平
# (0.75), 居民中医药健康文化素养水平 for it (0.80) and 糖尿病治疗率 for 糖尿病控制率 (0.67).
MATCH_THRESHOLD = 0.88


@dataclass(frozen=True)
class Match:
    """What a local name was matched to: 婴儿死亡率（%） → 婴儿死亡率, score 1, "名称规范化后一致"."""

    name: str
    entry: CatalogEntry | None
    score: float
    reason: str
    unit_in_name: str | None = None

    @property
    def matched(self) -> bool:
        return self.entry is not None


@dataclass(frozen=True)
class _Key:
    entry: CatalogEntry
    loose: str
    numbers: tuple[str, ...]
    is_alias: bool


@cache
def _index() -> tuple[dict[str, CatalogEntry], dict[str, CatalogEntry], tuple[_Key, ...]]:
    names: dict[str, CatalogEntry] = {}
    aliases: dict[str, CatalogEntry] = {}
    keys: list[_Key] = []
    for entry in load_catalog():
        names.setdefault(normalise_name(entry.name), entry)
        keys.append(_Key(entry, loose_key(entry.name), numbers_in(entry.name), is_alias=False))
        for alias in entry.aliases:
            aliases.setdefault(normalise_name(alias), entry)
            keys.append(_Key(entry, loose_key(alias), numbers_in(alias), is_alias=True))
    return names, aliases, tuple(keys)


@lru_cache(maxsize=4096)
def match_indicator(name: str, *, threshold: float = MATCH_THRESHOLD) -> Match:
    """The catalog entry a local indicator name stands for, or an unmatched result.

    >>> match_indicator("全区居民健康素养水平").reason
    '名称规范化后一致'
    """
    names, aliases, keys = _index()
    _text, unit = split_unit(name)
    key = normalise_name(name)
    if key in names:
        reason = "名称一致" if name.strip() == names[key].name else "名称规范化后一致"
        return Match(name, names[key], 1.0, reason, unit)
    if key in aliases:
        return Match(name, aliases[key], 1.0, f"别名匹配（{name.strip()}）", unit)
    loose, numbers = loose_key(name), numbers_in(name)
    best: tuple[float, CatalogEntry | None] = (0.0, None)
    for candidate in keys:
        if candidate.numbers != numbers:
            continue
        matcher = SequenceMatcher(None, loose, candidate.loose, autojunk=False)
        # The cheap upper bounds first: most of the catalog is far from any one name.
        if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
            continue
        score = matcher.ratio()
        if score > best[0]:
            best = (score, candidate.entry)
    score, entry = round(best[0], 2), best[1]
    if entry is not None and best[0] >= threshold:
        reason = "去掉标点和“的”后一致" if best[0] == 1.0 else f"相似度{score:.2f}"
        return Match(name, entry, score, reason, unit)
    nearest = f"，最接近「{entry.name}」相似度{score:.2f}" if entry is not None else ""
    return Match(name, None, score, f"目录中无匹配指标{nearest}", unit)
