"""The pages: the inflow queue (paginated, a fixed number of queries), taking an item up, the koppelbeheerder's
list of notifications and of differences, and the dossier tab "Gegevens van DUO"."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cases.views import PAGINA_GROOTTE
from duo.notificaties.models import DuoGegeven, DuoInstroom, DuoNotificatie, DuoVerschil, NotificatieStatus
from tests.factories import DossierFactory

from .conftest import BSN_NIEUW
from .test_services import verwerk

pytestmark = pytest.mark.django_db


def _items(team, aantal: int, start: int = 0):
    for i in range(start, start + aantal):
        DuoInstroom.objects.create(bsn=f"{900000000 + i}", team=team, gebeurtenis_id="SS139", naam=f"Persoon {i}",
                                   datum_kennisgeving=date.today() - timedelta(days=i % 60), pip_klok=True)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_inflow_queue_has_a_fixed_number_of_queries_and_pages(client, werkcoach, team):
    client.force_login(werkcoach)
    url = reverse("duo_notificaties:instroom")
    _items(team, 3)
    weinig = _queries(client, url)
    _items(team, PAGINA_GROOTTE + 5, start=3)
    assert _queries(client, url) == weinig
    pagina = client.get(url).content.decode()
    assert "Pagina 1 van 2" in pagina and "PIP-termijn loopt" in pagina


def test_a_werkcoach_sees_the_own_teams_queue_only(client, werkcoach, team, ander_team):
    _items(team, 1)
    _items(ander_team, 1, start=1)
    client.force_login(werkcoach)
    pagina = client.get(reverse("duo_notificaties:instroom")).content.decode()
    assert "Persoon 0" in pagina and "Persoon 1" not in pagina


@pytest.mark.parametrize(("rol", "status"), [("werkcoach", 200), ("consulent", 200), ("manager", 200),
                                             ("beheerder", 403), ("koppelbeheerder", 403)])
def test_who_opens_the_inflow_queue(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(reverse("duo_notificaties:instroom")).status_code == status


def test_taking_up_opens_the_new_dossier(client, werkcoach, team, stub_brp):
    verwerk("SS139")
    DuoInstroom.objects.update(doelgroep="Asielstatushouder")
    client.force_login(werkcoach)
    item = DuoInstroom.objects.get()
    antwoord = client.post(reverse("duo_notificaties:oppakken", args=[item.pk]))
    item.refresh_from_db()
    assert antwoord.status_code == 302 and antwoord.url == reverse("cases:dossier_detail", args=[item.dossier_id])
    assert client.post(reverse("duo_notificaties:oppakken", args=[item.pk])).status_code == 404


def test_a_refusal_is_shown_on_the_queue(client, werkcoach, team, stub_brp):
    verwerk("SS139")  # no doelgroep from DUO yet
    client.force_login(werkcoach)
    antwoord = client.post(reverse("duo_notificaties:oppakken", args=[DuoInstroom.objects.get().pk]), follow=True)
    assert "geen doelgroep" in antwoord.content.decode()


def test_the_koppelbeheerder_lists_notifications_with_filters_and_unknown_codes(
        client, koppelbeheerder, werkcoach, consulent, team, stub_brp):
    verwerk("SS139")
    verwerk("SS998")
    for geen_koppelbeheer in (werkcoach, consulent):
        client.force_login(geen_koppelbeheer)
        assert client.get(reverse("duo_koppeling:meldingen")).status_code == 403
    client.force_login(koppelbeheerder)
    url = reverse("duo_koppeling:meldingen")
    pagina = client.get(url).content.decode()
    assert "SS139" in pagina and "SS998" in pagina and "1 melding met een onbekende gebeurtenis" in pagina
    assert BSN_NIEUW not in pagina
    gefilterd = client.get(url, {"status": NotificatieStatus.ONBEKENDE_CODE}).content.decode()
    assert "SS998" in gefilterd and "SS139 —" not in gefilterd
    assert "SS139 —" in client.get(url, {"gebeurtenis": "ss139"}).content.decode()
    assert client.get(url, {"status": "onzin"}).status_code == 200  # an invalid filter shows everything


def test_the_list_of_notifications_has_a_fixed_number_of_queries(client, koppelbeheerder):
    client.force_login(koppelbeheerder)
    url = reverse("duo_koppeling:meldingen")

    def maak(n, start):
        for i in range(start, start + n):
            DuoNotificatie.objects.create(sleutel=str(i), bericht_id="6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                                          bron="0" * 20, gebeurtenis_id="SS101", bsn="999990093",
                                          registratie_datum_tijd=timezone.now(), ruw={})
    maak(2, 0)
    weinig = _queries(client, url)
    maak(PAGINA_GROOTTE + 3, 2)
    assert _queries(client, url) == weinig


def test_a_failed_notification_can_be_sent_back(client, koppelbeheerder, monkeypatch):
    from duo.notificaties import ontvangen

    monkeypatch.setattr(ontvangen, "inplannen", lambda pk: None)
    notificatie = DuoNotificatie.objects.create(sleutel="x", bericht_id="6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                                                bron="0" * 20, gebeurtenis_id="SS101", bsn="999990093",
                                                registratie_datum_tijd=timezone.now(), ruw={},
                                                status=NotificatieStatus.FOUT, pogingen=6)
    client.force_login(koppelbeheerder)
    assert client.post(reverse("duo_koppeling:opnieuw", args=[notificatie.pk])).status_code == 302
    notificatie.refresh_from_db()
    assert (notificatie.status, notificatie.pogingen) == (NotificatieStatus.ONTVANGEN, 0)


def test_the_differences_page(client, koppelbeheerder, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    DuoVerschil.objects.create(dossier=dossier, veld="pip_dagtekening", gemeente="2023-02-14", duo="2023-02-15",
                               gevonden_op=timezone.now())
    client.force_login(werkcoach)
    assert client.get(reverse("duo_koppeling:verschillen")).status_code == 403
    client.force_login(koppelbeheerder)
    pagina = client.get(reverse("duo_koppeling:verschillen")).content.decode()
    assert "pip_dagtekening" in pagina and "2023-02-15" in pagina


def test_the_dossier_tab_shows_each_fact_with_its_source_and_time(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    DuoGegeven.objects.create(dossier=dossier, soort="lbt", bron="DUO /lbt/resultaten", opgehaald_op=timezone.now(),
                              waarde=[{"resultaat": "B1-route haalbaar", "behaaldeScore": "71,50"}])
    client.force_login(werkcoach)
    pagina = client.get(reverse("duo_notificaties:dossier", args=[dossier.pk])).content.decode()
    assert "Gegevens van DUO" in pagina and "bron: DUO /lbt/resultaten" in pagina
    assert "resultaat: B1-route haalbaar" in pagina

