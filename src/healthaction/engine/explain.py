"""A short Chinese sentence per series, built column-wise (no Python per row).

居民健康素养水平 in 2021: "2021年实际值19%，序时目标19.2%，完成序时进度的98.2%".
The tooltip, the .docx report and the tests read this one string.

Strings are dear: each distinct number is formatted once (integer part and digits by
integer arithmetic, no float), the pieces (unit, symbol, years) once per row, and each
series' sentence is assembled only by the template of its case, so a row pays for one
concatenation instead of every branch of a when/then chain.
"""

from __future__ import annotations

import functools

import polars as pl

from healthaction.engine.exact import div_half_up, format_scaled, round_scaled, scaled
from healthaction.engine.frames import ENGINE
from healthaction.engine.judgement import MISSED_LABEL, STATUS_LABELS

SYMBOLS = {">=": "≥", "<=": "≤", "=": "="}
# "1/10万" reads "50/10万" after a number.
UNIT_AFTER_NUMBER = {"1/10万": "/10万", "1/10 万": "/10万"}
# Up to this many series the numbers are formatted row by row, beyond it once per distinct value.
FEW_ROWS = 20_000
YEARS = ("value_year", "target_year", "baseline_year", "last_year")
# The columns `sentences` reads from the judged series.
NEEDED = (
    "status",
    "written_comparator",
    "comparator",
    "kind",
    "unit",
    "decimals",
    "value_year",
    "y_s",
    "target_year",
    "target_s",
    "baseline_year",
    "y0_s",
    "d_c",
    "expected_num",
    "expected_den",
    "ratio_num",
    "ratio_den",
    "growth_last",
    "growth_reference",
    "last_year",
    "flag_missing",
    "flag_insufficient_points",
    "flag_no_baseline",
    "flag_early",
    "flag_declined_since_baseline",
    "flag_missed",
    "flag_regressing",
)


def label() -> pl.Expr:
    """已达标 · 进度正常 · 进度滞后 · 严重滞后 (未达标 once the target year has come) · 无数据."""
    plain = pl.col("status").replace_strict(STATUS_LABELS, return_dtype=pl.Utf8)
    return pl.when(pl.col("flag_missed")).then(pl.lit(MISSED_LABEL)).otherwise(plain)


def sentences(judged: pl.DataFrame, year: int) -> pl.Series:
    """The sentence of every row of `judged` (columns NEEDED), in its row order."""
    lazy = judged.lazy().select(NEEDED).with_row_index("row")
    numbers, pieces, cases = _expressions(year)
    lazy = lazy.with_columns(expr.alias(name) for name, expr in numbers)
    if judged.height <= FEW_ROWS:
        # A city: formatting every row costs less than the queries that find the distinct ones. Each
        # number is computed above and formatted from its column (format_scaled reads its argument three
        # times: from an expression, the expected value took three times as long to format).
        lazy = lazy.with_columns(_formats(tuple(name for name, _ in numbers)))
    else:
        frame = lazy.collect(engine=ENGINE)
        formatted = (_formatted(frame.get_column(name)).alias(name) for name, _ in numbers)
        lazy = frame.with_columns(formatted).lazy()
    frame = lazy.with_columns(pieces).with_columns(_case(year)).collect(engine=ENGINE)
    present = frame.get_column("case").unique().to_list()
    lazy = frame.lazy()
    parts = [
        lazy.filter(pl.col("case") == index).select("row", cases[index][1].alias("explanation"))
        for index in present
    ]
    return pl.concat(parts).sort("row").collect(engine=ENGINE).get_column("explanation")


@functools.cache
def _formats(names: tuple[str, ...]) -> tuple[pl.Expr, ...]:
    """Each column of millionths in `names` as a decimal string, in place (built once)."""
    return tuple(format_scaled(pl.col(name)).alias(name) for name in names)


@functools.lru_cache(maxsize=8)
def _expressions(
    year: int,
) -> tuple[tuple[tuple[str, pl.Expr], ...], tuple[pl.Expr, ...], tuple[tuple[pl.Expr, pl.Expr], ...]]:
    """The numbers to format, the pieces of each row and the cases, built once per t*."""
    numbers = {
        "y_t": pl.col("y_s"),
        "target_t": pl.col("target_s"),
        "y0_t": pl.col("y0_s"),
        "expected_t": round_scaled(
            div_half_up(pl.col("expected_num"), pl.col("expected_den")), pl.col("decimals")
        ),
        "ratio_t": div_half_up(pl.col("ratio_num") * 1000, pl.col("ratio_den")) * 100_000,
        "growth_last_t": round_scaled(scaled(pl.col("growth_last")), 2),
        "growth_reference_t": round_scaled(scaled(pl.col("growth_reference")), 2),
    }
    # Each piece once per row, so that the templates only concatenate.
    pieces = (
        pl.col("unit").replace(UNIT_AFTER_NUMBER).fill_null("").alias("unit_t"),
        pl.col("comparator").replace(SYMBOLS).alias("symbol_t"),
        *[pl.col(name).cast(pl.Utf8).alias(f"{name}_t") for name in YEARS],
    )
    return tuple(numbers.items()), pieces, tuple(_cases(year))


