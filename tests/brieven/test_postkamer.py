"""The postkamer's pages: only that role (letters carry personal data: not the beheerder); the list page's
query count does not grow with the waiting letters or the batches."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from inburgering.accounts.roles import Rol
from inburgering.documenten import verzending
from tests.brieven.test_verzending import vastgesteld
from tests.factories import BeheerderFactory, ConsulentFactory, ManagerFactory, UserFactory, WerkcoachFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postkamer(db):
    return UserFactory(username="post", team=None, rol=Rol.POSTKAMER)


@pytest.mark.parametrize("factory", [WerkcoachFactory, ConsulentFactory, ManagerFactory, BeheerderFactory])
def test_other_roles_are_refused(client, factory, werkcoach, consulent, postkamer):
    vastgesteld(werkcoach, consulent)
    batch = verzending.batch_samenstellen(door=postkamer)
    client.force_login(factory())
    for url in [reverse("post:post"), reverse("post:batch", args=[batch.pk]),
                reverse("post:bevestigen", args=[batch.pk]), reverse("post:download", args=[batch.pk, "verzendlijst"])]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("post:samenstellen")).status_code == 403


def test_login_lands_the_postkamer_on_its_page(client, postkamer):
    client.force_login(postkamer)
    assert client.get(reverse("na_inloggen"))["Location"] == reverse("post:post")


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_post_page_costs_the_same_for_1_and_4_letters_and_batches(client, werkcoach, consulent, postkamer):
    client.force_login(postkamer)
    vastgesteld(werkcoach, consulent)
    verzending.batch_samenstellen(door=postkamer)
    vastgesteld(werkcoach, consulent, naam="Tesfay")
    een = queries(client, reverse("post:post"))
    for naam in ("Rahimi", "Osman", "Abdi"):
        vastgesteld(werkcoach, consulent, naam=naam)
    verzending.batch_samenstellen(door=postkamer)
    for naam in ("Farah", "Darwish", "Nasser"):
        vastgesteld(werkcoach, consulent, naam=naam)
    assert queries(client, reverse("post:post")) == een


def test_the_letters_of_a_posted_batch_are_no_longer_downloadable(client, werkcoach, consulent, postkamer):
    from tests import versies

    vastgesteld(werkcoach, consulent)
    batch = verzending.batch_samenstellen(door=postkamer)
    client.force_login(postkamer)
    assert client.get(reverse("post:download", args=[batch.pk, "brieven"])).status_code == 200
    verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=batch.datum, versie=versies.van(batch), door=postkamer)
    assert client.get(reverse("post:download", args=[batch.pk, "brieven"])).status_code == 404
    assert client.get(reverse("post:download", args=[batch.pk, "verzendlijst"])).status_code == 200
