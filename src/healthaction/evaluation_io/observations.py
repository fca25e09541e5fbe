"""Observations checked and converted on whole columns: a national file has millions of rows.

The same rules as the cell readers (``cells``), done in polars: years are integers, values
numbers (or 1/0 是/否 true/false for an ``achieved`` series), one row per region, indicator
and year, units converted into the series unit within % ↔ ‰ ↔ 1/10万. The first bad row
is reported with its line; rows of series without a target are not applicable and dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import polars as pl

from healthaction.catalog import UnitError, normalise_unit
from healthaction.catalog.units import scale_exponent
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError, shown

Series = tuple[str, str]
KEY = ["region", "indicator", "year"]
_INTEGER = r"^[+-]?\d+$"
_NUMBER = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$"
_TRUE = ("1", "是", "true", "yes", "已实现")
_FALSE = ("0", "否", "false", "no", "未实现")
_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}


def _fold(column: pl.Expr, values: pl.Series) -> pl.Expr:
    """NFKC (７６．７ → 76.7) on the few distinct non-ASCII cells, then trimmed."""
    odd = values.filter(~values.str.contains(r"^[\x00-\x7f]*$")).unique().to_list()
    mapping = {v: unicodedata.normalize("NFKC", v).replace("−", "-") for v in odd}
    folded = column.replace(mapping) if mapping else column
    return folded.str.strip_chars()


def _first_bad(frame: pl.DataFrame, bad: pl.Expr) -> dict[str, object] | None:
    rows = frame.filter(bad).sort("line").head(1)
    return rows.row(0, named=True) if rows.height else None


def _error(table: CsvTable, row: Mapping[str, object], column: str | None, message: str) -> InputError:
    return InputError(f"{table.name} 第{row['line']}行", message, column)


def read_observations(
    table: CsvTable, units: Mapping[Series, str | None], binary: set[Series]
) -> tuple[pl.DataFrame, int | None]:
    """Observations of series with a target, in the series unit; and the latest year with a value."""
    raw = pl.DataFrame(
        {
            "line": table.lines(),
            "region": table.column("region"),
            "indicator": table.column("indicator"),
            "year_raw": table.column("year"),
            "value_raw": table.column("value"),
            "unit_raw": table.column("unit"),
        },
        schema={
            "line": pl.Int64,
            **dict.fromkeys(("region", "indicator", "year_raw", "value_raw", "unit_raw"), pl.Utf8),
        },
    )
    frame = raw.with_columns(
        pl.col("region").str.strip_chars(),
        pl.col("indicator").str.strip_chars(),
        _fold(pl.col("year_raw"), raw["year_raw"]).alias("year_text"),
        _fold(pl.col("value_raw"), raw["value_raw"]).alias("value_text"),
    )
    bad = _first_bad(frame, ~pl.col("year_text").str.contains(_INTEGER))
    if bad is not None:
        raise _error(table, bad, "year", f"应为整数年份，实际为{shown(str(bad['year_raw']).strip())}")
    series = pl.DataFrame(
        {
            "region": [s[0] for s in units],
            "indicator": [s[1] for s in units],
            "series_unit": list(units.values()),
            "binary": [s in binary for s in units],
        },
        schema={"region": pl.Utf8, "indicator": pl.Utf8, "series_unit": pl.Utf8, "binary": pl.Boolean},
    )
    frame = frame.with_columns(pl.col("year_text").cast(pl.Int64).alias("year")).join(
        series, on=["region", "indicator"], how="inner"
    )
    first_line = pl.col("line").min().over(KEY)
    duplicate = _first_bad(
        frame.with_columns(first_line.alias("first_line")), pl.col("line") != pl.col("first_line")
    )
    if duplicate is not None:
        message = f"与第{duplicate['first_line']}行重复（同一地区、指标和年份的观测值）"
        raise _error(table, duplicate, None, message)
    frame = _values(table, frame)
    frame = _converted(table, frame)
    latest = frame.filter(pl.col("value").is_not_null())["year"].max()
    result = frame.sort("line").select(pl.col(name).cast(dtype) for name, dtype in _SCHEMA.items())
    return result, int(latest) if isinstance(latest, int) else None


def _values(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    word = pl.col("value_text").str.to_lowercase()
    is_number = pl.col("value_text").str.contains(_NUMBER)
    empty = pl.col("value_text") == ""
    binary = pl.col("binary")
    bad = _first_bad(frame, binary & ~empty & ~word.is_in(_TRUE + _FALSE))
    if bad is not None:
        message = f"应为 1/0、是/否 或 true/false，实际为{shown(str(bad['value_raw']).strip())}"
        raise _error(table, bad, "value", message)
    bad = _first_bad(frame, ~binary & ~empty & ~is_number)
    if bad is not None:
        raise _error(table, bad, "value", f"应为数字，实际为{shown(str(bad['value_raw']).strip())}")
    value = (
        pl.when(empty)
        .then(None)
        .when(binary)
        .then(pl.when(word.is_in(_TRUE)).then(1.0).otherwise(0.0))
        .otherwise(pl.col("value_text").cast(pl.Float64, strict=False))
    )
    return frame.with_columns(value.alias("value"))


def _converted(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    """Values with a unit other than the series unit, scaled by a power of ten (or an error)."""
    labels = frame["unit_raw"].unique().to_list()
    normal = {label: normalise_unit(label) for label in labels}
    frame = frame.with_columns(pl.col("unit_raw").replace_strict(normal, return_dtype=pl.Utf8).alias("unit"))
    needs = pl.col("unit").is_not_null() & pl.col("series_unit").is_not_null() & ~pl.col("binary")
    pairs = (
        frame.filter(needs & (pl.col("unit") != pl.col("series_unit"))).select("unit", "series_unit").unique()
    )
    exponents: dict[tuple[str, str], int] = {}
    for unit, series_unit in pairs.iter_rows():
        try:
            exponents[(unit, series_unit)] = scale_exponent(unit, series_unit)
        except UnitError:
            row = _first_bad(frame, (pl.col("unit") == unit) & (pl.col("series_unit") == series_unit) & needs)
            assert row is not None
            raise _error(table, row, "unit", f"单位「{unit}」无法换算为目标的单位「{series_unit}」") from None
    if not exponents:
        return frame
    factor = pl.lit(1.0)
    for (unit, series_unit), exponent in exponents.items():
        here = (pl.col("unit") == unit) & (pl.col("series_unit") == series_unit) & needs
        factor = pl.when(here).then(pl.lit(10.0**exponent)).otherwise(factor)
    # Rounded to 10 places: 13.7 ‰ / 10 is 1.37 %, not 1.3699999999999999.
    return frame.with_columns((pl.col("value") * factor).round(10).alias("value"))
