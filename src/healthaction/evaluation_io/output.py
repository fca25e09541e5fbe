"""OUT.csv and SCORES.csv exactly as evaluation.md §4 writes them.

Numbers without trailing zeros (22, 0.357143, 13.7), ``score`` and ``final`` with two
places (60.00), an empty cell where a value does not apply, flags sorted and joined
by ``;``, ``vetoed`` as true/false.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

import polars as pl

SERIES_COLUMNS = (
    "region", "indicator", "year", "status", "value", "value_year", "baseline", "baseline_year",
    "target_year", "comparator", "target", "expected", "ratio", "score_fraction", "weight", "flags",
)  # fmt: skip
SCORES_COLUMNS = (
    "region", "parent", "year", "score", "bonus", "deduction", "final", "grade", "rank", "vetoed",
    "achieved", "assessed",
)  # fmt: skip
# Places per column: score/final are shown with 2; the engine rounded expected, ratio and
# score_fraction half-up to 6 (a float may still print 0.9285709999999999, so cut it there).
_PLACES = {"score": 2, "final": 2}
_AT_MOST = {"expected": 6, "ratio": 6, "score_fraction": 6}
_DEFAULT_AT_MOST = 10

Cell = str | int | float | bool | None


def plain_number(value: float | int, at_most: int = _DEFAULT_AT_MOST) -> str:
    """22.0 → '22', 0.9285709999999999 → '0.928571' (at most 6 places), never an exponent.

    >>> plain_number(22.0), plain_number(0.9285709999999999, 6), plain_number(1e-07), plain_number(-0.0)
    ('22', '0.928571', '0.0000001', '0')
    """
    text = f"{value:.{at_most}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def format_cell(value: Cell, *, places: int | None = None, at_most: int = _DEFAULT_AT_MOST) -> str:
    """One CSV cell: empty for None, true/false, integers as written, floats per §4."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{places}f}" if places is not None else plain_number(value, at_most)
    return value


def with_flags(series: pl.DataFrame, extra: Mapping[tuple[str, str], str]) -> pl.DataFrame:
    """Add a flag (``unit_suspect``) to the given series, keeping the flags sorted."""
    if not extra:
        return series
    added = pl.DataFrame(
        {"region": [k[0] for k in extra], "indicator": [k[1] for k in extra], "_extra": list(extra.values())},
        schema={"region": pl.Utf8, "indicator": pl.Utf8, "_extra": pl.Utf8},
    )
    joined = series.join(added, on=["region", "indicator"], how="left", maintain_order="left")
    merged = (
        pl.concat_list(
            pl.col("flags").fill_null("").str.split(";"),
            pl.col("_extra").fill_null("").str.split(";"),
        )
        .list.eval(pl.element().filter(pl.element() != ""))
        .list.unique()
        .list.sort()
        .list.join(";")
    )
    return joined.with_columns(merged.alias("flags")).drop("_extra")


def _csv(rows: Iterable[Iterable[str]], header: Iterable[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(header))
    writer.writerows(rows)
    return buffer.getvalue()


def series_csv(series: pl.DataFrame, *, extra_columns: tuple[str, ...] = ()) -> str:
    columns = (*SERIES_COLUMNS, *extra_columns)
    at_most = [_AT_MOST.get(name, _DEFAULT_AT_MOST) for name in columns]
    rows = (
        [format_cell(value, at_most=n) for value, n in zip(row, at_most, strict=True)]
        for row in series.select(columns).iter_rows()
    )
    return _csv(rows, columns)


def scores_csv(scores: pl.DataFrame) -> str:
    places = [_PLACES.get(name) for name in SCORES_COLUMNS]
    rows = (
        [format_cell(value, places=p) for value, p in zip(row, places, strict=True)]
        for row in scores.select(SCORES_COLUMNS).iter_rows()
    )
    return _csv(rows, SCORES_COLUMNS)
