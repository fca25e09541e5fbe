"""Observations checked and converted on whole columns: a national file has millions of rows.

The same rules as the cell readers (``cells``), done in polars: years are integers, values
numbers (or 1/0 是/否 true/false for an ``achieved`` series), one row per region, indicator
and year, units converted into the series unit within % ↔ ‰ ↔ 1/10万. The first bad row
is reported with its line; rows of series without a target are not applicable and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from healthaction.catalog import UnitError
from healthaction.catalog.units import scale_exponent
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError, shown
from healthaction.evaluation_io.plausible import implausible_conversion
from healthaction.evaluation_io.record_columns import beyond_limits, fold, split_unit, split_year, unit_of_row
from healthaction.numbers import excerpt

KEY = ["region", "indicator", "year"]
_INTEGER = r"^[+-]?\d+$"
_NUMBER = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$"
_TRUE = ("1", "是", "true", "yes", "已实现")
_FALSE = ("0", "否", "false", "no", "未实现")
_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}


def _first_bad(frame: pl.DataFrame, bad: pl.Expr) -> dict[str, object] | None:
    if not frame.select(bad.any()).item():  # the common case, without copying a row
        return None
    rows = frame.filter(bad).sort("row").head(1)
    return rows.row(0, named=True) if rows.height else None


def _error(table: CsvTable, row: dict[str, object], column: str | None, message: str) -> InputError:
    return table.error(int(str(row["row"])), column, message)


@dataclass
class Observed:
    frame: pl.DataFrame  # region, indicator, year, value in the series unit
    latest: int | None  # the latest year with a value
    year_counts: dict[int, int]  # regions with at least one value, per year
    warnings: list[str]
    suspect: pl.DataFrame | None  # region, indicator of series whose converted values look mislabelled


def read_observations(
    table: CsvTable,
    units: pl.DataFrame,
    binary: pl.DataFrame,
    names: dict[str, str] | None = None,
    *,
    typed: pl.DataFrame,
) -> Observed:
    """Observations of series with a target, in the series unit; the years reported; doubts.

    ``names`` renames indicators written under another wording of a targeted one; ``typed`` is
    ``typed_observations(table)``, worked out beforehand (on the reading thread)."""
    frame = typed
    if names:
        frame = frame.with_columns(pl.col("indicator").replace(names))
    series = units.join(
        binary.with_columns(pl.lit(True).alias("binary")), on=["region", "indicator"], how="left"
    ).with_columns(pl.col("binary").fill_null(False))
    frame = _with_series(frame, series)
    # One integer per (series, year): checking it for repeats is cheap (a file in order is seen
    # to be in one pass); the window that names the first repeat only runs when there is one.
    key = ((pl.col("series").cast(pl.Int64) * (1 << 32)) + (pl.col("year") + (1 << 31))).alias("key")
    keys = frame.select(key).to_series()
    ascending = keys.diff().drop_nulls()
    if not (ascending > 0).all() and (keys.sort().diff().drop_nulls() == 0).any():
        first_row = pl.col("row").min().over(key)
        duplicate = _first_bad(
            frame.with_columns(first_row.alias("first_row")), pl.col("row") != pl.col("first_row")
        )
        assert duplicate is not None
        message = f"与第{table.line(int(str(duplicate['first_row'])))}行重复（同一地区、指标和年份的观测值）"
        raise _error(table, duplicate, None, message)
    frame = _values(table, unit_of_row(table, frame))
    warnings: list[str] = []
    suspect = None
    if _may_convert(frame, series):
        frame = frame.with_columns(
            series.get_column("series_unit").gather(frame.get_column("series")).alias("series_unit")
        )
        suspect = _doubtful_conversions(frame, warnings)
        frame = _converted(table, frame)
    counts = (
        frame.lazy()
        .filter(pl.col("value").is_not_null())
        .group_by("year")
        .agg(pl.col("region_code").n_unique())
        .sort("year")
        .collect()
    )
    latest = counts.get_column("year").max()
    result = frame.select(pl.col(name).cast(dtype) for name, dtype in _SCHEMA.items())
    return Observed(
        frame=result,
        latest=int(latest) if isinstance(latest, int) else None,
        year_counts={int(y): int(n) for y, n in counts.iter_rows()},
        warnings=warnings,
        suspect=suspect,
    )


def _may_convert(frame: pl.DataFrame, series: pl.DataFrame) -> bool:
    """Whether a value may be in another unit than its series: not when the observations state one
    unit throughout (or none) and every series that states one has that same unit. Then no
    column of series units is built for millions of rows only to be found equal."""
    # On the column, not a Series of it: one label throughout is held once, not 5 M times.
    stated = frame.select(pl.col("unit").drop_nulls().unique()).to_series()
    if stated.len() != 1:
        return stated.len() > 1
    return not set(series.get_column("series_unit").drop_nulls().unique().to_list()) <= {stated.item()}


def _doubtful_conversions(frame: pl.DataFrame, warnings: list[str]) -> pl.DataFrame | None:
    """Series whose values, once converted (婴儿死亡率 4.9 % → 49 ‰), leave the plausible range.

    Flagged ``unit_suspect`` and said on stderr: the conversion is done, never silently."""
    needs = (
        pl.col("unit").is_not_null()
        & pl.col("series_unit").is_not_null()
        & (pl.col("unit") != pl.col("series_unit"))
        & pl.col("value").is_not_null()
        & ~pl.col("binary")
    )
    converted = frame.filter(needs)
    if converted.height == 0:
        return None
    flagged = []
    for indicator, unit, series_unit in (
        converted.select("indicator", "unit", "series_unit").unique().sort("indicator", "unit").iter_rows()
    ):
        here = converted.filter(
            (pl.col("indicator") == indicator)
            & (pl.col("unit") == unit)
            & (pl.col("series_unit") == series_unit)
        )
        values = here.get_column("value").head(1000).to_list()
        reason = implausible_conversion(indicator, unit, series_unit, values)
        if reason is not None:
            warnings.append(f"指标「{indicator}」观测值单位可疑（unit_suspect）：{reason}")
            flagged.append(here.select("region", "indicator").unique())
    return pl.concat(flagged) if flagged else None


def _with_series(frame: pl.DataFrame, series: pl.DataFrame) -> pl.DataFrame:
    """The observations of targeted series, each with its ``series`` number, ``region_code`` and kind.

    Names become numbers through two small enumerations (2,844 regions, 150 indicators) and the
    series is found by position in a table of every region × indicator: a look-up per row, not
    a join hashing two names per row of a 5-million-row file. The region's number is kept for
    counting the regions that report each year, again without hashing names."""
    regions = series.get_column("region").unique().to_list()
    indicators = series.get_column("indicator").unique().to_list()
    width = len(indicators)

    def code(column: str, names: list[str]) -> pl.Expr:
        # A cast to an enumeration of the names is the cheapest look-up polars has (one hash per
        # row, no join); a name outside it becomes null.
        return pl.col(column).cast(pl.Enum(names), strict=False).to_physical().cast(pl.Int64)

    def cell(region: pl.Expr) -> pl.Expr:
        return (region * width + code("indicator", indicators)).fill_null(len(regions) * width)

    cells = series.select(cell(code("region", regions))).to_series()
    # The last position: a name not targeted. (polars, not numpy: numpy costs a tenth of a second to import.)
    position = pl.Series("series", [-1], dtype=pl.Int64).new_from_index(0, len(regions) * width + 1)
    position.scatter(cells, pl.int_range(series.height, dtype=pl.Int64, eager=True))
    frame = frame.with_columns(code("region", regions).alias("region_code"))
    found = position.gather(frame.select(cell(pl.col("region_code"))).to_series())
    frame = frame.with_columns(found)
    if (found < 0).any():  # only then: a filter copies every column of millions of rows
        frame = frame.filter(pl.col("series") >= 0)
    at = frame.get_column("series")
    return frame.with_columns(
        series.get_column("binary").gather(at).alias("binary"),
        pl.col("series").cast(pl.UInt32),
    )


def typed_observations(table: CsvTable) -> pl.DataFrame:
    """row, region, indicator, year (Int64), value (as written), value_f, value_f_unit, number, unit.

    Nearly every cell of a national file is a plain year and a plain number: polars casts those
    directly. Only the other rows (２０２２, 2022年, 27.78%, 是, a bad cell) go through the
    folding and splitting of ``record_columns``, and the first bad year among them is raised."""
    frame = table.frame.select("row", "region", "indicator", "year", "value", table.cell("unit"))
    # Each column cast once (an eager select does not share the casts between expressions).
    frame = frame.with_columns(
        pl.col("year").cast(pl.Int64, strict=False).alias("year_n"),
        pl.col("value").cast(pl.Float64, strict=False).alias("number"),
    )
    # The cast also reads 1e3, nan and inf, which are not numbers a table holds.
    plain = pl.col("number").is_not_null() & ~pl.col("value").str.contains_any(["e", "E", "n", "N", "i", "I"])
    frame = frame.with_columns(plain.alias("plain")).with_columns(
        pl.when(pl.col("plain")).then(pl.col("number")).alias("number"),
        (pl.col("year_n").is_null() | ((pl.col("value") != "") & ~pl.col("plain"))).alias("odd"),
    )
    plain_columns = (
        "row", "region", "indicator", pl.col("year_n").alias("year"), "value",
        pl.col("value").alias("value_f"), pl.lit(None, dtype=pl.Utf8).alias("value_f_unit"), "number", "unit",
    )  # fmt: skip
    if not frame.get_column("odd").any():
        return frame.select(plain_columns)
    odd = frame.filter(pl.col("odd"))
    plain_rows = frame.filter(~pl.col("odd")).select(plain_columns)
    odd = odd.select("row", "region", "indicator", "year", "value", "unit")
    odd = split_unit(
        split_year(odd.with_columns(fold(odd, "year").alias("year_f"), fold(odd, "value").alias("value_f")))
    )
    bad = _first_bad(odd, ~pl.col("year_f").str.contains(_INTEGER))
    if bad is not None:
        raise _error(table, bad, "year", f"应为整数年份，实际为{shown(str(bad['year']))}")
    odd = odd.select(
        "row", "region", "indicator", pl.col("year_f").cast(pl.Int64).alias("year"), "value", "value_f",
        "value_f_unit",
        pl.when(pl.col("value_f").str.contains(_NUMBER))
        .then(pl.col("value_f").cast(pl.Float64, strict=False))
        .alias("number"),
        "unit",
    )  # fmt: skip
    return pl.concat([plain_rows, odd]).sort("row")


def _values(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    empty = pl.col("value_f") == ""
    binary = frame.select("row", "value", "value_f", "binary").filter(pl.col("binary") & ~empty)
    if binary.height:
        word = pl.col("value_f").str.to_lowercase()
        bad = _first_bad(binary, ~word.is_in(_TRUE + _FALSE))
        if bad is not None:
            message = f"应为 1/0、是/否 或 true/false，实际为{shown(str(bad['value']))}"
            raise _error(table, bad, "value", message)
    bad = _first_bad(frame, ~pl.col("binary") & ~empty & pl.col("number").is_null())
    if bad is not None:
        raise _error(table, bad, "value", f"应为数字，实际为{shown(str(bad['value']))}")
    longest = frame.get_column("value_f").str.len_bytes().max()
    limits = beyond_limits(pl.col("number").fill_null(0.0), pl.col("value_f"), longest)
    for beyond, message in limits:
        bad = _first_bad(frame, ~pl.col("binary") & beyond)
        if bad is not None:
            raise _error(table, bad, "value", message.format(raw=shown(excerpt(str(bad["value"])))))
    if binary.height:
        # 1/0 是/否 … read on the rows of achieved series only (a few among millions): set into the
        # numbers at their places. Elsewhere the number stands; an empty cell has none.
        at = frame.select(pl.arg_where(pl.col("binary") & ~empty)).to_series()
        word = pl.col("value_f").str.to_lowercase()
        truth = binary.select(pl.when(word.is_in(_TRUE)).then(1.0).otherwise(0.0)).to_series()
        value = frame.get_column("number").clone().scatter(at, truth)
        return frame.with_columns(value.alias("value"))
    return frame.with_columns(pl.col("number").alias("value"))


def _converted(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    """Values with a unit other than the series unit, scaled by a power of ten (or an error)."""
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
