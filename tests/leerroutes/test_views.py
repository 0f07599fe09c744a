"""The Traject tab and its form pages through the test client: who gets what, Dutch errors next to
the fields, the whole happy path of the forms, and a constant number of queries."""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from cases.models import Fase
from inburgering.audit.models import InzageLog
from leerroutes import rules, services
from leerroutes.models import Examen, Inschrijving, Pvt, PvtSessie, Uren
from leerroutes.rules import InschrijvingStatus
from tests import klok
from tests.factories import AanbiederFactory, ExamenFactory, PipFactory, UrenFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


ROLLEN = ["werkcoach", "collega", "werkcoach_ander_team", "consulent", "manager", "beheerder", "anoniem"]


@pytest.fixture
def pip(werkcoach):
    return PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dossier__datum_huisvesting=VANDAAG - timedelta(days=400))


@pytest.fixture
def taalschool(db):
    return AanbiederFactory(naam="Taalschool Noord")


def _versturen(client, url, data):
    """Post a form as a user who opened it: with the version the page shows (if it has one)."""
    getoond = re.search(r'<input type="hidden" name="versie" value="(\d+)"', client.get(url).content.decode())
    return client.post(url, {**data, **({"versie": getoond.group(1)} if getoond else {})})


def _status(client, request, wie, url, method="get", data=None):
    if wie != "anoniem":
        client.force_login(request.getfixturevalue(wie))
    return getattr(client, method)(url, data or {}).status_code


#                                  werkcoach collega ander consulent manager beheerder anoniem
MATRIX = [
    ("leerroutes:traject", [200, 200, 404, 200, 200, 404, 302]),
    ("leerroutes:inschrijving_nieuw", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:uren_nieuw", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:z_route_norm", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:examen_nieuw", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:pvt", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:map_eindgesprek", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:ontzorging_nieuw", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:mb_activiteit", [200, 200, 404, 200, 403, 404, 302]),
    ("leerroutes:afronden", [403, 403, 404, 200, 403, 404, 302]),
]


@pytest.mark.parametrize(
    ("url_naam", "wie", "verwacht"),
    [pytest.param(naam, wie, codes[i], id=f"{naam.split(':')[1]}-{wie}") for naam, codes in MATRIX
     for i, wie in enumerate(ROLLEN)],
)
def test_access_matrix(client, request, pip, url_naam, wie, verwacht):
    assert _status(client, request, wie, reverse(url_naam, args=[pip.dossier_id])) == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), zip(ROLLEN, [200, 200, 200, 200, 200, 200, 302], strict=True), ids=ROLLEN)
def test_every_staff_role_sees_the_aanbieder_list(client, request, wie, verwacht):
    assert _status(client, request, wie, reverse("leerroutes:aanbieders")) == verwacht


def test_a_manager_posting_a_form_changes_nothing_and_is_not_logged(client, manager, pip):
    client.force_login(manager)
    antwoord = client.post(reverse("leerroutes:examen_nieuw", args=[pip.dossier_id]), {
        "onderdeel": "KNM", "datum": VANDAAG.isoformat(), "resultaat": "Geslaagd"})
    assert antwoord.status_code == 403
    assert not Examen.objects.exists()
    assert not InzageLog.objects.filter(dossier_id=pip.dossier_id).exists()


def test_the_tab_is_linked_from_the_dossier_header_and_replaces_the_empty_tab(client, werkcoach, pip):
    client.force_login(werkcoach)
    html = client.get(reverse("cases:dossier_detail", args=[pip.dossier_id])).content.decode()
    url = reverse("leerroutes:traject", args=[pip.dossier_id])
    assert f'href="{url}"' in html
    html = client.get(url).content.decode()
    assert "Plicht voldaan?" in html and "Dit onderdeel is nog niet beschikbaar." not in html
    assert escape("KNM-examen nog niet behaald") in html


def test_the_traject_checklist_shows_what_is_done_next_to_what_is_missing(client, werkcoach, pip):
    ExamenFactory(dossier=pip.dossier, onderdeel="LE", niveau="B1")
    client.force_login(werkcoach)
    html = client.get(reverse("leerroutes:traject", args=[pip.dossier_id])).content.decode()
    plicht = html.split('id="plicht"')[1].split("</section>")[0]
    assert "<strong>Lees-examen op B1</strong>: gehaald" in plicht
    assert "<strong>KNM-examen</strong>: KNM-examen nog niet behaald" in plicht
    assert "<strong>MAP met eindgesprek</strong>:" in plicht
    assert plicht.count("checklist__punt--gehaald") == 1


