"""The print view of a dossier (issue 20 item 6): the summary on A4 without navigation, for who may see
the dossier, logged as a read."""

from django.urls import reverse

from cases.models import Fase
from inburgering.audit.models import Dataverwerking, InzageLog
from tests.factories import ContactmomentFactory, DossierFactory, PipFactory, TermijnFactory


def test_the_print_view_shows_the_summary_without_navigation(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, inburgeraar__geslachtsnaam="Afdrukken")
    PipFactory(vastgesteld=True, dossier=dossier, leerroute="B")
    TermijnFactory(dossier=dossier)
    ContactmomentFactory(dossier=dossier, afspraken="Volgende keer het taalniveau bespreken")
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_afdrukken", args=[dossier.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Afdrukken" in html and dossier.inburgeraar.bsn_gemaskeerd in html
    assert dossier.inburgeraar.bsn not in html
    assert "PIP en leerroute" in html and "B1-route" in html
    assert "PIP vaststellen" in html  # the termijn
    assert "Volgende keer het taalniveau bespreken" in html
    assert "Hoofdmenu" not in html and "Dossieronderdelen" not in html  # no navigation
    assert "css/afdrukken.css" in html


def test_the_print_view_is_reachable_from_the_dossier_and_logged_as_a_read(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    assert reverse("cases:dossier_afdrukken", args=[dossier.pk]) in client.get(
        reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()

    client.get(reverse("cases:dossier_afdrukken", args=[dossier.pk]))

    assert InzageLog.objects.filter(dossier_id=dossier.pk, pagina="afdrukken").count() == 1
    verwerking = Dataverwerking.objects.filter(naam="cases:dossier_afdrukken").get()
    assert verwerking.dossier_ids == [dossier.pk]


def test_a_dossier_outside_the_reach_is_404_and_not_logged(client, werkcoach_ander_team):
    dossier = DossierFactory()
    client.force_login(werkcoach_ander_team)
    assert client.get(reverse("cases:dossier_afdrukken", args=[dossier.pk])).status_code == 404
    assert not InzageLog.objects.filter(dossier_id=dossier.pk).exists()


def test_a_dossier_without_pip_says_so(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    client.force_login(werkcoach)
    html = client.get(reverse("cases:dossier_afdrukken", args=[dossier.pk])).content.decode()
    assert "Nog geen PIP opgesteld" in html
    assert "Nog geen contactmomenten vastgelegd." in html
