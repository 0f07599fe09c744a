"""The stored beschikking: what it says (read back from the PDF) and who may download it."""

import io
from datetime import date, timedelta

from django.urls import reverse

import pytest
from pypdf import PdfReader

from pip_plans import services
from pip_plans.models import WijzigingReden
from pip_plans.rules import Leerroute, Niveau
from tests import klok, versies
from tests.factories import BredeIntakeFactory, ConsulentFactory, PipFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global ONHAALBAAR, DAGTEKENING, BEKENDMAKING
    # Wet 17 lid 3: the recorded finding that B1 is not feasible within the (extended) termijn.
    ONHAALBAAR = {"afschalen_onhaalbaar_op": date.today(),
                  "afschalen_onhaalbaar_grond": "Volgens de aanbieder is B1 niet haalbaar voor het einde van de termijn."}
    DAGTEKENING = date.today() - timedelta(days=2)
    BEKENDMAKING = date.today() - timedelta(days=1)


MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


def nederlands(d: date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


@pytest.fixture
def vastgesteld(werkcoach, consulent):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__inburgeraar__voornamen="Yusuf",
                                 dossier__inburgeraar__geslachtsnaam="Al-Haddad").dossier
    pip = services.pip_opstellen(dossier_id=dossier.pk, by=werkcoach, gegevens={
        "leerroute": Leerroute.ONDERWIJS, "niveau": Niveau.B1, "aanbieder": "Noorderpoort"})
    services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    return services.pip_vaststellen(pip_id=pip.pk, dagtekening=DAGTEKENING, bekendmaking=BEKENDMAKING, versie=versies.van(pip), by=consulent)


def pdf_lezen(pip) -> PdfReader:
    with pip.document.bestand.open("rb") as bestand:
        return PdfReader(io.BytesIO(bestand.read()))


def tekst(reader: PdfReader) -> str:
    return " ".join(" ".join((pagina.extract_text() or "").split()) for pagina in reader.pages)


def test_the_beschikking_names_the_person_route_dates_and_bezwaar(vastgesteld):
    inhoud = tekst(pdf_lezen(vastgesteld))

    assert "Yusuf Al-Haddad" in inhoud
    assert "Onderwijsroute" in inhoud
    assert "bezwaar maken" in inhoud
    assert nederlands(DAGTEKENING) in inhoud
    assert nederlands(vastgesteld.bezwaar_einde) in inhoud
    assert nederlands(vastgesteld.termijn_start) in inhoud
    assert "Wijziging van uw" not in inhoud


def test_the_bezwaar_end_is_six_weeks_after_bekendmaking_or_later_on_a_free_day(vastgesteld):
    assert vastgesteld.bezwaar_einde >= BEKENDMAKING + timedelta(weeks=6)
    assert vastgesteld.bezwaar_einde <= BEKENDMAKING + timedelta(weeks=6, days=4)
    assert vastgesteld.bezwaar_einde.weekday() < 5


def test_the_beschikking_is_pdf_a_2a(vastgesteld):
    xmp = pdf_lezen(vastgesteld).xmp_metadata
    assert xmp is not None
    assert xmp.pdfaid_part == "2"
    assert xmp.pdfaid_conformance == "A"


def test_a_wijziging_beschikking_says_what_it_replaces(werkcoach, consulent):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG,
                                        toelichting="nieuwe aanbieder", by=werkcoach)
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    v2 = services.pip_vaststellen(pip_id=v2.pk, dagtekening=date.today(), bekendmaking=date.today(), versie=versies.van(v2), by=consulent)
    inhoud = tekst(pdf_lezen(v2))
    assert "Wijziging van uw Plan" in inhoud
    assert f"vervangt uw PIP van {nederlands(v1.dagtekening)}" in inhoud


def test_a_redrafted_first_pip_is_not_called_a_wijziging(werkcoach, consulent):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    eerste = services.pip_opstellen(dossier_id=dossier.pk, gegevens={"leerroute": Leerroute.B1}, by=werkcoach)
    services.pip_intrekken(pip_id=eerste.pk, reden="verkeerd begonnen", versie=versies.van(eerste), by=werkcoach)
    pip = services.pip_opstellen(dossier_id=dossier.pk, gegevens={"leerroute": Leerroute.B1}, by=werkcoach)
    services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    pip = services.pip_vaststellen(pip_id=pip.pk, dagtekening=date.today(), bekendmaking=date.today(), versie=versies.van(pip), by=consulent)
    assert "Uw Plan Inburgering" in pip.document.html
    assert "Wijziging van uw" not in pip.document.html


@pytest.mark.parametrize("wie", ["werkcoach", "collega", "consulent", "manager"])
def test_the_beschikking_downloads_for_users_who_may_see_the_dossier(client, request, wie, vastgesteld):
    client.force_login(request.getfixturevalue(wie))
    response = client.get(reverse("pip_plans:pip_beschikking", args=[vastgesteld.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_beschikking_is_not_found_for_a_werkcoach_of_another_team(client, werkcoach_ander_team, vastgesteld):
    client.force_login(werkcoach_ander_team)
    response = client.get(reverse("pip_plans:pip_beschikking", args=[vastgesteld.pk]))
    assert response.status_code == 404


def test_a_pip_without_beschikking_has_nothing_to_download(client, werkcoach):
    pip = PipFactory(dossier__werkcoach=werkcoach)
    client.force_login(werkcoach)
    assert client.get(reverse("pip_plans:pip_beschikking", args=[pip.pk])).status_code in (403, 404)


def test_another_consulent_sees_the_same_document(client, vastgesteld):
    client.force_login(ConsulentFactory())
    response = client.get(reverse("pip_plans:pip_beschikking", args=[vastgesteld.pk]))
    assert response.status_code == 200


def test_an_afschalen_beschikking_names_the_exam_parts_in_words(werkcoach, consulent):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.AFSCHALEN, toelichting="",
                                        by=werkcoach)
    services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, by=werkcoach, gegevens={
        "niveau": Niveau.A2, "afschalen_onderdelen": ["SC", "SP"], "afschalen_nt2_uren": 600,
        "afschalen_inspanning": "Volgde alle lessen.", **ONHAALBAAR})
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    v2 = services.pip_vaststellen(pip_id=v2.pk, dagtekening=date.today(), bekendmaking=date.today(), versie=versies.van(v2), by=consulent)
    inhoud = tekst(pdf_lezen(v2))
    assert "voor de onderdelen schrijven, spreken" in inhoud
    assert "SC" not in inhoud.split()
    # Wet 17 lid 3: the finding that B1 is not feasible, with its date and ground; Besluit 5.5.
    assert "niveau B1 niet binnen uw (verlengde) inburgeringstermijn kunt halen" in inhoud
    assert "Volgens de aanbieder is B1 niet haalbaar" in inhoud
    assert "artikel 5.5 van het Besluit inburgering 2021" in inhoud


def test_the_beschikking_states_the_persons_rights_and_obligations(vastgesteld):
    inhoud = tekst(pdf_lezen(vastgesteld))
    assert "Uw rechten" in inhoud
    assert "Uw verplichtingen" in inhoud