def test_an_aanbieder_without_keurmerk_is_refused_next_to_the_field(client, werkcoach, pip):
    zonder = AanbiederFactory(zonder_keurmerk=True)
    client.force_login(werkcoach)
    antwoord = client.post(reverse("leerroutes:inschrijving_nieuw", args=[pip.dossier_id]), {
        "aanbieder": zonder.pk, "startdatum": VANDAAG.isoformat(),
        "geplande_einddatum": (VANDAAG + timedelta(days=200)).isoformat()})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "<title>Fout: " in html
    assert 'id="foutenoverzicht"' in html
    veld = html.split('for="id_aanbieder"')[1].split('class="utrecht-form-field__input"')[0]
    assert escape(str(rules.GEEN_KEURMERK)) in veld
    assert not Inschrijving.objects.exists()


def test_required_fields_get_a_dutch_message(client, werkcoach, pip):
    client.force_login(werkcoach)
    html = client.post(reverse("leerroutes:examen_nieuw", args=[pip.dossier_id]), {}).content.decode()
    assert "Dit veld is verplicht." in html
    assert 'aria-invalid="true"' in html


def test_a_language_exam_without_level_is_refused_next_to_the_level(client, werkcoach, pip):
    client.force_login(werkcoach)
    html = client.post(reverse("leerroutes:examen_nieuw", args=[pip.dossier_id]), {
        "onderdeel": "LE", "datum": VANDAAG.isoformat(), "resultaat": "Geslaagd"}).content.decode()
    veld = html.split('for="id_niveau"')[1].split('class="utrecht-form-field__input"')[0]
    assert escape(str(rules.NIVEAU_NODIG)) in veld


def test_the_werkcoach_follows_the_route_through_the_forms(client, werkcoach, pip, taalschool):
    client.force_login(werkcoach)
    d = pip.dossier_id
    traject = reverse("leerroutes:traject", args=[d])

    def post(naam, data, *args):
        antwoord = _versturen(client, reverse(f"leerroutes:{naam}", args=[d, *args]), data)
        assert antwoord.status_code == 302, antwoord.content.decode()
        assert antwoord["Location"].startswith(traject)

    post("inschrijving_nieuw", {"aanbieder": taalschool.pk, "startdatum": VANDAAG.isoformat(),
                                "geplande_einddatum": (VANDAAG + timedelta(days=300)).isoformat()})
    inschrijving = Inschrijving.objects.get()
    post("inschrijving_actie", {"datum": VANDAAG.isoformat()}, inschrijving.pk, "aanmelden")
    post("inschrijving_actie", {"datum": VANDAAG.isoformat()}, inschrijving.pk, "starten")
    post("uren_nieuw", {"categorie": "taal_knm", "van": (VANDAAG - timedelta(days=1)).isoformat(),
                        "tot": VANDAAG.isoformat(), "aantal": "6.5", "bron": "werkcoach", "aanbieder": taalschool.pk})
    post("examen_nieuw", {"onderdeel": "KNM", "datum": VANDAAG.isoformat(), "resultaat": "Geslaagd"})
    post("pvt", {"themas": ["vrijheid", "solidariteit"]})
    post("pvt_sessie", {"datum": VANDAAG.isoformat(), "uren": "3", "onderwerp": "Vrijheid", "activiteit": "on",
                        "aanwezig": "on"})
    post("map", {"themas": ["netwerk"]})
    post("inschrijving_stoppen", {"reden": "uitval", "toelichting": "ziek", "datum": VANDAAG.isoformat()},
         inschrijving.pk)

    assert Uren.objects.filter(categorie="taal_knm").get().aantal == Decimal("6.5")
    assert PvtSessie.objects.get().activiteit
    assert Pvt.objects.get().themas == ["vrijheid", "solidariteit"]
    inschrijving.refresh_from_db()
    assert inschrijving.status == InschrijvingStatus.GESTOPT
    html = client.get(traject).content.decode()
    assert "6,5" in html and "Vrijheid" in html and "Gestopt" in html


