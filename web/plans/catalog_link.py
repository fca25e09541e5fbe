"""Linking a plan's indicator names to the national catalog (healthaction.catalog does the matching)."""

from __future__ import annotations

from dataclasses import dataclass

from healthaction.catalog import match_indicator


@dataclass(frozen=True)
class CatalogLink:
    """婴儿死亡率 → ("婴儿死亡率", -1): the national name and the direction of better (+1/-1/0)."""

    name: str
    polarity: int | None


def catalog_link_for(name: str) -> CatalogLink:
    match = match_indicator(name)
    if match.entry is None:
        return CatalogLink("", None)
    return CatalogLink(match.entry.name, match.entry.direction)
