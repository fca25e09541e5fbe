"""Targets and baselines files checked on whole columns, like the observations.

The rules are those of the cell readers (``cells``) and the error of the first bad row is
the one they would give: within a row the checks keep the readers' order, so
targets.csv 第4行 comparator 列：无法识别的比较符「约」 comes before that row's value.

Cells are read as people write them: a value with its unit (``27.78%``, ``15.7/10万``,
``76.7岁``) has the unit split off, a year may end in 年 (``2022年``), and a target cell
``≥22`` gives both the comparator and the value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import polars as pl

from healthaction import numbers
from healthaction.catalog import normalise_unit
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import shown

_INTEGER = r"^[+-]?\d+$"
_NUMBER_TEXT = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_NUMBER = rf"^{_NUMBER_TEXT}$"
# Units written after a number; anything else after it (约10%, 10多) stays a bad number.
_UNIT_SUFFIX = (
    r"%|‰|‱|(?:1|人)?/10万人?|每10万人?|/万人?|岁|年|人|名|小时|分钟|天|次|个|种|张|所|元|万元|g|克|kg|千克"
)
_WITH_UNIT = rf"^({_NUMBER_TEXT})\s*({_UNIT_SUFFIX})$"
# A comparator in front of the number: ≥22, >=22, 不低于22, ≤7.5‰.
_SIGNS = sorted((k for k, code in cells.COMPARATORS.items() if code in cells.NUMERIC_COMPARATORS), key=len)
_WITH_COMPARATOR = rf"^({'|'.join(re.escape(sign) for sign in reversed(_SIGNS))})\s*(.+)$"
_YEAR = r"^([+-]?\d+)\s*年(?:度)?$"
KNOWN_COMPARATORS = " ".join(dict.fromkeys(cells.COMPARATORS.values()))


def fold(frame: pl.DataFrame, name: str) -> pl.Expr:
    """NFKC (７６．７ → 76.7, ≥ stays ≥) and − as -, on the few distinct non-ASCII cells."""
    values = frame.get_column(name)
    # Non-ASCII exactly when a cell has more bytes than characters: cheaper than a pattern.
    odd = values.filter(values.str.len_bytes() != values.str.len_chars()).unique().to_list()
    mapping = {v: unicodedata.normalize("NFKC", v).replace("−", "-").strip() for v in odd}
    return pl.col(name).replace(mapping) if mapping else pl.col(name)


_NAMES = frozenset({"region", "indicator"})  # kept as written: names are matched as they are


def cell_columns(table: CsvTable, columns: Sequence[str]) -> pl.DataFrame:
    """row, each column as written (trimmed) and `<column>_f` folded (NFKC, − as -) for the cells
    that hold numbers, years, comparators and units."""
    raw = table.frame.select("row", *(table.cell(name) for name in columns))
    return raw.with_columns(fold(raw, name).alias(f"{name}_f") for name in columns if name not in _NAMES)


def _beyond_numbers(frame: pl.DataFrame, name: str) -> bool:
    """Whether a cell holds more than digits, signs and points: a unit after its number (27.78%)
    and a comparator before it (≥22) both need a character outside these."""
    return bool(frame.get_column(name).str.contains(r"[^0-9.+\-]").any())


def split_year(frame: pl.DataFrame, name: str = "year_f") -> pl.DataFrame:
    """2022年 → 2022 (the cell as written stays for messages)."""
    if not frame.get_column(name).str.contains("年", literal=True).any():  # the usual file: nothing to split
        return frame
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_YEAR))
        .then(pl.col(name).str.extract(_YEAR, 1))
        .otherwise(pl.col(name))
        .alias(name)
    )


def split_unit(frame: pl.DataFrame, name: str = "value_f") -> pl.DataFrame:
    """27.78% → value 27.78 and `<name>_unit` '%' (null when the cell has no unit)."""
    if not _beyond_numbers(frame, name):  # the usual file: nothing to split
        return frame.with_columns(pl.lit(None, dtype=pl.Utf8).alias(f"{name}_unit"))
    with_unit = pl.col(name).str.contains(_WITH_UNIT)
    return frame.with_columns(
        pl.when(with_unit).then(pl.col(name).str.extract(_WITH_UNIT, 1)).otherwise(pl.col(name)).alias(name),
        pl.when(with_unit).then(pl.col(name).str.extract(_WITH_UNIT, 2)).alias(f"{name}_unit"),
    )


def beyond_limits(number: pl.Expr, text: pl.Expr, longest: object = None) -> list[tuple[pl.Expr, str]]:
    """The one number rule's limits (``healthaction.numbers``) on a whole column: 12 integer
    digits, 6 decimals. ``number`` is the parsed value, ``text`` the folded cell; ``longest``
    (its longest cell in bytes, when known) spares the decimals check of short cells."""
    too_large = f"数值过大（整数部分最多{numbers.INTEGER_DIGITS}位），实际为{{raw}}"
    checks = [(number.abs() >= float(numbers.LIMIT), too_large)]
    if isinstance(longest, int) and longest <= numbers.DECIMALS + 1:  # ".1234567" has 8 bytes
        return checks
    dot = text.str.find(".", literal=True)
    zeros = text.str.len_bytes() - text.str.strip_chars_end("0").str.len_bytes()
    decimals = text.str.len_bytes() - dot - 1 - zeros
    too_precise = f"小数位过多（最多{numbers.DECIMALS}位），实际为{{raw}}"
    checks.append((dot.is_not_null() & (decimals > numbers.DECIMALS), too_precise))
    return checks


def raise_first(table: CsvTable, frame: pl.DataFrame, checks: Sequence[tuple[str, pl.Expr, str]]) -> None:
    """checks: (column, bad, message with {raw}); the first bad row's first failed check is raised."""
    # Usually none fails: asked as one boolean per check, without building a column of failures.
    if not any(frame.select(bad.any().alias(f"check_{i}") for i, (_, bad, _) in enumerate(checks)).row(0)):
        return
    failed = pl.lit(None, dtype=pl.UInt32)
    for index in reversed(range(len(checks))):
        failed = pl.when(checks[index][1]).then(pl.lit(index, dtype=pl.UInt32)).otherwise(failed)
    bad = frame.with_columns(failed.alias("failed")).filter(pl.col("failed").is_not_null()).head(1)
    if bad.height == 0:
        return
    row = bad.row(0, named=True)
    column, _, message = checks[row["failed"]]
    raise table.error(row["row"], column, message.format(raw=shown(numbers.excerpt(row[column]))))