def test_asiel_ontzorging_and_begeleiding_pages(client, werkcoach, pip):
    vkb = AanbiederFactory(naam="VKB", soort="schuldhulp_budgetbeheer", keurmerk_nummer="")
    dossier = pip.dossier
    dossier.datum_brp_vestiging = VANDAAG - timedelta(days=60)
    dossier.save()
    client.force_login(werkcoach)
    d = dossier.pk
    for naam, args, data in [
        ("ontzorging_nieuw", [], {"uitvoerder": vkb.pk, "bijstand_start": (VANDAAG - timedelta(days=10)).isoformat(),
                                  "asielvergunning_bepaalde_tijd": "on"}),
        ("ontzorging_actie", ["vaste-last"], {"soort": "huur", "begunstigde": "Woonstad", "bedrag": "650",
                                              "van": VANDAAG.isoformat()}),
        ("ontzorging_actie", ["notitie"], {"datum": VANDAAG.isoformat(), "tekst": "Budgetplan besproken."}),
        ("begeleiding_nieuw", [], {}),
        ("mb_activiteit", [], {"soort": "huisarts", "datum": VANDAAG.isoformat(), "uren": "2"}),
    ]:
        antwoord = _versturen(client, reverse(f"leerroutes:{naam}", args=[d, *args]), data)
        assert antwoord.status_code == 302, (naam, antwoord.content.decode()[:3000])
    html = client.get(reverse("leerroutes:traject", args=[d])).content.decode()
    assert "Woonstad" in html and "Budgetplan besproken." in html and "Huisarts en zorg" in html


