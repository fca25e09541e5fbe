"""Fuzz (hypothesis) of the entry form's value field and of a 填报表 cell through the same service:
whatever is typed, the answer is 200 (refused, with a message) or 302 (saved), never a server error;
a refusal leaves the database as it was, and what is saved is finite and plausible."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthaction.numbers import LIMIT, plausibility
from healthaction.tests.strategies import NUMBER_TEXT
from healthaction.workbook.sheet_stream import RawCell
from healthaction.workbook.values import CellValueError, read_value
from web.conftest import World
from web.monitoring.models import Observation, ObservationChange
from web.monitoring.services import ObservationError, observation_save

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _plausible(observation: Observation) -> None:
    assert observation.value is not None
    assert observation.value.is_finite()
    assert abs(observation.value) < LIMIT
    assert plausibility(observation.value, observation.indicator.unit) is None


@FUZZ
@given(text=NUMBER_TEXT)
def test_the_entry_form(client: Client, world: World, text: str) -> None:
    client.force_login(world.pingchuan_clerk)
    before = ObservationChange.objects.count()
    response = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/", {f"value-{world.literacy.pk}": text, "draft": "1"}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200 or not text.strip():
        assert ObservationChange.objects.count() == before
        assert not Observation.objects.exists()
        return
    _plausible(Observation.objects.select_related("indicator").get())
    Observation.objects.all().delete()


@settings(FUZZ, max_examples=120)
@given(
    cell=st.one_of(
        NUMBER_TEXT.map(lambda text: RawCell("text", text, "")),
        st.floats(allow_nan=True, allow_infinity=True).map(lambda x: RawCell("number", repr(x), "")),
        st.floats(allow_nan=True, allow_infinity=True).map(lambda x: RawCell("number", repr(x), "percent")),
    )
)
def test_a_template_cell_through_the_service(world: World, cell: RawCell) -> None:
    try:
        read = read_value(cell, world.literacy.unit, world.literacy.name)
    except CellValueError as refused:
        message = str(refused)
    else:
        message = ""
    if message:
        assert len(message) < 140
        return
    if read.value is None:
        return
    try:
        observation_save(
            region=world.pingchuan,
            indicator=world.literacy,
            year=2022,
            value=read.value,
            comment=read.note or "",
            user=world.pingchuan_clerk,
            version=None,
            submit=False,
        )
    except ObservationError:
        assert not Observation.objects.exists()
        return
    _plausible(Observation.objects.select_related("indicator").get())
    assert isinstance(read.value, Decimal)
    Observation.objects.all().delete()
