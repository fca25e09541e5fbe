"""The 复核 page's POST is read in one place (web.assessment.forms.review_post): the id each action
names, and numbers by the one number rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import BadRequest
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from web.assessment.forms import review_post

NO_FILES: MultiValueDict[str, object] = MultiValueDict()


def test_each_action_names_its_own_id() -> None:
    assert review_post(QueryDict("action=review&indicator=12&value=3.5"), NO_FILES).target == 12
    assert review_post(QueryDict("action=unadjust&pk=4"), NO_FILES).target == 4
    assert review_post(QueryDict("action=organisation&item=9&points=2"), NO_FILES).target == 9


def test_a_malformed_id_is_a_400_naming_what_it_should_be() -> None:
    with pytest.raises(BadRequest, match="加减分"):
        review_post(QueryDict("action=unadjust&pk=abc"), NO_FILES)


def test_an_adjustment_is_read_in_points() -> None:
    assert review_post(QueryDict("action=adjust&kind=bonus&points=1.5"), NO_FILES).points == Decimal("1.5")
    with pytest.raises(forms.ValidationError):
        review_post(QueryDict("action=adjust&kind=bonus&points=-1"), NO_FILES)


def test_a_score_above_the_items_points_is_refused() -> None:
    # Read once the view has found the item: its 分值 is the limit.
    posted = review_post(QueryDict("action=organisation&item=9&points=6"), NO_FILES)
    with pytest.raises(forms.ValidationError):
        posted.score_within(Decimal(5))
    assert posted.score_within(Decimal(10)) == Decimal(6)
