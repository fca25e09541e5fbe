"""National indicators of 健康中国行动, name matching, and units (see data/README.md)."""

from __future__ import annotations

from healthaction.catalog.entries import CatalogEntry, load_catalog
from healthaction.catalog.matching import MATCH_THRESHOLD, Match, match_indicator
from healthaction.catalog.unit_check import UnitCheck, unit_check, unit_to_show
from healthaction.catalog.units import UnitError, convert, convertible, normalise_unit

__all__ = [
    "MATCH_THRESHOLD",
    "CatalogEntry",
    "Match",
    "UnitCheck",
    "UnitError",
    "convert",
    "convertible",
    "load_catalog",
    "match_indicator",
    "normalise_unit",
    "unit_check",
    "unit_to_show",
]