@functools.lru_cache(maxsize=8)
def _case(year: int) -> pl.Expr:
    """The index of the first case that holds for the row."""
    cases = _expressions(year)[2]
    case = pl.lit(len(cases), dtype=pl.UInt32)
    for index in reversed(range(len(cases))):
        case = pl.when(cases[index][0]).then(pl.lit(index, dtype=pl.UInt32)).otherwise(case)
    return case.alias("case")


def _formatted(values: pl.Series) -> pl.Series:
    """Millionths as decimal strings (`exact.format_scaled`), each distinct value formatted once."""
    distinct = values.unique().to_frame("v").with_columns(format_scaled(pl.col("v")).alias("t"))
    joined = values.to_frame("v").join(distinct, on="v", how="left", nulls_equal=True, maintain_order="left")
    return joined.get_column("t")


def _cases(year: int) -> list[tuple[pl.Expr, pl.Expr]]:
    """(condition, sentence) in order of precedence; the last one applies when none holds."""
    unit = pl.col("unit_t")

    def number(name: str) -> pl.Expr:
        return pl.col(f"{name}_t") + unit

    def text(value: pl.Expr | int) -> pl.Expr:
        return (value if isinstance(value, pl.Expr) else pl.lit(value)).cast(pl.Utf8)

    status, written = pl.col("status"), pl.col("written_comparator")
    reported = pl.col("value_year_t") + "年实际值" + number("y")
    goal = pl.col("target_year_t") + "年目标" + pl.col("symbol_t") + number("target")
    # A value that moved away from the target since the baseline has done none of the way: a share of
    # completion reads 0% (as wording.percent shows it), and the sentence says it went backwards.
    done = (
        pl.when(pl.col("ratio_num") < 0)
        .then(pl.lit("完成序时进度的0%（较基期退步）"))
        .otherwise("完成序时进度的" + pl.col("ratio_t") + "%")
    )
    on_the_way = reported + "，序时目标" + number("expected") + "，" + done
    baseline = "基期" + pl.col("baseline_year_t") + "年" + number("y0")
    change = (pl.col("y_s") - pl.col("y0_s")) * pl.col("d_c")
    compared = (
        pl.when(change > 0).then(pl.lit("较基期改善")).when(change == 0).then(pl.lit("与基期持平"))
    ).otherwise(pl.lit("较基期退步"))

    def suffix(flag: str, words: pl.Expr | str) -> pl.Expr:
        phrase = pl.lit(words) if isinstance(words, str) else words
        return pl.when(pl.col(f"flag_{flag}")).then(phrase).otherwise(pl.lit(""))

    true = pl.lit(True)
    return [
        (
            pl.col("flag_missing") & pl.col("last_year").is_not_null(),
            text(year) + "年无可用数据（最近一次报告为" + pl.col("last_year_t") + "年）",
        ),
        (pl.col("flag_missing"), pl.lit(f"截至{year}年无报告数据")),
        (pl.col("flag_insufficient_points"), reported + "，数据点不足，无法判断增速是否减缓"),
        (
            written == "achieved",
            pl.col("value_year_t")
            + pl.when(status == "ACHIEVED").then(pl.lit("年已实现")).otherwise(pl.lit("年尚未实现")),
        ),
        (
            written == "slow",
            reported
            + "，最近年均增速"
            + pl.col("growth_last_t")
            + "%，参考增速"
            + pl.col("growth_reference_t")
            + "%"
            + pl.when(status == "LAGGING").then(pl.lit("，增速曾有加快")).otherwise(pl.lit("")),
        ),
        (
            pl.col("kind") == "word",
            pl.when(pl.col("flag_no_baseline"))
            .then(reported + "，缺少基期值，无法比较")
            .otherwise(reported + "，" + baseline + "，" + compared),
        ),
        (
            status == "ACHIEVED",
            reported
            + "，已达到"
            + goal
            + suffix("early", "，提前达标")
            + suffix("declined_since_baseline", "，但较" + baseline + "有所退步"),
        ),
        (pl.col("ratio_num").is_not_null(), on_the_way + suffix("missed", "，未达到" + goal)),
        (
            # The status is 进度滞后 (not yet at the target, the way to it unknown): the sentence says why.
            pl.col("flag_no_baseline"),
            reported + "，尚未达到" + goal + "；缺少基期值，无法计算序时进度，按进度滞后计",
        ),
        (
            true,
            reported + "，未达到" + goal + suffix("regressing", "，且较" + baseline + "退步"),
        ),
    ]