def is_number(name: str) -> pl.Expr:
    return pl.col(f"{name}_f").str.contains(_NUMBER)


def is_integer(name: str) -> pl.Expr:
    return pl.col(f"{name}_f").str.contains(_INTEGER)


def empty(name: str, *, folded: bool = False) -> pl.Expr:
    return pl.col(f"{name}_f" if folded else name) == ""


def normal_units(labels: pl.Series) -> pl.Series:
    """The normalised unit of each label (each distinct label normalised once); null for none."""
    normal = {label: normalise_unit(label) for label in labels.drop_nulls().unique().to_list()}
    return labels.replace_strict(normal, default=None, return_dtype=pl.Utf8)


def unit_of_row(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    """`unit`: the unit column, else the unit written after the value; the two must agree."""
    if frame.get_column("value_f_unit").null_count() == frame.height:  # no value wrote its unit
        labels = frame.get_column("unit")
        first = labels[0] if labels.len() else None
        if first is not None and (labels == first).all():  # one label throughout: one value, not a column
            return frame.with_columns(pl.lit(normalise_unit(first), dtype=pl.Utf8).alias("unit"))
        return frame.with_columns(normal_units(labels).alias("unit"))
    frame = frame.with_columns(
        normal_units(frame.get_column("unit")).alias("unit_n"),
        normal_units(frame.get_column("value_f_unit")).alias("value_unit_n"),
    )
    both = pl.col("unit_n").is_not_null() & pl.col("value_unit_n").is_not_null()
    clash = frame.filter(both & (pl.col("unit_n") != pl.col("value_unit_n"))).head(1)
    if clash.height:
        row = clash.row(0, named=True)
        message = (
            f"数值{shown(row['value'])}带的单位「{row['value_unit_n']}」与 unit 列的「{row['unit_n']}」不一致"
        )
        raise table.error(row["row"], "value", message)
    return frame.with_columns(pl.coalesce("unit_n", "value_unit_n").alias("unit")).drop(
        "unit_n", "value_unit_n"
    )


def _comparator_from_value(table: CsvTable, frame: pl.DataFrame) -> pl.DataFrame:
    """A value cell ≥22 gives the comparator when its own cell is empty (or says the same)."""
    if not _beyond_numbers(frame, "value_f"):  # the usual file: no sign in front of a value
        return frame
    leading = pl.col("value_f").str.contains(_WITH_COMPARATOR)
    sign = pl.col("value_f").str.extract(_WITH_COMPARATOR, 1).str.to_lowercase()
    sign_code = sign.replace_strict(cells.COMPARATORS, default=None)
    frame = frame.with_columns(
        pl.when(leading).then(sign_code).alias("sign_code"),
        pl.when(leading)
        .then(pl.col("value_f").str.extract(_WITH_COMPARATOR, 2))
        .otherwise(pl.col("value_f"))
        .alias("value_f"),
    )
    clash = frame.filter(
        pl.col("sign_code").is_not_null()
        & pl.col("code").is_not_null()
        & (pl.col("sign_code") != pl.col("code"))
    ).head(1)
    if clash.height:
        row = clash.row(0, named=True)
        message = f"比较符「{row['comparator']}」与数值{shown(row['value'])}中的比较符不一致"
        raise table.error(row["row"], "comparator", message)
    return frame.with_columns(pl.coalesce("code", "sign_code").alias("code")).drop("sign_code")


def _limits(frame: pl.DataFrame) -> list[tuple[pl.Expr, str]]:
    text = pl.col("value_f")
    longest = frame.get_column("value_f").str.len_bytes().max()
    return beyond_limits(text.cast(pl.Float64, strict=False).fill_null(0.0), text, longest)


def checked_targets(table: CsvTable) -> pl.DataFrame:
    """row, region, indicator, year_f, code, value_f, unit — every row valid."""
    if table.has("target") and not table.has("value"):
        frame = cell_columns(table, ("region", "indicator", "year", "comparator", "target", "unit"))
        frame = frame.rename({"target": "value", "target_f": "value_f"})
    else:
        frame = cell_columns(table, ("region", "indicator", "year", "comparator", "value", "unit"))
    code = pl.col("comparator_f").str.to_lowercase().replace_strict(cells.COMPARATORS, default=None)
    frame = _comparator_from_value(table, frame.with_columns(code.alias("code")))
    frame = split_unit(split_year(frame))
    words = pl.col("code").is_in(list(cells.WORD_COMPARATORS))
    raise_first(
        table,
        frame,
        [
            (
                "comparator",
                pl.col("code").is_null() & empty("comparator"),
                f"缺少比较符（可用：{KNOWN_COMPARATORS}）",
            ),
            ("comparator", pl.col("code").is_null(), f"无法识别的比较符{{raw}}，可用：{KNOWN_COMPARATORS}"),
            ("value", ~(empty("value", folded=True) & words) & ~is_number("value"), "应为数字，实际为{raw}"),
            *(("value", bad, message) for bad, message in _limits(frame)),
            ("region", empty("region"), "不能为空"),
            ("indicator", empty("indicator"), "不能为空"),
            ("year", ~empty("year", folded=True) & ~is_integer("year"), "应为整数年份，实际为{raw}"),
        ],
    )
    return unit_of_row(table, frame)


def checked_baselines(table: CsvTable) -> pl.DataFrame:
    """row, region, indicator, year_f, value_f, unit of the rows that give a baseline, all valid."""
    frame = split_unit(split_year(cell_columns(table, ("region", "indicator", "year", "value", "unit"))))
    given = ~empty("value", folded=True)
    raise_first(
        table,
        frame,
        [
            ("year", ~is_integer("year"), "应为整数年份，实际为{raw}"),
            ("value", given & ~is_number("value"), "应为数字，实际为{raw}"),
            *(("value", given & bad, message) for bad, message in _limits(frame)),
            ("region", given & empty("region"), "不能为空"),
            ("indicator", given & empty("indicator"), "不能为空"),
        ],
    )
    return unit_of_row(table, frame.filter(given))
