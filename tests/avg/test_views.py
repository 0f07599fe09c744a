"""The privacy officer's pages: only that role; the list's query count does not grow with its lines; the
beheerder sees metadata only."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from avg import services
from cases.models import EindReden, Fase
from tests import versies
from tests.factories import BeheerderFactory, ConsulentFactory, DossierFactory, ManagerFactory, WerkcoachFactory

pytestmark = pytest.mark.django_db


def gesloten(werkcoach, n: int):
    return DossierFactory.create_batch(n, werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                                       eind_datum=date(2019, 3, 1))


@pytest.mark.parametrize("factory", [WerkcoachFactory, ConsulentFactory, ManagerFactory, BeheerderFactory])
def test_other_roles_are_refused(client, factory, oud_dossier):
    lijst = services.voorstellen().lijst
    client.force_login(factory())
    for url in [reverse("avg:start"), reverse("avg:uitgesloten"), reverse("avg:lijst", args=[lijst.pk]),
                reverse("avg:aanbieden", args=[lijst.pk]), reverse("avg:beoordelen", args=[lijst.pk])]:
        assert client.get(url).status_code == 403, url


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_list_page_costs_the_same_for_3_and_40_lines(client, privacy, werkcoach):
    client.force_login(privacy)
    gesloten(werkcoach, 3)
    lijst = services.voorstellen().lijst
    url = reverse("avg:lijst", args=[lijst.pk])
    bij_3 = queries(client, url)
    gesloten(werkcoach, 37)
    services.voorstellen()
    assert lijst.regels.count() == 40
    assert queries(client, url) == bij_3


def test_the_start_page_costs_the_same_for_1_and_12_past_lists(client, privacy, privacy2, werkcoach):
    client.force_login(privacy)

    def een_lijst():
        gesloten(werkcoach, 1)
        lijst = services.voorstellen().lijst
        lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
        services.afwijzen(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="later", door=privacy2)

    een_lijst()
    bij_1 = queries(client, reverse("avg:start"))
    for _ in range(11):
        een_lijst()
    assert queries(client, reverse("avg:start")) == bij_1


def test_the_beheerder_sees_the_metadata_without_names(client, oud_dossier):
    lijst = services.voorstellen().lijst
    client.force_login(BeheerderFactory())
    wijzig = client.get(reverse("admin:avg_vernietigingslijst_change", args=[lijst.pk]))
    assert wijzig.status_code == 200
    inhoud = wijzig.content.decode()
    assert str(oud_dossier.pk) in inhoud
    assert oud_dossier.inburgeraar.geslachtsnaam not in inhoud and oud_dossier.inburgeraar.bsn not in inhoud
    assert client.get(reverse("admin:avg_vernietigingslijst_changelist")).status_code == 200


def test_approving_through_the_pages(client, privacy, privacy2, oud_dossier):
    lijst = services.voorstellen().lijst
    client.force_login(privacy)
    antwoord = client.post(reverse("avg:aanbieden", args=[lijst.pk]), {"versie": versies.van(lijst)})
    assert antwoord.status_code == 302
    lijst.refresh_from_db()
    # The preparer's own review page says four eyes.
    assert "vier ogen" in client.get(reverse("avg:lijst", args=[lijst.pk])).content.decode()
    fout = client.post(reverse("avg:beoordelen", args=[lijst.pk]),
                       {"versie": versies.van(lijst), "besluit": "goedkeuren"})
    assert fout.status_code == 200 and "vier ogen" in fout.content.decode()

    client.force_login(privacy2)
    client.post(reverse("avg:beoordelen", args=[lijst.pk]), {"versie": versies.van(lijst), "besluit": "goedkeuren"})
    lijst.refresh_from_db()
    assert lijst.status == "vernietigd"
    verklaring = client.get(reverse("avg:verklaring", args=[lijst.pk]))
    assert verklaring.status_code == 200 and verklaring["Content-Type"] == "application/pdf"


def test_a_closed_dossier_says_when_its_data_will_be_destroyed(client, werkcoach, oud_dossier):
    client.force_login(werkcoach)
    inhoud = client.get(reverse("cases:dossier_detail", args=[oud_dossier.pk])).content.decode()
    assert "vanaf 1 maart 2024 op een vernietigingslijst" in inhoud
    assert "tot uiterlijk 2069" in inhoud


def test_a_line_of_another_list_is_404_under_this_list(client, privacy, privacy2, werkcoach):
    gesloten(werkcoach, 1)
    eerste = services.voorstellen().lijst
    eerste = services.ter_goedkeuring_aanbieden(lijst_id=eerste.pk, versie=versies.van(eerste), door=privacy)
    gesloten(werkcoach, 1)
    tweede = services.voorstellen().lijst
    assert tweede.pk != eerste.pk
    vreemde_regel = eerste.regels.get()
    client.force_login(privacy)
    url = reverse("avg:uitzonderen", args=[tweede.pk, vreemde_regel.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"versie": versies.van(tweede), "reden": "x", "uitstel_tot": "2030-01-01"}).status_code == 404
    vreemde_regel.refresh_from_db()
    assert not vreemde_regel.uitgezonderd


def test_the_excluded_page_costs_the_same_for_2_and_12_excluded_dossiers(client, privacy, werkcoach):
    from tests.factories import HandhavingszaakFactory

    client.force_login(privacy)
    for dossier in gesloten(werkcoach, 2):
        HandhavingszaakFactory(dossier=dossier)
    twee = queries(client, reverse("avg:uitgesloten"))
    for dossier in gesloten(werkcoach, 10):
        HandhavingszaakFactory(dossier=dossier)
    response = client.get(reverse("avg:uitgesloten"))
    assert response.content.decode().count("Handhavingszaak") >= 12
    assert queries(client, reverse("avg:uitgesloten")) == twee
