"""OUT.csv writes every number in full (evaluation.md §4): never 1e-7 nor 1.5e+16, however many rows."""

from __future__ import annotations

import polars as pl

from healthaction.evaluation_io.output import formatted


def test_tiny_and_huge_numbers_are_written_in_full_among_plain_ones() -> None:
    plain = [float(i % 97) + 0.25 for i in range(10_000)]
    frame = pl.DataFrame(
        {
            "value": [*plain, 1e-7, 1.5e16, 2e-5, 0.0],
            "ratio": [*plain, 0.5, 1.0, 1.5, 2.0],
        }
    )
    table = formatted(frame, ("value", "ratio"))
    assert table.get_column("value").tail(4).to_list() == ["0.0000001", "15000000000000000", "0.00002", "0"]
    assert table.get_column("ratio").tail(4).to_list() == ["0.5", "1", "1.5", "2"]
    assert table.get_column("value").head(2).to_list() == ["0.25", "1.25"]
