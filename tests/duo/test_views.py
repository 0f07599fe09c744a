"""The DUO pages (issue 16): the dossier's DUO tab, and the outbox screen of the koppelbeheerder (filters,
pages, dead letters, 'opnieuw proberen', alerts, connection settings) with the beheerder's masked view."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from duo import services
from duo.models import DuoBericht, KoppelingMelding, Soort, Status
from inburgering.accounts.roles import Rol
from tests.factories import DossierFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def koppelbeheer(db):
    return UserFactory(username="koppelbeheer", team=None, rol=Rol.KOPPELBEHEER)


def bericht(dossier, soort=Soort.MAP, redenen=(), **velden) -> DuoBericht:
    b = services.bericht_schrijven(dossier=dossier, soort=soort, body={"datumEindgesprekMap": "2026-01-05"},
                                   redenen=list(redenen), by=None)
    if velden:
        DuoBericht.objects.filter(pk=b.pk).update(**velden)
        b.refresh_from_db()
    return b


def test_the_dossier_tab_shows_what_was_sent_and_why_not(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    bericht(dossier, status=Status.VERZONDEN)
    bericht(dossier, soort=Soort.PVT, redenen=["De datum ligt in de toekomst."])
    client.force_login(werkcoach)
    response = client.get(reverse("duo:dossier", args=[dossier.pk]))
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "MAP-eindgesprek" in tekst and "Verzonden" in tekst
    assert "Niet verzonden (controle)" in tekst and "De datum ligt in de toekomst." in tekst


@pytest.mark.parametrize(("rol", "status"), [
    (Rol.WERKCOACH, 403), (Rol.CONSULENT, 403), (Rol.MANAGER, 403), (Rol.PRIVACY, 403), (Rol.POSTKAMER, 403),
    (Rol.BEHEERDER, 200), (Rol.KOPPELBEHEER, 200),
])
def test_only_koppelbeheer_and_beheer_see_the_outbox(client, rol, status):
    client.force_login(UserFactory(rol=rol))
    assert client.get(reverse("duo:outbox")).status_code == status


def test_the_outbox_is_login_only(client):
    assert client.get(reverse("duo:outbox")).status_code == 302


def test_the_koppelbeheerder_sees_path_body_and_can_filter(client, koppelbeheer):
    dossier = DossierFactory()
    bericht(dossier, status=Status.DODE_LETTER, redenen=["DUO gaf geen antwoord"])
    bericht(DossierFactory(), soort=Soort.PVT)
    client.force_login(koppelbeheer)
    response = client.get(reverse("duo:outbox"), {"status": Status.DODE_LETTER})
    tekst = response.content.decode()
    assert dossier.inburgeraar.bsn in tekst and "datumEindgesprekMap" in tekst
    assert "Opnieuw proberen" in tekst
    assert len(response.context["pagina"].object_list) == 1
    assert "DUO_URL" in tekst and "DUO_CLIENT_KEY" in tekst


def test_the_beheerder_sees_masked_metadata_only(client, beheerder):
    dossier = DossierFactory()
    bericht(dossier, status=Status.DODE_LETTER)
    client.force_login(beheerder)
    tekst = client.get(reverse("duo:outbox")).content.decode()
    assert dossier.inburgeraar.bsn not in tekst and "*********" in tekst
    assert "datumEindgesprekMap" not in tekst and "Opnieuw proberen" not in tekst


def test_opnieuw_proberen_posts_the_version_it_showed(client, koppelbeheer):
    b = bericht(DossierFactory(), status=Status.DODE_LETTER, pogingen=8)
    client.force_login(koppelbeheer)
    url = reverse("duo:opnieuw", args=[b.pk])
    assert client.post(url, {"versie": b.versie + 1}).status_code == 302
    b.refresh_from_db()
    assert b.status == Status.DODE_LETTER  # a stale form changes nothing
    client.post(url, {"versie": b.versie})
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.WACHTEND, 0)


def test_opnieuw_proberen_is_refused_to_the_beheerder(client, beheerder):
    b = bericht(DossierFactory(), status=Status.DODE_LETTER)
    client.force_login(beheerder)
    assert client.post(reverse("duo:opnieuw", args=[b.pk]), {"versie": b.versie}).status_code == 403


def test_an_alert_shows_until_it_is_handled(client, koppelbeheer):
    melding = KoppelingMelding.objects.create(http_status=401, tekst="DUO weigert de koppeling (HTTP 401)")
    client.force_login(koppelbeheer)
    assert "DUO weigert de koppeling (HTTP 401)" in client.get(reverse("duo:outbox")).content.decode()
    client.post(reverse("duo:melding", args=[melding.pk]))
    assert "DUO weigert de koppeling (HTTP 401)" not in client.get(reverse("duo:outbox")).content.decode()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("duo:outbox")).status_code == 200
    return len(ctx.captured_queries)


def test_the_outbox_costs_the_same_queries_for_5_and_60_messages(client, koppelbeheer):
    client.force_login(koppelbeheer)
    for _ in range(5):
        bericht(DossierFactory())
    bij_5 = _queries(client)
    dossiers = DossierFactory.create_batch(11)
    for i in range(55):
        bericht(dossiers[i % 11], status=[Status.VERZONDEN, Status.DODE_LETTER, Status.GEWEIGERD][i % 3])
    assert _queries(client) == bij_5


def test_the_koppelbeheerder_starts_on_the_outbox(client, koppelbeheer):
    client.force_login(koppelbeheer)
    assert client.get(reverse("na_inloggen")).url == reverse("duo:outbox")


def test_a_refusal_shows_on_the_werkcoachs_werkvoorraad(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    services.signaal_geven(dossier=dossier, soort_label="PIP", reden="Niveau B1 kan niet bij de Z-route.", door=None)
    client.force_login(werkcoach)
    tekst = client.get(reverse("werkvoorraad:lijst")).content.decode()
    assert "DUO-melding PIP niet verzonden: Niveau B1 kan niet bij de Z-route." in tekst
