"""PIP and intake pages through the test client: who gets what, errors next to fields, query counts."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from cases.models import Fase
from cases.rules import Doelgroep
from inburgering.schrijven import VERSIE_VEROUDERD
from pip_plans import rules
from pip_plans.models import PipStatus
from tests import klok, versies
from tests.factories import BredeIntakeFactory, DossierFactory, IntakeGezondheidFactory, PipFactory

pytestmark = pytest.mark.django_db

ROLLEN = ["werkcoach", "collega", "werkcoach_ander_team", "consulent", "manager", "beheerder", "anoniem"]


@pytest.fixture
def wereld(werkcoach):
    """An open intake with health answers, a vastgesteld PIP with an open concept, and a PIP in review."""
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    IntakeGezondheidFactory(intake=intake)
    geldend = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    concept = PipFactory(dossier=geldend.dossier, versie=2, vorige=geldend, wijziging_reden="overig",
                         termijn_start=geldend.termijn_start)
    eerste = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    return {"intake": intake.dossier.pk, "pip_dossier": geldend.dossier_id, "geldend": geldend.pk,
            "concept": concept.pk, "eerste": eerste.pk}


def _status(client, request, wie, url, method="get"):
    if wie != "anoniem":
        client.force_login(request.getfixturevalue(wie))
    return getattr(client, method)(url).status_code


#                                  werkcoach collega ander consulent manager beheerder anoniem
MATRIX = [
    ("pip_plans:pip_tab", "pip_dossier", [200, 200, 404, 200, 200, 404, 302]),
    ("pip_plans:pip_detail", "geldend", [200, 200, 404, 200, 200, 404, 302]),
    ("pip_plans:pip_bewerken", "concept", [200, 200, 404, 200, 403, 404, 302]),
    ("pip_plans:pip_bewerken", "geldend", [403, 403, 404, 403, 403, 404, 302]),
    ("pip_plans:pip_nieuw", "eerste", [200, 200, 404, 200, 403, 404, 302]),
    ("pip_plans:pip_intrekken", "concept", [200, 200, 404, 200, 403, 404, 302]),
    ("pip_plans:informatieverzoek_nieuw", "eerste", [200, 200, 404, 200, 403, 404, 302]),
    ("intake:intake_tab", "intake", [200, 200, 404, 200, 200, 404, 302]),
    ("intake:intake_bewerken", "intake", [200, 200, 404, 200, 403, 404, 302]),
    ("intake:overdracht_bewerken", "intake", [200, 200, 404, 200, 403, 404, 302]),
    ("intake:gezondheid", "intake", [200, 403, 404, 200, 403, 404, 302]),
]


@pytest.mark.parametrize(
    ("url_naam", "object", "wie", "verwacht"),
    [pytest.param(naam, obj, wie, codes[i], id=f"{naam.split(':')[1]}-{obj}-{wie}")
     for naam, obj, codes in MATRIX for i, wie in enumerate(ROLLEN)],
)
def test_access_matrix(client, request, wereld, url_naam, object, wie, verwacht):
    assert _status(client, request, wie, reverse(url_naam, args=[wereld[object]])) == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), zip(ROLLEN, [403, 403, 403, 200, 403, 403, 302], strict=True),
                         ids=ROLLEN)
def test_only_consulenten_see_the_review_queue(client, request, wie, verwacht):
    assert _status(client, request, wie, reverse("pip_plans:te_beoordelen")) == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), zip(ROLLEN, [200, 200, 404, 200, 403, 404, 302], strict=True),
                         ids=ROLLEN)
def test_starting_a_wijziging_is_only_offered_to_who_may_edit(client, request, werkcoach, wie, verwacht):
    geldend = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    assert _status(client, request, wie, reverse("pip_plans:pip_wijzigen", args=[geldend.dossier_id])) == verwacht


def test_a_manager_cannot_record_information_received(client, manager, werkcoach):
    from pip_plans.models import InformatieVerzoek

    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    verzoek = InformatieVerzoek.objects.create(dossier=dossier, wat="Advies", van_wie="GGD",
                                               gevraagd_op=date.today(), vastgelegd_door=werkcoach)
    client.force_login(manager)
    url = reverse("pip_plans:informatie_ontvangen", args=[dossier.pk, verzoek.pk])
    assert client.get(url).status_code == 403


# --- errors next to the field -------------------------------------------------------------------
def pip_post(**wijzig) -> dict:
    return {"leerroute": "B", "niveau": "B1", "alfabetisering": "NVT", "aantal_voortgangsgesprekken": "6",
            "wijzigingsnummer": "", **wijzig}


def test_a2_with_onderwijsroute_shows_duos_rule_after_indienen(client, werkcoach):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    client.force_login(werkcoach)
    client.post(reverse("pip_plans:pip_nieuw", args=[dossier.pk]), pip_post(leerroute="O", niveau="A2"))
    pip = dossier.pips.get()

    response = client.post(reverse("pip_plans:pip_indienen", args=[pip.pk]), follow=True)

    # Back on the edit form, with the rule next to the field (and in the error summary).
    assert response.redirect_chain[-1][0] == reverse("pip_plans:pip_bewerken", args=[pip.pk]) + "?controle=1"
    assert escape(str(rules.DUO_A2_ONDERWIJS)) in response.content.decode()
    assert response.context["form"].errors["niveau"] == [str(rules.DUO_A2_ONDERWIJS)]
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT


@pytest.mark.parametrize(("eerder_elders", "geweigerd"), [(False, True), (True, False)],
                         ids=["very-first-pip-refused", "earlier-pip-elsewhere-allowed-wet-15-lid-4"])
def test_a2_on_the_b1_route_is_refused_only_on_the_very_first_pip_duo_rule(client, werkcoach, eerder_elders, geweigerd):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__eerder_pip_elders=eerder_elders).dossier
    client.force_login(werkcoach)
    client.post(reverse("pip_plans:pip_nieuw", args=[dossier.pk]), pip_post(niveau="A2"))
    pip = dossier.pips.get()

    response = client.post(reverse("pip_plans:pip_indienen", args=[pip.pk]), follow=True)

    assert (escape(str(rules.DUO_A2_EERSTE_PIP)) in response.content.decode()) is geweigerd
    pip.refresh_from_db()
    assert pip.status == (PipStatus.CONCEPT if geweigerd else PipStatus.TER_BEOORDELING)


def test_intensity_for_a_gezinsmigrant_is_refused_at_indienen(client, werkcoach):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__doelgroep=Doelgroep.GEZINSVORMER).dossier
    client.force_login(werkcoach)
    client.post(reverse("pip_plans:pip_nieuw", args=[dossier.pk]), pip_post(b1_intensiteit="600"))
    pip = dossier.pips.get()

    response = client.post(reverse("pip_plans:pip_indienen", args=[pip.pk]), follow=True)

    assert escape(str(rules.DUO_INTENSITEIT)) in response.content.decode()
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT


@pytest.mark.parametrize(
    ("wijzig", "veld", "tekst"),
    [
        pytest.param({"b1_intensiteit": "0"}, "b1_intensiteit", "1", id="intensity-below-one"),
        pytest.param({"ontzorgen": "on"}, "ontzorgen_vaste_lasten", "Kies welke vaste lasten", id="ontzorgen-empty"),
        pytest.param({"leerroute": ""}, "leerroute", "verplicht", id="no-leerroute"),
    ],
)
def test_bad_input_on_the_pip_form_is_shown_next_to_the_field(client, werkcoach, wijzig, veld, tekst):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    client.force_login(werkcoach)
    response = client.post(reverse("pip_plans:pip_nieuw", args=[dossier.pk]), pip_post(**wijzig))
    assert response.status_code == 200
    assert tekst in " ".join(response.context["form"][veld].errors)
    assert not dossier.pips.exists()


def test_vaststellen_with_a_dagtekening_before_the_kennisgeving_shows_the_error_at_the_field(
    client, werkcoach, consulent
):
    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach)
    te_vroeg = pip.dossier.datum_kennisgeving - timedelta(days=1)
    client.force_login(consulent)
    response = client.post(reverse("pip_plans:pip_vaststellen", args=[pip.pk]),
                           {"dagtekening": te_vroeg.isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat(),
                            "versie": pip.wijzigingsnummer})
    assert response.status_code == 200
    assert "vóór de start van de inburgeringsplicht" in " ".join(response.context["vaststellen_form"]["dagtekening"].errors)


@klok.per_test
def _datums() -> None:
    global BEOORDELING
    BEOORDELING = {
        "vaststellen": ({"dagtekening": (date.today() - timedelta(days=1)).isoformat(),
                         "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat()}, (date.today() - timedelta(days=1)).isoformat()),
        "terugsturen": ({"opmerkingen": "Vul de MAP-intensiteit in."}, "Vul de MAP-intensiteit in."),
    }


@pytest.mark.parametrize("actie", BEOORDELING)
def test_a_review_of_a_version_changed_since_the_page_was_opened_is_refused_with_the_input_kept(
    client, werkcoach, consulent, actie
):
    from pip_plans import services
    from tests.factories import ConsulentFactory

    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach)
    client.force_login(consulent)
    getoond = client.get(reverse("pip_plans:pip_detail", args=[pip.pk])).content.decode()
    gezien = pip.wijzigingsnummer
    assert getoond.count(f'name="versie" value="{gezien}"') == 2  # both review forms
    # Meanwhile a colleague sends it back and the werkcoach changes and offers it again.
    services.pip_terugsturen(pip_id=pip.pk, opmerkingen="Eerst dit", versie=versies.van(pip), by=ConsulentFactory(team=consulent.team))
    pip.refresh_from_db()
    services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, by=werkcoach,
                           gegevens={"aanbieder": "Andere taalschool"})
    services.pip_indienen(pip_id=pip.pk, by=werkcoach)

    invoer, zichtbaar = BEOORDELING[actie]
    for versie in ({"versie": gezien}, {}):  # stale, and missing
        response = client.post(reverse(f"pip_plans:pip_{actie}", args=[pip.pk]), {**invoer, **versie})
        assert response.status_code == 200
        html = response.content.decode()
        assert escape(str(VERSIE_VEROUDERD)) in html
        assert zichtbaar in html  # the consulent's input is kept
        assert "Andere taalschool" in html  # the page shows the content as it is now
    pip.refresh_from_db()
    assert pip.status == PipStatus.TER_BEOORDELING


def test_a_second_click_on_vaststellen_shows_a_message_not_a_crash(client, werkcoach, consulent):
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    client.force_login(consulent)
    response = client.post(reverse("pip_plans:pip_vaststellen", args=[pip.pk]),
                           {"dagtekening": date.today().isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat()},
                           follow=True)
    assert response.status_code == 200
    assert "niet (meer) ter beoordeling" in response.content.decode()


def test_a_second_click_on_terugsturen_shows_a_message_not_a_crash(client, werkcoach, consulent):
    pip = PipFactory(dossier__werkcoach=werkcoach)
    client.force_login(consulent)
    response = client.post(reverse("pip_plans:pip_terugsturen", args=[pip.pk]), {"opmerkingen": "Aanpassen"},
                           follow=True)
    assert response.status_code == 200
    assert "niet (meer) ter beoordeling" in response.content.decode()


def test_a_werkcoach_posting_vaststellen_is_forbidden(client, werkcoach):
    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach)
    client.force_login(werkcoach)
    response = client.post(reverse("pip_plans:pip_vaststellen", args=[pip.pk]),
                           {"dagtekening": date.today().isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": date.today().isoformat()})
    assert response.status_code == 403


# --- query counts ---------------------------------------------------------------------------------
def queries_voor(client, url: str) -> int:
    client.get(url)  # warm: the filter's team options come from the cache after the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_review_queue_costs_the_same_queries_for_3_and_30_waiting_pips(client, consulent):
    client.force_login(consulent)
    url = reverse("pip_plans:te_beoordelen")
    PipFactory.create_batch(3, ter_beoordeling=True)
    bij_3 = queries_voor(client, url)
    PipFactory.create_batch(27, ter_beoordeling=True)
    bij_30 = queries_voor(client, url)
    assert bij_3 == bij_30


def _versies(dossier, aantal: int) -> None:
    vorige = None
    for versie in range(1, aantal + 1):
        laatste = versie == aantal
        vorige = PipFactory(dossier=dossier, versie=versie, vorige=vorige, auteur=dossier.werkcoach,
                            vastgesteld=laatste, vervangen=not laatste,
                            wijziging_reden="eerste" if versie == 1 else "overig")


def test_the_pip_tab_costs_the_same_queries_for_1_and_5_versions(client, werkcoach):
    een = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    vijf = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    _versies(een, 1)
    _versies(vijf, 5)
    client.force_login(werkcoach)
    assert queries_voor(client, reverse("pip_plans:pip_tab", args=[een.pk])) == queries_voor(
        client, reverse("pip_plans:pip_tab", args=[vijf.pk]))


def test_the_wijziging_form_asks_for_the_finding_that_b1_is_not_feasible_wet_17_lid_3(client, werkcoach):
    geldend = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    concept = PipFactory(dossier=geldend.dossier, versie=2, vorige=geldend, wijziging_reden="afschalen",
                         termijn_start=geldend.termijn_start, niveau="A2")
    client.force_login(werkcoach)
    pagina = client.get(reverse("pip_plans:pip_bewerken", args=[concept.pk])).content.decode()
    assert 'name="afschalen_onhaalbaar_op"' in pagina
    assert 'name="afschalen_onhaalbaar_grond"' in pagina
    assert "art. 17 lid 3" in pagina

    gegevens = {"versie": concept.wijzigingsnummer, "leerroute": "B", "niveau": "A2", "alfabetisering": "NVT",
                "aantal_voortgangsgesprekken": 6, "afschalen_geheel": "on", "afschalen_nt2_uren": 600,
                "afschalen_inspanning": "Volgde alle lessen.", "afschalen_onhaalbaar_op": "2026-01-05",
                "afschalen_onhaalbaar_grond": "B1 is niet haalbaar volgens de aanbieder."}
    response = client.post(reverse("pip_plans:pip_bewerken", args=[concept.pk]), gegevens)
    assert response.status_code == 302
    concept.refresh_from_db()
    assert (concept.afschalen_onhaalbaar_op, concept.afschalen_onhaalbaar_grond) == (
        date(2026, 1, 5), "B1 is niet haalbaar volgens de aanbieder.")
