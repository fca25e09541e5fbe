"""How the engine runs its lazy polars queries."""

from __future__ import annotations

from typing import Final, Literal

# Every `collect` of the engine runs on polars' in-memory engine. The streaming engine (polars' default
# since 2.0) sets up its pipeline on each collect, about a millisecond: a tenth of an approval's
# evaluation of one county (150 series, a dozen collects), and no faster on a country's 430,000
# series (bench/engine.py, both engines alike within the noise).
ENGINE: Final[Literal["in-memory"]] = "in-memory"
