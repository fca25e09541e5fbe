"""What ``healthaction evaluate -o`` shows on the terminal: status counts and the ranking."""

from __future__ import annotations

import polars as pl
from rich.console import Console
from rich.table import Table

from healthaction.evaluation_io.output import format_cell

# evaluation.md §2: OFF_TRACK reads 未达标 once its target year has passed (flag `missed`).
STATUS_LABELS = (
    ("ACHIEVED", "已达标"),
    ("ON_TRACK", "进度正常"),
    ("LAGGING", "进度滞后"),
    ("OFF_TRACK", "严重滞后"),
    ("MISSED", "未达标"),
    ("NO_DATA", "无数据"),
)


def status_counts(series: pl.DataFrame) -> dict[str, int]:
    missed = (pl.col("status") == "OFF_TRACK") & pl.col("flags").fill_null("").str.contains(
        r"(^|;)missed(;|$)"
    )
    shown = series.select(pl.when(missed).then(pl.lit("MISSED")).otherwise(pl.col("status")).alias("status"))
    counts = dict(shown.group_by("status").len().iter_rows())
    return {code: int(counts.get(code, 0)) for code, _label in STATUS_LABELS}


def print_summary(series: pl.DataFrame, scores: pl.DataFrame, *, year: int, console: Console) -> None:
    counts = status_counts(series)
    table = Table(title=f"{year}年指标状态（共{series.height}项）")
    table.add_column("状态", overflow="fold")
    table.add_column("代码", overflow="fold")
    table.add_column("数量", justify="right")
    for code, label in STATUS_LABELS:
        table.add_row(label, "OFF_TRACK·missed" if code == "MISSED" else code, str(counts[code]))
    console.print(table)
    ranking = Table(title=f"{year}年考核得分与排名")
    for column, justify in (
        ("排名", "right"), ("地区", "left"), ("上级", "left"), ("得分", "right"), ("加分", "right"),
        ("扣分", "right"), ("最终得分", "right"), ("等级", "left"), ("达标", "right"),
    ):  # fmt: skip
        ranking.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    ordered = scores.sort(["parent", "rank", "region"], nulls_last=True)
    for row in ordered.iter_rows(named=True):
        ranking.add_row(
            format_cell(row["rank"]),
            row["region"] + ("*" if row["vetoed"] else ""),
            row["parent"] or "—",
            format_cell(row["score"], places=2),
            format_cell(row["bonus"]),
            format_cell(row["deduction"]),
            format_cell(row["final"], places=2),
            row["grade"],
            f"{row['achieved']}/{row['assessed']}",
        )
    console.print(ranking)
    vetoed = ordered.filter(pl.col("vetoed"))["region"].to_list()
    if vetoed:
        console.print(f"* 一票否决：{'、'.join(vetoed)}（等级不合格，排在本组最后）")
