"""What ``healthaction evaluate -o`` shows on the terminal: status counts and the ranking."""

from __future__ import annotations

import polars as pl
from rich.console import Console
from rich.table import Table

from healthaction.engine import statuses
from healthaction.evaluation_io.output import format_cell

# evaluation.md §2: OFF_TRACK reads 未达标 once its target year has passed (flag `missed`): counted apart.
STATUS_LABELS = tuple((status.code, status.label) for status in statuses.SHOWN)


def status_counts(series: pl.DataFrame) -> dict[str, int]:
    # No other flag holds the letters "missed" (missing does not), so a literal search will do.
    missed = (pl.col("status") == "OFF_TRACK") & pl.col("flags").str.contains(
        "missed", literal=True
    ).fill_null(False)
    shown = series.select(pl.when(missed).then(pl.lit("MISSED")).otherwise(pl.col("status")).alias("status"))
    counts = dict(shown.group_by("status").len().iter_rows())
    return {code: int(counts.get(code, 0)) for code, _label in STATUS_LABELS}


SHOWN = 10  # regions shown at each end of the ranking; the full table is the --scores file


def _ranking_table(title: str, rows: pl.DataFrame) -> Table:
    ranking = Table(title=title)
    for column, justify in (
        ("排名", "right"), ("地区", "left"), ("上级", "left"), ("得分", "right"), ("加分", "right"),
        ("扣分", "right"), ("最终得分", "right"), ("等级", "left"), ("达标", "right"),
    ):  # fmt: skip
        ranking.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in rows.iter_rows(named=True):
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
    return ranking


def print_summary(
    series: pl.DataFrame, scores: pl.DataFrame, *, year: int, console: Console, full_table: str | None = None
) -> None:
    """Status counts, then the ranking: every region when there are few, else the top and bottom ten
    by final score (ranks are within each parent group) and where the full table is."""
    counts = status_counts(series)
    table = Table(title=f"{year}年指标状态（共{series.height}项）")
    table.add_column("状态", overflow="fold")
    table.add_column("代码", overflow="fold")
    table.add_column("数量", justify="right")
    for code, label in STATUS_LABELS:
        table.add_row(label, "OFF_TRACK·missed" if code == "MISSED" else code, str(counts[code]))
    console.print(table)
    if scores.height <= 2 * SHOWN:
        ordered = scores.sort(["parent", "rank", "region"], nulls_last=True)
        console.print(_ranking_table(f"{year}年考核得分与排名", ordered))
        vetoed = ordered.filter(pl.col("vetoed"))["region"].to_list()
        if vetoed:
            console.print(f"* 一票否决：{'、'.join(vetoed)}（等级不合格，排在本组最后）")
        return
    by_final = scores.sort(["vetoed", "final", "region"], descending=[False, True, False], nulls_last=True)
    top, bottom = by_final.head(SHOWN), by_final.tail(SHOWN)
    console.print(_ranking_table(f"{year}年最终得分最高的{SHOWN}个地区（排名为本组内名次）", top))
    console.print(_ranking_table(f"{year}年最终得分最低的{SHOWN}个地区（一票否决的排在最后）", bottom))
    vetoed_count = scores.filter(pl.col("vetoed")).height
    where = f"见 {full_table}" if full_table else "用 --scores SCORES.csv 写出"
    console.print(
        f"共{scores.height}个地区，{scores.get_column('parent').n_unique()}个排名组"
        + (f"，一票否决{vetoed_count}个（* 标出）" if vetoed_count else "")
        + f"；完整排名{where}"
    )
