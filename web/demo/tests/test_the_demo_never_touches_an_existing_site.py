"""`make run` runs `healthaction demo` on every start: on a database with a site in it, it changes nothing
(it used to reset the passwords to the public demo one, restore roles, reopen rounds, add demo values)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from web.conftest import PASSWORD, World
from web.demo.build import demo_create
from web.monitoring.models import Observation, ReportingRound
from web.plans.models import PlanDocument

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def test_a_site_with_data_is_left_exactly_as_it_is(world: World) -> None:
    before = (
        list(User.objects.order_by("pk").values_list("username", "password", "is_superuser")),
        list(ReportingRound.objects.values_list("year", "opens_on", "closes_on")),
        PlanDocument.objects.count(),
        Observation.objects.count(),
    )
    assert demo_create(seeds=SEEDS) is False
    after = (
        list(User.objects.order_by("pk").values_list("username", "password", "is_superuser")),
        list(ReportingRound.objects.values_list("year", "opens_on", "closes_on")),
        PlanDocument.objects.count(),
        Observation.objects.count(),
    )
    assert after == before
    assert world.office.check_password(PASSWORD)


def test_an_account_alone_is_a_site(db: None) -> None:
    User.objects.create_user("admin", password="the-real-one")
    assert demo_create(seeds=SEEDS) is False
    assert User.objects.get(username="admin").check_password("the-real-one")


@pytest.mark.django_db(transaction=True)
def test_reset_empties_the_database_first_on_request(tmp_path: Path) -> None:
    User.objects.create_user("someone")
    with pytest.raises(ValueError, match="没有可用的种子文件"):  # an empty seeds folder: nothing to build
        demo_create(seeds=tmp_path, reset=True)
    assert not User.objects.exists()
