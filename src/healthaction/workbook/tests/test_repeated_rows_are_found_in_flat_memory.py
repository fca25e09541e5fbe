from __future__ import annotations

from healthaction.workbook.row_keys import DuplicateIndex, OriginalKeys
from healthaction.workbook.sheet_stream import RawCell


def test_it_names_each_repeat_with_the_first_row_it_repeats() -> None:
    index = DuplicateIndex()
    for row, key in [
        (9, ("620403", "17", 2023)),
        (10, ("620403", "18", 2023)),
        (11, ("620403", "17", 2023)),
        (12, ("620421", "17", 2023)),
        (13, ("620403", "17", 2023)),
        (14, ("620403", "18", 2023)),
    ]:
        index.add(key, row)
    assert list(index.repeats()) == [(11, 9), (13, 9), (14, 10)]


def test_it_finds_nothing_in_a_file_without_repeats() -> None:
    index = DuplicateIndex()
    for row in range(9, 1009):
        index.add(("620403", str(row), 2023), row)
    assert list(index.repeats()) == []
    assert list(DuplicateIndex().repeats()) == []


def test_it_reads_the_hidden_keys_and_refuses_what_the_template_did_not_write() -> None:
    keys = OriginalKeys()
    region = RawCell("text", '["620403", "平川区"]', "")
    indicator = RawCell("text", '["17", "居民健康素养水平", "%", 2023]', "")
    assert keys.of(region, indicator) == ["620403", "平川区", "17", "居民健康素养水平", "%", "2023"]
    assert keys.of(region, RawCell("text", '["17", "居民健康素养水平", "%", "明年"]', "")) is None
    assert keys.of(region, RawCell("text", "合计", "")) is None
    assert keys.of(region, None) is None
    assert keys.of(RawCell("number", "620403", ""), indicator) is None
