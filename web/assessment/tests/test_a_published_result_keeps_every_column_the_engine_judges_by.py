"""A published 考核 result is a frozen snapshot: each series keeps the engine's judgement column by column
(web.assessment.outcome.EngineSeries). A column the engine gains is kept only once the snapshot names it."""

from __future__ import annotations

from healthaction.engine.model import SERIES_COLUMNS
from web.assessment.outcome import EngineSeries


def test_a_published_result_keeps_every_column_the_engine_judges_by() -> None:
    kept = EngineSeries.__required_keys__ | EngineSeries.__optional_keys__
    # The first three columns are the key (region, indicator, year): the snapshot names them itself.
    assert kept == {*SERIES_COLUMNS[3:], "label", "mode", "explanation"}
