from __future__ import annotations

import pytest

from web.organisation.names import department_key, is_department_name


@pytest.mark.parametrize(
    ("written", "regions", "key"),
    [
        ("区卫健局", [], "卫生健康局"),
        ("区卫生健康局", [], "卫生健康局"),
        ("卫生健康局", [], "卫生健康局"),
        ("平川区教育局", ["白银市", "平川区"], "教育局"),
        ("市市场监管局", [], "市场监督管理局"),
    ],
)
def test_it_reduces_a_written_name_to_its_key(written: str, regions: list[str], key: str) -> None:
    assert department_key(written, regions) == key


def test_it_knows_collective_phrases_are_not_departments() -> None:
    assert not is_department_name("各乡镇街道")
    assert is_department_name("区科协")