def test_an_unknown_action_is_not_found(client, werkcoach, pip):
    client.force_login(werkcoach)
    inschrijving = services.inschrijving_aanmaken(
        dossier_id=pip.dossier_id, aanbieder_id=AanbiederFactory().pk, startdatum=VANDAAG,
        geplande_einddatum=VANDAAG + timedelta(days=30), by=werkcoach)
    url = reverse("leerroutes:inschrijving_actie", args=[pip.dossier_id, inschrijving.pk, "wissen"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("leerroutes:ontzorging_actie", args=[pip.dossier_id, "wissen"])).status_code == 404


def test_the_consulent_cannot_close_as_voldaan_while_something_is_missing(client, consulent, pip):
    client.force_login(consulent)
    html = _versturen(client, reverse("leerroutes:afronden", args=[pip.dossier_id]), {
        "reden": "voldaan", "datum": VANDAAG.isoformat()}).content.decode()
    assert "De plicht is nog niet voldaan" in html and "<title>Fout: " in html
    pip.dossier.refresh_from_db()
    assert pip.dossier.fase == Fase.IN_UITVOERING


def test_the_consulent_closes_by_a_duo_vrijstelling(client, consulent, pip):
    client.force_login(consulent)
    antwoord = _versturen(client, reverse("leerroutes:afronden", args=[pip.dossier_id]), {
        "reden": "vrijstelling", "datum": VANDAAG.isoformat(), "grond": "diploma",
        "duo_besluit_datum": (VANDAAG - timedelta(days=3)).isoformat()})
    assert antwoord.status_code == 302
    pip.dossier.refresh_from_db()
    assert (pip.dossier.fase, pip.dossier.eind_reden) == (Fase.AFGEROND, "vrijstelling")


def test_the_aanbieder_list_filters_by_kind_and_keurmerk(client, werkcoach):
    AanbiederFactory(naam="Met keurmerk")
    AanbiederFactory(naam="Verlopen", keurmerk_geldig_tot=VANDAAG - timedelta(days=1))
    AanbiederFactory(naam="Cadanz Welzijn", welzijn=True)
    client.force_login(werkcoach)
    url = reverse("leerroutes:aanbieders")
    html = client.get(url, {"keurmerk": "ja"}).content.decode()
    assert "Met keurmerk" in html and "Verlopen" not in html and "Cadanz" not in html
    html = client.get(url, {"soort": "welzijnsorganisatie"}).content.decode()
    assert "Cadanz Welzijn" in html and "Met keurmerk" not in html
    html = client.get(url, {"keurmerk": "nee"}).content.decode()
    assert "Verlopen" in html and "Cadanz Welzijn" in html and "Met keurmerk" not in html


def test_the_aanbieder_list_is_paginated_in_constant_queries(client, werkcoach):
    client.force_login(werkcoach)
    AanbiederFactory.create_batch(3)

    def vragen() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as gesteld:
            html = client.get(reverse("leerroutes:aanbieders")).content.decode()
        return len(gesteld), html

    weinig, _html = vragen()
    AanbiederFactory.create_batch(30)
    veel, html = vragen()
    assert "Pagina 1 van 2" in html
    assert veel == weinig


def _traject_queries(client, dossier_id) -> int:
    with CaptureQueriesContext(connection) as vragen:
        assert client.get(reverse("leerroutes:traject", args=[dossier_id])).status_code == 200
    return len(vragen)


def test_the_traject_tab_needs_the_same_number_of_queries_for_1_or_30_records(client, werkcoach, taalschool):
    klein = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    groot = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    for pip, n in ((klein, 1), (groot, 30)):
        UrenFactory.create_batch(n, dossier=pip.dossier, aanbieder=taalschool)
        ExamenFactory.create_batch(n, dossier=pip.dossier, onderdeel="KNM", niveau="")
    client.force_login(werkcoach)
    _traject_queries(client, klein.dossier_id)  # warm caches (settings, content types)
    assert _traject_queries(client, klein.dossier_id) == _traject_queries(client, groot.dossier_id)


def test_the_tab_offers_an_enrolment_only_the_steps_its_status_allows(client, werkcoach, pip, taalschool):
    inschrijving = services.inschrijving_aanmaken(
        dossier_id=pip.dossier_id, aanbieder_id=taalschool.pk, startdatum=VANDAAG,
        geplande_einddatum=VANDAAG + timedelta(days=30), by=werkcoach)
    client.force_login(werkcoach)
    traject = reverse("leerroutes:traject", args=[pip.dossier_id])

    def links() -> list[str]:
        rij = client.get(traject).content.decode().split('id="leerroute"')[1].split("</table>")[0]
        return re.findall(r'<a class="utrecht-link" href="[^"]+">([^<]+)</a>', rij)

    assert links() == ["Aanmelden bij aanbieder", "Stoppen"]
    services.inschrijving_stoppen(inschrijving_id=inschrijving.pk, reden="uitval", toelichting="", datum=VANDAAG,
                                  versie=inschrijving.versie, by=werkcoach)
    assert links() == []


# --- Z-route hours (Besluit 3.14) ------------------------------------------------------------------------
def test_the_traject_tab_shows_which_z_route_hours_count_and_the_lowered_norm_besluit_3_14(client, werkcoach,
                                                                                            taalschool):
    z = PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=werkcoach)
    zonder = AanbiederFactory(naam="Taalhuis zonder keurmerk", keurmerk_nummer="", keurmerk_geldig_tot=None)
    UrenFactory(dossier=z.dossier, categorie="taal_knm", aantal=500, aanbieder=taalschool)
    UrenFactory(dossier=z.dossier, categorie="taal_knm", aantal=100, aanbieder=zonder)
    client.force_login(werkcoach)
    url = reverse("leerroutes:traject", args=[z.dossier_id])
    html = client.get(url).content.decode()
    assert "800 uur taalles en KNM (alleen bij een instelling met keurmerk, lid 2 a)" in html
    assert "Taalhuis zonder keurmerk had op" in html and "(Besluit 3.14 lid 2 a)" in html
    assert "500 van 800 uur" in html

    norm_url = reverse("leerroutes:z_route_norm", args=[z.dossier_id])
    assert f'href="{norm_url}"' in html
    fout = _versturen(client, norm_url, {"cursus_uren": "600", "toelichting": "Verklaring"})
    assert fout.status_code == 200
    assert escape(str(rules.z_route.NORM_GROND_NODIG)) in fout.content.decode()
    antwoord = _versturen(client, norm_url, {"cursus_uren": "600", "cursus_grond": "beperking",
                                             "toelichting": "Verklaring audioloog"})
    assert antwoord.status_code == 302
    html = client.get(url).content.decode()
    assert "Norm taalles en KNM verlaagd naar 600 uur: Auditieve of visuele beperking (Besluit 3.14 lid 8)." in html
    assert "500 van 600 uur" in html
