"""Handhaving pages through the test client: who gets what, Dutch errors next to fields, query counts."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from cases.models import Fase
from cases.rules import Doelgroep
from handhaving import rules, selectors
from handhaving.models import INTAKE_TERMIJN_TE_LANG, HandhavingInstellingen, Handhavingszaak
from inburgering.audit.verwerkingen import queries_per_verwerking
from tests import klok
from tests.factories import DossierFactory, HandhavingszaakFactory, UitnodigingFactory, WerkcoachFactory

pytestmark = pytest.mark.django_db

ROLLEN = ["werkcoach", "collega", "werkcoach_ander_team", "consulent", "manager", "beheerder", "anoniem"]


@pytest.fixture
def wereld(werkcoach):
    signaal = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    voornemen = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    boete = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    return {"dossier": signaal.dossier_id, "signaal": signaal.pk, "voornemen": voornemen.pk, "boete": boete.pk}


#                                               werkcoach collega ander consulent manager beheerder anoniem
MATRIX = [
    ("handhaving:tab", "dossier", [200, 200, 404, 200, 200, 404, 302]),
    ("handhaving:zaak_openen", "dossier", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:zaak_detail", "signaal", [200, 200, 404, 200, 200, 404, 302]),
    ("handhaving:gesprek", "signaal", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:notitie", "signaal", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:waarschuwing", "signaal", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:afsluiten", "signaal", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:voornemen", "signaal", [403, 403, 404, 200, 403, 404, 302]),
    ("handhaving:besluit", "voornemen", [403, 403, 404, 200, 403, 404, 302]),
    ("handhaving:zienswijze", "voornemen", [200, 200, 404, 200, 403, 404, 302]),
    ("handhaving:bezwaar", "boete", [403, 403, 404, 200, 403, 404, 302]),
    ("handhaving:betaling", "boete", [200, 200, 404, 200, 403, 404, 302]),
]


@pytest.mark.parametrize(
    ("url_naam", "object", "wie", "verwacht"),
    [pytest.param(naam, obj, wie, codes[i], id=f"{naam.split(':')[1]}-{wie}")
     for naam, obj, codes in MATRIX for i, wie in enumerate(ROLLEN)],
)
def test_access_per_role(client, request, wereld, url_naam, object, wie, verwacht):
    if wie != "anoniem":
        client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse(url_naam, args=[wereld[object]])).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [("consulent", 200), ("werkcoach", 403), ("manager", 403)])
def test_only_consulenten_see_the_queue(client, request, wie, verwacht):
    client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("handhaving:te_besluiten")).status_code == verwacht


def test_the_dossier_tab_is_the_handhaving_page(client, werkcoach, wereld):
    client.force_login(werkcoach)
    response = client.get(f"/dossiers/{wereld['dossier']}/handhaving/")
    assert response.resolver_match.view_name == "handhaving:tab"
    assert "Handhavingszaak openen" in response.content.decode()


@pytest.mark.parametrize(("wie", "aangeboden"), [
    ("werkcoach", ["zienswijze", "notitie", "bijstand"]),
    ("consulent", ["zienswijze", "besluit", "notitie", "bijstand", "afsluiten"]),
    ("manager", []),
])
def test_the_zaak_page_offers_the_steps_of_the_rule(client, request, werkcoach, wie, aangeboden):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    client.force_login(request.getfixturevalue(wie))
    acties = client.get(reverse("handhaving:zaak_detail", args=[zaak.pk])).context["acties"]
    assert [naam for naam, _label in acties] == [f"handhaving:{stap}" for stap in aangeboden]


def test_opening_a_zaak_shows_dutch_errors_next_to_the_fields(client, werkcoach, dossier):
    client.force_login(werkcoach)
    morgen = date.today() + timedelta(days=1)
    response = client.post(reverse("handhaving:zaak_openen", args=[dossier.pk]),
                           {"verplichting": "pvt", "overtreding_datum": morgen.isoformat(), "omschrijving": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout: " in html
    assert "Dit veld is verplicht." in html
    assert 'id="foutenoverzicht"' in html
    response = client.post(reverse("handhaving:zaak_openen", args=[dossier.pk]),
                           {"verplichting": "pvt", "overtreding_datum": morgen.isoformat(), "omschrijving": "Weg.",
                            "geconstateerd_op": morgen.isoformat()})
    assert escape(str(rules.OVERTREDING_TOEKOMST)) in response.content.decode()
    gisteren = (date.today() - timedelta(days=1)).isoformat()
    response = client.post(reverse("handhaving:zaak_openen", args=[dossier.pk]),
                           {"verplichting": "pvt", "overtreding_datum": gisteren, "omschrijving": "Weg.",
                            "geconstateerd_op": gisteren})
    assert escape(str(rules.GEEN_VASTGESTELD_PIP)) in response.content.decode()  # a Wet 23 zaak needs a PIP
    assert not Handhavingszaak.objects.exists()


def test_a_consulent_records_a_fine_of_an_earlier_gemeente_on_the_handhaving_tab(client, consulent, werkcoach,
                                                                                  dossier):
    url = reverse("handhaving:eerdere_boete", args=[dossier.pk])
    client.force_login(werkcoach)
    assert client.get(url).status_code == 403
    assert "eerdere-boete" not in client.get(reverse("handhaving:tab", args=[dossier.pk])).content.decode()
    client.force_login(consulent)
    response = client.post(url, {"gemeente": "Groningen", "regime": "pip", "bedrag": "100", "opgelegd_op": "",
                                 "bron": ""})
    assert "Dit veld is verplicht." in response.content.decode()
    response = client.post(url, {"gemeente": "Groningen", "regime": "pip", "bedrag": "100",
                                 "opgelegd_op": date.today().isoformat(),
                                 "onherroepelijk_op": (date.today() - timedelta(days=3)).isoformat(), "bron": "Brief."})
    assert escape(str(rules.ONHERROEPELIJK_VOOR_BOETE)) in response.content.decode()
    response = client.post(url, {"gemeente": "Groningen", "regime": "pip", "bedrag": "100",
                                 "opgelegd_op": date.today().isoformat(), "bron": "Brief van 3 maart."}, follow=True)
    html = response.content.decode()
    assert "Groningen: 100" in html and "Brief van 3 maart." in html and "art. 7.1 lid 5" in html


def test_the_decision_page_shows_the_amount_with_its_derivation_and_the_asiel_policy(client, consulent, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    zaak = HandhavingszaakFactory(dossier=dossier, voornemen=True, verwijtbaarheid="grove_schuld")
    client.force_login(consulent)
    html = client.get(reverse("handhaving:besluit", args=[zaak.pk])).content.decode()
    assert "basisbedrag € 50,00" in html
    assert "Grove schuld (Besluit 7.1): 75 % van € 50,00 = € 37,50" in html
    assert "terughoudend" in html
    response = client.post(reverse("handhaving:besluit", args=[zaak.pk]), {
        "uitkomst": "boete", "dagtekening": date.today().isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat(),
        "motivering": "Niet gekomen.", "verwijtbaarheid": "grove_schuld", "verwijtbaarheid_reden": "",
        "actie": "besluiten", "versie": zaak.versie,
    })
    html = response.content.decode()
    assert escape(str(rules.ASIEL_MOTIVERING)) in html
    assert escape(str(rules.VERWIJTBAARHEID_REDEN)) in html
    assert Handhavingszaak.objects.get(pk=zaak.pk).status == "voornemen"


def test_berekenen_recomputes_without_saving(client, consulent, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, doelgroep=Doelgroep.GEZINSVORMER)
    zaak = HandhavingszaakFactory(dossier=dossier, voornemen=True)
    client.force_login(consulent)
    response = client.post(reverse("handhaving:besluit", args=[zaak.pk]), {
        "uitkomst": "boete", "dagtekening": date.today().isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat(),
        "motivering": "x", "verwijtbaarheid": "verminderd", "verwijtbaarheid_reden": "Taalbarrière.",
        "actie": "berekenen",
    })
    assert "Verminderde verwijtbaarheid (Besluit 7.1): 25 % van € 50,00 = € 12,50" in response.content.decode()
    assert Handhavingszaak.objects.get(pk=zaak.pk).status == "voornemen"


def test_the_intake_precondition_is_shown_on_the_decision_page(client, consulent, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, doelgroep=Doelgroep.GEZINSVORMER)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    zaak = HandhavingszaakFactory(dossier=dossier, voornemen=True, verplichting="intake_niet_verschenen")
    client.force_login(consulent)
    html = client.get(reverse("handhaving:besluit", args=[zaak.pk])).content.decode()
    assert escape(str(rules.INTAKE_GEEN_TWEEDE_OPROEP)) in html


def queries_voor(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_zaken_list_costs_the_same_queries_for_3_and_30_zaken(client, werkcoach, dossier):
    client.force_login(werkcoach)
    url = reverse("handhaving:tab", args=[dossier.pk])
    coaches = [WerkcoachFactory(team=werkcoach.team) for _ in range(3)]
    for i in range(3):
        HandhavingszaakFactory(dossier=dossier, geopend_door=coaches[i % 3])
    bij_3 = queries_voor(client, url)
    for i in range(27):
        HandhavingszaakFactory(dossier=dossier, geopend_door=coaches[i % 3], boete=True)
    assert queries_voor(client, url) == bij_3


def test_the_consulent_queue_costs_the_same_queries_for_3_and_30_zaken(client, consulent):
    client.force_login(consulent)
    url = reverse("handhaving:te_besluiten")
    HandhavingszaakFactory.create_batch(3, voornemen=True)
    bij_3 = queries_voor(client, url)
    HandhavingszaakFactory.create_batch(27, voornemen=True)
    assert queries_voor(client, url) == bij_3
    assert "30 zaken wachten op een besluit." in client.get(url).content.decode()


# --- the zaken list behind the dashboard's numbers --------------------------------------------------------------
# Every request (3, see tests/cases/test_querycount.py) plus the paginator's count and the page of zaken = 5,
# plus the Logboek Dataverwerkingen row of the page's dossiers (one statement on PostgreSQL, 6 on SQLite:
# inburgering/audit/verwerkingen.py).
QUERIES_ZAKEN = 5 + queries_per_verwerking()


@pytest.mark.parametrize(("wie", "verwacht"), [("werkcoach", 200), ("consulent", 200), ("manager", 200),
                                               ("beheerder", 403), ("anoniem", 302)])
def test_who_may_open_the_zaken_list(client, request, wie, verwacht):
    if wie != "anoniem":
        client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("handhaving:zaken")).status_code == verwacht


def test_the_zaken_list_shows_only_zaken_of_visible_dossiers(client, werkcoach, collega, werkcoach_ander_team, manager):
    eigen = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    team = HandhavingszaakFactory(dossier__werkcoach=collega)
    ander = HandhavingszaakFactory(dossier__werkcoach=werkcoach_ander_team)

    def zichtbaar(user):
        client.force_login(user)
        return set(client.get(reverse("handhaving:zaken")).context["pagina"].object_list)

    assert zichtbaar(werkcoach) == {eigen, team}
    assert zichtbaar(werkcoach_ander_team) == {ander}
    assert zichtbaar(manager) == {eigen, team, ander}


def test_the_zaken_list_filters_like_the_dashboard_counts(client, manager, werkcoach):
    vandaag = date.today()
    signaal = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    boete = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True, dagtekening=vandaag)
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True, dagtekening=vandaag, bezwaar_uitkomst="gegrond")
    vorig_jaar = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True,
                                        dagtekening=vandaag.replace(year=vandaag.year - 1, day=1))
    hersteld = HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="afgesloten",
                                      afsluit_reden="naleving_hersteld")
    onterecht = HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="afgesloten", afsluit_reden="onterecht")
    client.force_login(manager)

    def lijst(**params):
        return set(client.get(reverse("handhaving:zaken"), params).context["pagina"].object_list)

    assert lijst(status="signaal") == {signaal}
    assert lijst(status="afgesloten") == {hersteld, onterecht}
    assert len(lijst(status="open")) == 4
    assert lijst(boete_jaar=vandaag.year) == {boete}
    assert lijst(boete_jaar=vandaag.year - 1) == {vorig_jaar}
    assert lijst(afsluit_reden="naleving_hersteld") == {hersteld}
    assert len(lijst(status="onzin")) == 6  # an unknown value drops out instead of failing
    kpis = selectors.handhaving_kpis(peildatum=vandaag)
    assert kpis.boetes_dit_jaar == len(lijst(boete_jaar=vandaag.year))


def test_the_consulent_reaches_the_queue_from_the_zaken_list(client, consulent, manager):
    client.force_login(consulent)
    assert f'href="{reverse("handhaving:te_besluiten")}"' in client.get(reverse("handhaving:zaken")).content.decode()
    client.force_login(manager)
    assert reverse("handhaving:te_besluiten") not in client.get(reverse("handhaving:zaken")).content.decode()


@pytest.mark.parametrize("filter", ["", "?status=open", pytest.param(lambda: f"?boete_jaar={date.today().year}", id="?boete_jaar=dit-jaar"),
                                    "?afsluit_reden=naleving_hersteld"])
def test_the_cross_dossier_zaken_list_costs_the_same_queries_for_3_and_30_zaken(client, manager, filter):
    client.force_login(manager)
    url = reverse("handhaving:zaken") + klok.invullen(filter)
    soorten = [{}, {"boete": True, "dagtekening": date.today()},
               {"status": "afgesloten", "afsluit_reden": "naleving_hersteld"}]
    for i in range(3):
        HandhavingszaakFactory(**soorten[i % 3])
    assert queries_voor(client, url) == QUERIES_ZAKEN
    for i in range(27):
        HandhavingszaakFactory(**soorten[i % 3])
    assert queries_voor(client, url) == QUERIES_ZAKEN
    assert client.get(url).context["pagina"].paginator.count in (10, 20, 30)


def test_the_admin_offers_only_policy_and_refuses_a_new_intake_term_above_the_legal_two_months(client, beheerder):
    """Wet 22: the new intake term is at most 2 months; the statutory amounts (Besluit 7.1) and lapse
    terms (Awb 5:45) are constants, not settings the admin offers."""
    HandhavingInstellingen.huidig()
    client.force_login(beheerder)
    url = reverse("admin:handhaving_handhavinginstellingen_change", args=[1])
    form = client.get(url).context["adminform"].form
    assert set(form.fields) == {"zienswijze_weken", "intake_nieuwe_termijn_maanden", "altijd_eerst_waarschuwen",
                                "asiel_beleid"}
    data = {"zienswijze_weken": "2", "intake_nieuwe_termijn_maanden": "3", "altijd_eerst_waarschuwen": "on",
            "asiel_beleid": "Terughoudend."}
    response = client.post(url, data)
    assert response.status_code == 200
    assert escape(str(INTAKE_TERMIJN_TE_LANG % {"maanden": 2})) in response.content.decode()
    assert HandhavingInstellingen.huidig().intake_nieuwe_termijn_maanden == 2
    response = client.post(url, {**data, "intake_nieuwe_termijn_maanden": "1"})
    assert response.status_code == 302
    assert HandhavingInstellingen.huidig().intake_nieuwe_termijn_maanden == 1


def test_the_rapport_page_prefills_the_rule_and_shows_errors_in_dutch_awb_5_48(client, werkcoach):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="waarschuwing",
                                  waarschuwing_op=date.today() - timedelta(days=2))
    client.force_login(werkcoach)
    url = reverse("handhaving:rapport", args=[zaak.pk])
    html = client.get(url).content.decode()
    assert "participatieverklaringstraject" in html and "5:48" in html
    response = client.post(url, {"dagtekening": (date.today() + timedelta(days=1)).isoformat(), "overtreding": "",
                                 "voorschrift": "Wet 23", "plaats": "Taalschool", "versie": zaak.versie})
    html = response.content.decode()
    assert "Dit veld is verplicht." in html and escape(str(rules.DATUM_TOEKOMST)) not in html
    response = client.post(url, {"dagtekening": (date.today() + timedelta(days=1)).isoformat(),
                                 "overtreding": "Niet verschenen.", "voorschrift": "Wet 23", "plaats": "Taalschool",
                                 "versie": zaak.versie})
    assert escape(str(rules.DATUM_TOEKOMST)) in response.content.decode()
    response = client.post(url, {"dagtekening": date.today().isoformat(), "overtreding": "Niet verschenen.",
                                 "voorschrift": "Wet 23", "plaats": "Taalschool", "versie": zaak.versie}, follow=True)
    html = response.content.decode()
    assert "Rapport (Awb 5:48)" in html and "termijn van orde" in html
    assert client.get(reverse("handhaving:brief", args=[zaak.pk, "rapport"])).status_code == 200


def test_the_gesprek_page_asks_for_the_cautie_awb_5_10a(client, werkcoach):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    client.force_login(werkcoach)
    url = reverse("handhaving:gesprek", args=[zaak.pk])
    response = client.post(url, {"datum": date.today().isoformat(), "uitkomst": "gevoerd", "verslag": "x"})
    assert escape(str(rules.CAUTIE_VASTLEGGEN)) in response.content.decode()
    client.post(url, {"datum": date.today().isoformat(), "uitkomst": "gevoerd", "cautie": "gegeven", "verslag": "x"})
    assert zaak.gesprekken.get().cautie == "gegeven"


def test_the_beroep_page_records_beroep_and_the_zaak_shows_onherroepelijk(client, consulent, werkcoach):
    vandaag = date.today()
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True, bekendmaking=vandaag - timedelta(days=100),
                                  dagtekening=vandaag - timedelta(days=100), bezwaar_einde=vandaag - timedelta(days=58),
                                  bezwaar_ontvangen_op=vandaag - timedelta(days=90), bezwaar_uitkomst="ongegrond",
                                  bezwaar_beslist_op=vandaag - timedelta(days=70),
                                  bezwaar_bekendgemaakt_op=vandaag - timedelta(days=69),
                                  beroep_einde=vandaag - timedelta(days=27))
    client.force_login(consulent)
    html = client.get(reverse("handhaving:zaak_detail", args=[zaak.pk])).content.decode()
    assert "Beroep en hoger beroep vastleggen" in html
    assert f"sinds {(vandaag - timedelta(days=26)).day}" in html
    url = reverse("handhaving:beroep", args=[zaak.pk])
    response = client.post(url, {"beroep_ingesteld_op": (vandaag - timedelta(days=30)).isoformat(),
                                 "beroep_uitkomst": "boete_blijft", "versie": zaak.versie})
    assert escape(str(rules.UITSPRAAK_ZONDER_DATUM)) in response.content.decode()
    response = client.post(url, {"beroep_ingesteld_op": (vandaag - timedelta(days=30)).isoformat(),
                                 "versie": zaak.versie}, follow=True)
    assert "Nog niet: bezwaar of beroep is nog mogelijk of loopt" in response.content.decode()
