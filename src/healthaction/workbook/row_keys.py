"""The keys of each template row: what the template wrote, and which rows repeat one another.

The template keeps each row's keys in two hidden cells, ``["620403", "平川区"]`` and
``["17", "居民健康素养水平", "%", 2023]``. Both repeat across rows (a region, an indicator
in a year), so they stay few in the shared-string table however long the file is, and each
is decoded once. Duplicates are found from one 8-byte hash per row, sorted at the end, so a
100 k-row file costs under a megabyte here, not a dict of 100 k keys.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator

import numpy as np

from healthaction.workbook.sheet_stream import RawCell


class OriginalKeys:
    """Decodes the hidden key cells, remembering each distinct text it has decoded."""

    def __init__(self) -> None:
        self._decoded: dict[str, list[str] | None] = {}

    def of(self, region: RawCell | None, indicator: RawCell | None) -> list[str] | None:
        """地区代码, 地区, 指标编码, 指标, 单位, 年份 as the template wrote them; None if not ours."""
        if region is None or indicator is None:
            return None
        region_keys, indicator_keys = self._decode(region, 2), self._decode(indicator, 4)
        if region_keys is None or indicator_keys is None or not indicator_keys[3].isdigit():
            return None
        return region_keys + indicator_keys

    def _decode(self, cell: RawCell, length: int) -> list[str] | None:
        if cell.kind != "text":
            return None
        if cell.text not in self._decoded:
            self._decoded[cell.text] = _parse(cell.text, length)
        return self._decoded[cell.text]


def _parse(text: str, length: int) -> list[str] | None:
    try:
        keys = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(keys, list) or len(keys) != length:
        return None
    return [str(key) for key in keys]


class DuplicateIndex:
    """Rows that repeat an earlier row's (地区代码, 指标编码, 年份), found once all are added.

    Python's 64-bit hash stands for the key: two different keys in a 100 k-row file share
    one with odds of about 1 in 3·10⁹, a risk we take for flat memory.
    """

    def __init__(self) -> None:
        self._hashes = array("q")
        self._rows = array("q")

    def add(self, key: tuple[str, str, int], row: int) -> None:
        self._hashes.append(hash(key))
        self._rows.append(row)

    def repeats(self) -> Iterator[tuple[int, int]]:
        """(row, the earlier row it repeats), in row order."""
        if len(self._hashes) < 2:
            return
        hashes = np.frombuffer(self._hashes, dtype=np.int64)
        rows = np.frombuffer(self._rows, dtype=np.int64)
        order = np.lexsort((rows, hashes))  # by hash, then by row: a run starts at its first row
        sorted_hashes = hashes[order]
        starts = np.r_[True, sorted_hashes[1:] != sorted_hashes[:-1]]
        first_of_run = rows[order][np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
        repeated = ~starts
        pairs = sorted(zip(rows[order][repeated].tolist(), first_of_run[repeated].tolist(), strict=True))
        yield from pairs
