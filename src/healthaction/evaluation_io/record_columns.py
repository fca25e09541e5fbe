"""Targets and baselines files checked on whole columns, like the observations.

The rules are those of the cell readers (``cells``) and the error of the first bad row is
the one they would give: within a row the checks keep the readers' order, so
targets.csv 第4行 comparator 列：无法识别的比较符「约」 comes before that row's value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import polars as pl

from healthaction.catalog import normalise_unit
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError, shown

_INTEGER = r"^[+-]?\d+$"
_NUMBER = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$"
KNOWN_COMPARATORS = " ".join(dict.fromkeys(cells.COMPARATORS.values()))


def cell_columns(table: CsvTable, columns: Sequence[str]) -> pl.DataFrame:
    """line, each column as written (trimmed) and `<column>_f` folded (NFKC, − as -)."""
    raw = pl.DataFrame(
        {"line": table.lines(), **{name: table.column(name) for name in columns}},
        schema={"line": pl.Int64, **dict.fromkeys(columns, pl.Utf8)},
    ).with_columns(pl.col(name).str.strip_chars() for name in columns)
    folded = []
    for name in columns:
        values = raw.get_column(name)
        odd = values.filter(~values.str.contains(r"^[\x00-\x7f]*$")).unique().to_list()
        mapping = {v: unicodedata.normalize("NFKC", v).replace("−", "-").strip() for v in odd}
        column = pl.col(name).replace(mapping) if mapping else pl.col(name)
        folded.append(column.str.strip_chars().alias(f"{name}_f"))
    return raw.with_columns(folded)


def raise_first(table: CsvTable, frame: pl.DataFrame, checks: Sequence[tuple[str, pl.Expr, str]]) -> None:
    """checks: (column, bad, message with {raw}); the first bad row's first failed check is raised."""
    failed = pl.lit(None, dtype=pl.UInt32)
    for index in reversed(range(len(checks))):
        failed = pl.when(checks[index][1]).then(pl.lit(index, dtype=pl.UInt32)).otherwise(failed)
    bad = frame.with_columns(failed.alias("failed")).filter(pl.col("failed").is_not_null()).head(1)
    if bad.height == 0:
        return
    row = bad.row(0, named=True)
    column, _, message = checks[row["failed"]]
    raise InputError(f"{table.name} 第{row['line']}行", message.format(raw=shown(row[column])), column)


def is_number(name: str) -> pl.Expr:
    return pl.col(f"{name}_f").str.contains(_NUMBER)


def is_integer(name: str) -> pl.Expr:
    return pl.col(f"{name}_f").str.contains(_INTEGER)


def empty(name: str, *, folded: bool = False) -> pl.Expr:
    return pl.col(f"{name}_f" if folded else name) == ""


def units_of(frame: pl.DataFrame) -> pl.Series:
    """The normalised unit of each row (each distinct label normalised once)."""
    labels = frame.get_column("unit")
    normal = {label: normalise_unit(label) for label in labels.unique().to_list()}
    return labels.replace_strict(normal, return_dtype=pl.Utf8)


def checked_targets(table: CsvTable) -> pl.DataFrame:
    """line, region, indicator, year_f, comparator (code), value_f, unit — every row valid."""
    frame = cell_columns(table, ("region", "indicator", "year", "comparator", "value", "unit"))
    code = pl.col("comparator_f").str.to_lowercase().replace_strict(cells.COMPARATORS, default=None)
    frame = frame.with_columns(code.alias("code"))
    words = pl.col("code").is_in(list(cells.WORD_COMPARATORS))
    raise_first(
        table,
        frame,
        [
            ("comparator", pl.col("code").is_null(), f"无法识别的比较符{{raw}}，可用：{KNOWN_COMPARATORS}"),
            ("value", ~(empty("value", folded=True) & words) & ~is_number("value"), "应为数字，实际为{raw}"),
            ("region", empty("region"), "不能为空"),
            ("indicator", empty("indicator"), "不能为空"),
            ("year", ~empty("year", folded=True) & ~is_integer("year"), "应为整数年份，实际为{raw}"),
        ],
    )
    return frame.with_columns(units_of(frame).alias("unit"))


def checked_baselines(table: CsvTable) -> pl.DataFrame:
    """line, region, indicator, year_f, value_f, unit of the rows that give a baseline, all valid."""
    frame = cell_columns(table, ("region", "indicator", "year", "value", "unit"))
    given = ~empty("value", folded=True)
    raise_first(
        table,
        frame,
        [
            ("year", ~is_integer("year"), "应为整数年份，实际为{raw}"),
            ("value", given & ~is_number("value"), "应为数字，实际为{raw}"),
            ("region", given & empty("region"), "不能为空"),
            ("indicator", given & empty("indicator"), "不能为空"),
        ],
    )
    frame = frame.filter(given)
    return frame.with_columns(units_of(frame).alias("unit"))
