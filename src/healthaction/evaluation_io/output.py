"""OUT.csv and SCORES.csv exactly as evaluation.md §4 writes them.

Numbers without trailing zeros (22, 0.357143, 13.7), ``score`` and ``final`` with two
places (60.00), an empty cell where a value does not apply, flags sorted and joined
by ``;``, ``vetoed`` as true/false.
"""

from __future__ import annotations

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


def with_flags(
    series: pl.DataFrame, flagged: pl.DataFrame | None, flag: str = "unit_suspect"
) -> pl.DataFrame:
    """Add ``flag`` to the series in ``flagged`` (region, indicator), keeping the flags sorted."""
    if flagged is None or flagged.height == 0:
        return series
    added = flagged.select("region", "indicator").unique().with_columns(pl.lit(flag).alias("_extra"))
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
    changed = pl.col("_extra").is_not_null()
    return joined.with_columns(pl.when(changed).then(merged).otherwise(pl.col("flags")).alias("flags")).drop(
        "_extra"
    )


def _plain_text(value: pl.Expr, at_most: int) -> pl.Expr:
    """``plain_number`` on a whole column: 22.0 → '22', 0.9285709999999999 → '0.928571', -0.0 → '0'."""
    scale = 10**at_most
    magnitude = value.abs()
    whole = magnitude.floor()
    digits = ((magnitude - whole) * scale).round().cast(pl.Int64)
    carry = digits >= scale
    whole = pl.when(carry).then(whole + 1).otherwise(whole).cast(pl.Int64)
    digits = pl.when(carry).then(0).otherwise(digits)
    fraction = digits.cast(pl.Utf8).str.zfill(at_most).str.strip_chars_end("0")
    negative = (value < 0) & ((whole > 0) | (digits > 0))
    return pl.concat_str(
        pl.when(negative).then(pl.lit("-")).otherwise(pl.lit("")),
        whole.cast(pl.Utf8),
        pl.when(fraction != "").then(pl.lit(".") + fraction).otherwise(pl.lit("")),
    )


def _plain(name: str) -> pl.Expr:
    """Shortest text of the number rounded to its places (one cast). Where polars would write an
    exponent (1e-7) ``formatted`` redoes the column digit by digit."""
    rounded = pl.col(name).round(_AT_MOST.get(name, _DEFAULT_AT_MOST))
    # -0.0 made 0.0 before the cast: comparing floats is cheaper than comparing the texts ("-0").
    unsigned_zero = pl.when(rounded == 0).then(pl.lit(0.0)).otherwise(rounded)
    return unsigned_zero.cast(pl.Utf8).str.strip_suffix(".0")


def _fixed_text(value: pl.Expr, places: int) -> pl.Expr:
    """f"{v:.2f}" on a whole column (60.0 → '60.00')."""
    scale = 10**places
    units = (value.abs() * scale).round().cast(pl.Int64)
    negative = (value < 0) & (units > 0)
    return pl.concat_str(
        pl.when(negative).then(pl.lit("-")).otherwise(pl.lit("")),
        (units // scale).cast(pl.Utf8),
        pl.lit("."),
        (units % scale).cast(pl.Utf8).str.zfill(places),
    )


def formatted(
    frame: pl.DataFrame, columns: Iterable[str], places: Mapping[str, int] | None = None
) -> pl.DataFrame:
    """Every cell as §4 writes it, as text (null for an empty cell), column by column."""
    exprs = []
    for name in columns:
        dtype = frame.schema[name]
        column = pl.col(name)
        if dtype == pl.Boolean:
            text = pl.when(column).then(pl.lit("true")).otherwise(pl.lit("false"))
        elif dtype.is_float():
            fixed = (places or {}).get(name)
            text = _fixed_text(column, fixed) if fixed is not None else _plain(name)
        elif dtype == pl.Utf8:  # an empty text is an empty cell, written without quotes
            has_empty = bool(frame.get_column(name).str.len_bytes().min() == 0)  # rare: no copy otherwise
            text = pl.when(column == "").then(None).otherwise(column) if has_empty else column
        else:
            text = column.cast(pl.Utf8)
        exprs.append(text.alias(name))
    table = frame.select(exprs)
    floats = [n for n in columns if frame.schema[n].is_float() and n not in (places or {})]
    # polars writes an exponent below 1e-5 and from 1e16 on: only a column holding a number near
    # those (a wider band, on the numbers, which is cheaper than searching the texts) is searched.
    magnitude = [pl.col(n).abs() for n in floats]
    near = [((m < 1e-4) & (m != 0)) | (m >= 1e15) for m in magnitude]
    candidates = (
        frame.select(b.any().alias(n) for n, b in zip(floats, near, strict=True)).row(0) if floats else ()
    )
    searched = [n for n, may in zip(floats, candidates, strict=True) if may]
    exponent = table.select(pl.col(searched).str.contains("e", literal=True).any()).row(0) if searched else ()
    redo = [n for n, has in zip(searched, exponent, strict=True) if has]
    if redo:  # rare: tiny or huge numbers, written without an exponent
        plain = frame.select(_plain_text(pl.col(n), _AT_MOST.get(n, _DEFAULT_AT_MOST)).alias(n) for n in redo)
        table = table.with_columns(plain)
    return table


def series_table(series: pl.DataFrame, *, extra_columns: tuple[str, ...] = ()) -> pl.DataFrame:
    return formatted(series, (*SERIES_COLUMNS, *extra_columns))


def scores_table(scores: pl.DataFrame) -> pl.DataFrame:
    return formatted(scores, SCORES_COLUMNS, _PLACES)


def series_csv(series: pl.DataFrame, *, extra_columns: tuple[str, ...] = ()) -> str:
    return series_table(series, extra_columns=extra_columns).write_csv()


def scores_csv(scores: pl.DataFrame) -> str:
    return scores_table(scores).write_csv()
