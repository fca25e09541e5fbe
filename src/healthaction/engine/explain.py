"""A short Chinese sentence per series, built as column expressions (no Python per row).

居民健康素养水平 in 2021: "2021年实际值19%，序时目标19.2%，完成序时进度的98.2%".
The tooltip, the .docx report and the tests read this one string.
"""

from __future__ import annotations

import polars as pl

from healthaction.engine.exact import div_half_up, format_scaled, round_scaled, scaled
from healthaction.engine.judgement import MISSED_LABEL, STATUS_LABELS

SYMBOLS = {">=": "≥", "<=": "≤", "=": "="}
# "1/10万" reads "50/10万" after a number.
UNIT_AFTER_NUMBER = {"1/10万": "/10万", "1/10 万": "/10万"}


def label() -> pl.Expr:
    """已达标 · 进度正常 · 进度滞后 · 严重滞后 (未达标 once the target year has come) · 无数据."""
    plain = pl.col("status").replace_strict(STATUS_LABELS, return_dtype=pl.Utf8)
    return pl.when(pl.col("flag_missed")).then(pl.lit(MISSED_LABEL)).otherwise(plain)


def explanation(year: int) -> pl.Expr:
    unit = pl.col("unit").replace(UNIT_AFTER_NUMBER).fill_null("")

    def number(value_s: pl.Expr) -> pl.Expr:
        return format_scaled(value_s) + unit

    def text(value: pl.Expr | int) -> pl.Expr:
        return (value if isinstance(value, pl.Expr) else pl.lit(value)).cast(pl.Utf8)

    status, written = pl.col("status"), pl.col("written_comparator")
    reported = text(pl.col("value_year")) + "年实际值" + number(pl.col("y_s"))
    symbol = pl.col("comparator").replace(SYMBOLS)
    goal = text(pl.col("target_year")) + "年目标" + symbol + number(pl.col("target_s"))
    expected_s = div_half_up(pl.col("expected_num"), pl.col("expected_den"))
    tenths = div_half_up(pl.col("ratio_num") * 1000, pl.col("ratio_den"))
    on_the_way = (
        reported
        + "，序时目标"
        + number(round_scaled(expected_s, pl.col("decimals")))
        + "，完成序时进度的"
        + format_scaled(tenths * 100_000)
        + "%"
    )
    baseline = "基期" + text(pl.col("baseline_year")) + "年" + number(pl.col("y0_s"))
    change = (pl.col("y_s") - pl.col("y0_s")) * pl.col("d_c")
    compared = (
        pl.when(change > 0).then(pl.lit("较基期改善")).when(change == 0).then(pl.lit("与基期持平"))
    ).otherwise(pl.lit("较基期退步"))
    growth = pl.col("growth_last"), pl.col("growth_reference")
    percent = [format_scaled(round_scaled(scaled(g), 2)) + "%" for g in growth]

    def suffix(flag: str, words: pl.Expr | str) -> pl.Expr:
        phrase = pl.lit(words) if isinstance(words, str) else words
        return pl.when(pl.col(f"flag_{flag}")).then(phrase).otherwise(pl.lit(""))

    return (
        pl.when(pl.col("flag_missing") & pl.col("last_year").is_not_null())
        .then(text(year) + "年无可用数据（最近一次报告为" + text(pl.col("last_year")) + "年）")
        .when(pl.col("flag_missing"))
        .then(pl.lit(f"截至{year}年无报告数据"))
        .when(pl.col("flag_insufficient_points"))
        .then(reported + "，数据点不足，无法判断增速是否减缓")
        .when(written == "achieved")
        .then(
            text(pl.col("value_year"))
            + pl.when(status == "ACHIEVED").then(pl.lit("年已实现")).otherwise(pl.lit("年尚未实现"))
        )
        .when(written == "slow")
        .then(
            reported
            + "，最近年均增速"
            + percent[0]
            + "，参考增速"
            + percent[1]
            + pl.when(status == "LAGGING").then(pl.lit("，增速曾有加快")).otherwise(pl.lit(""))
        )
        .when(pl.col("kind") == "word")
        .then(
            pl.when(pl.col("flag_no_baseline"))
            .then(reported + "，缺少基期值，无法比较")
            .otherwise(reported + "，" + baseline + "，" + compared)
        )
        .when(status == "ACHIEVED")
        .then(
            reported
            + "，已达到"
            + goal
            + suffix("early", "，提前达标")
            + suffix("declined_since_baseline", "，但较" + baseline + "有所退步")
        )
        .when(pl.col("ratio_num").is_not_null())
        .then(on_the_way + suffix("missed", "，未达到" + goal))
        .when(pl.col("flag_no_baseline"))
        .then(reported + "，" + goal + "，缺少基期值，无法计算序时进度")
        .otherwise(reported + "，未达到" + goal + suffix("regressing", "，且较" + baseline + "退步"))
    )
