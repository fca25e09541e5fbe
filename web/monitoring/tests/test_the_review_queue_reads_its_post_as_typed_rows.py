"""The 审核 queue's POST is read in one place (web.monitoring.forms.batch_review): ticked rows or one
row's button, each with the version it was shown at and the reviewer's reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict

from web.monitoring.forms import PickedValue, batch_review


def test_it_reads_the_ticked_rows_with_their_versions_and_reasons() -> None:
    posted = batch_review(
        QueryDict("decision=return&pick=3&pick=5&comment-3=+单位错了+&version-3=2&query=flag%3Dflagged")
    )
    assert posted.decision == "return"
    assert posted.picked == {
        3: PickedValue(pk=3, version=2, comment="单位错了"),
        5: PickedValue(pk=5, version=0, comment=""),  # no version posted: the service says it changed
    }
    assert posted.query == "flag=flagged"


def test_one_rows_button_decides_that_row_alone() -> None:
    posted = batch_review(QueryDict("one=approve-7&version-7=4&pick=3"))
    assert posted.decision == "approve"
    assert list(posted.picked) == [7]


def test_a_button_the_page_never_writes_decides_nothing() -> None:
    assert batch_review(QueryDict("decision=delete&pick=3")).decision is None


def test_a_malformed_id_is_a_400_naming_the_field() -> None:
    with pytest.raises(BadRequest, match="所选的值"):
        batch_review(QueryDict("decision=approve&pick=abc"))
