"""Who may move a termijn (DOMAIN §8 "Who owns a termijn matters"; issue 10 items 8 and 10): every
kind declares its owner, its legal ground and whether the Algemene termijnenwet applies; a free
"opschorten" only for the gemeente's own working terms; the citizen's bezwaartermijn passes without
a "verlopen" signal."""

import importlib
from datetime import date, timedelta

from django.apps import apps
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import TextChoices
from django.urls import reverse

import pytest

from cases.models import Signaal, SignaalSoort, Termijn, TermijnOpschorting, TermijnStatus
from cases.termijnen import rules, services
from cases.termijnen.rules import TermijnBerekening
from cases.termijnen.soorten import Eigenaar, SoortRegels, overzicht, registreer_soorten, soort_regels
from inburgering.kalender.selectors import vandaag
from tests.factories import DossierFactory
from tests.termijnsoorten import S
from tests.werkvoorraad.maak import termijn as maak_termijn

pytestmark = pytest.mark.django_db

GEMEENTE, WET, BURGER = Eigenaar.GEMEENTE, Eigenaar.WET, Eigenaar.BURGER


@pytest.mark.parametrize(("soort", "eigenaar", "atw"), [
    pytest.param(S.VOORTGANGSGESPREK, GEMEENTE, False, id="voortgangsgesprek-werkafspraak-besluit-5-3-lid-4"),
    pytest.param(S.PVT_START, GEMEENTE, False, id="pvt-planning"),
    pytest.param(S.PIP_VASTSTELLEN, WET, True, id="pip-deadline-besluit-5-3-atw-art-5"),
    pytest.param(S.INBURGERINGSTERMIJN, WET, False, id="inburgeringstermijn-wet-11-atw-art-4"),
    pytest.param(S.SCHAKELEN, WET, False, id="schakelen-besluit-5-4-maanden"),
    pytest.param(S.PVT_AFGEROND, WET, False, id="pvt-einde-termijn"),
    pytest.param(S.MAP_AFGEROND, WET, False, id="map-einde-termijn"),
    pytest.param(S.ZROUTE_AFGEROND, WET, False, id="zroute-einde-termijn"),
    pytest.param(S.EXAMENS_AFGEROND, WET, False, id="examens-einde-termijn"),
    pytest.param(S.ONTZORGING_EINDE, WET, False, id="ontzorging-pw-56a-maanden"),
    pytest.param(S.BEZWAAR, BURGER, True, id="bezwaar-awb-6-7-van-de-burger"),
    pytest.param(S.ZIENSWIJZE, BURGER, True, id="zienswijze-awb-4-8-van-de-burger"),
    pytest.param(S.INTAKE_NIEUWE_TERMIJN, WET, False, id="intake-nieuwe-termijn-wet-22"),
    pytest.param(S.VERJARING, WET, False, id="verjaring-awb-5-45"),
])
def test_every_kind_declares_owner_ground_and_atw_domain_8_atw_art_4_5(soort, eigenaar, atw):
    regels = soort_regels(soort)
    assert (regels.eigenaar, regels.atw) == (eigenaar, atw)
    assert regels.vrij_opschorten is (eigenaar == GEMEENTE)
    assert regels.verloopt_voor_gemeente is (eigenaar != BURGER)
    assert str(regels.grond)


def test_the_table_covers_every_registered_kind():
    assert {code for code, _label, _soort in overzicht()} == {str(s) for s in vars(S).values()}


def test_a_kind_registered_without_rules_is_a_programming_error():
    class Nieuw(TextChoices):
        IETS = "iets_nieuws", "Iets nieuws"

    with pytest.raises(ImproperlyConfigured, match="zonder regels"):
        registreer_soorten(Nieuw, bron="test", regels={})


@pytest.mark.parametrize(("regels", "fout"), [
    pytest.param(SoortRegels(eigenaar=GEMEENTE, grond="werkafspraak"), None, id="gemeente-vrij"),
    pytest.param(SoortRegels(eigenaar=WET, grond="Besluit 5.3 lid 2"), "Besluit 5.3 lid 2", id="wet-geweigerd"),
    pytest.param(SoortRegels(eigenaar=BURGER, grond="Awb 6:7"), "Awb 6:7", id="burger-geweigerd"),
])
def test_free_suspension_only_for_the_gemeentes_own_working_terms_domain_8(regels, fout):
    uitkomst = rules.opschorten_soort_fout(label="Termijn X", regels=regels)
    if fout is None:
        assert uitkomst is None
    else:
        assert "wettelijke termijn" in uitkomst and fout in uitkomst and "Termijn X" in uitkomst


def test_the_service_refuses_to_suspend_the_pip_deadline_naming_besluit_5_3_lid_2(werkcoach):
    termijn = maak_termijn(DossierFactory(werkcoach=werkcoach), dagen=20)
    with pytest.raises(ValidationError) as fout:
        services.termijn_opschorten(termijn_id=termijn.pk, van=vandaag(), reden="Ziek", by=werkcoach)
    assert "art. 5.3 lid 2" in str(fout.value)
    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPEN and not termijn.opschortingen.exists()


def test_the_opschorten_page_of_a_statutory_termijn_says_the_legal_route(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    termijn = maak_termijn(dossier, dagen=20, soort=S.INBURGERINGSTERMIJN)
    client.force_login(werkcoach)

    antwoord = client.get(reverse("cases:termijn_opschorten", args=[dossier.pk, termijn.pk]))

    assert antwoord.status_code == 302
    [melding] = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert "verlenging door DUO" in melding
    detail = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()
    assert reverse("cases:termijn_opschorten", args=[dossier.pk, termijn.pk]) not in detail


def test_the_opschorten_link_stays_for_a_working_term(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    termijn = maak_termijn(dossier, dagen=20, soort=S.VOORTGANGSGESPREK, sleutel="2026-01-01")
    client.force_login(werkcoach)
    detail = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()
    assert reverse("cases:termijn_opschorten", args=[dossier.pk, termijn.pk]) in detail


def test_a_passed_bezwaartermijn_is_verstreken_without_a_signal_awb_6_7(werkcoach):
    """The bezwaartermijn is the citizen's term: its passing is no missed deadline of the gemeente."""
    dossier = DossierFactory(werkcoach=werkcoach)
    bezwaar = maak_termijn(dossier, dagen=-1, soort=S.BEZWAAR, sleutel="pip-1")
    gemeente = maak_termijn(dossier, dagen=-1)

    resultaat = services.termijnen_sweep()

    bezwaar.refresh_from_db()
    gemeente.refresh_from_db()
    assert (resultaat.verlopen, resultaat.verstreken) == (1, 1)
    assert bezwaar.status == TermijnStatus.VERSTREKEN
    assert gemeente.status == TermijnStatus.VERLOPEN
    assert list(Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).values_list("termijn", flat=True)) == [gemeente.pk]


def test_a_verstreken_bezwaartermijn_stays_so_when_recomputed(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    t = maak_termijn(dossier, dagen=-3, soort=S.BEZWAAR, sleutel="pip-1", status=TermijnStatus.VERSTREKEN)
    services.termijnen_bijwerken(dossier=dossier, bron="test", berekeningen=[TermijnBerekening(
        soort=S.BEZWAAR, sleutel="pip-1", basisdatum=t.basisdatum, fatale_datum=t.fatale_datum,
        streefdatum=t.fatale_datum)])
    t.refresh_from_db()
    assert t.status == TermijnStatus.VERSTREKEN


def test_after_a_move_the_termijnenwet_is_applied_again_atw_art_1(werkcoach):
    """A bezwaartermijn (Atw applies) moved by a recorded suspension onto a Saturday ends on Monday."""
    dossier = DossierFactory(werkcoach=werkcoach)
    vrijdag = date(2026, 3, 6)
    t = Termijn.objects.create(dossier=dossier, soort=S.BEZWAAR, sleutel="pip-1", bron="test",
                               basisdatum=vrijdag - timedelta(days=42), streefdatum=vrijdag,
                               berekende_fatale_datum=vrijdag, fatale_datum=vrijdag)
    TermijnOpschorting.objects.create(termijn=t, van=date(2026, 2, 2), tot=date(2026, 2, 2), reden="oud",
                                      door=werkcoach)
    services.termijnen_bijwerken(dossier=dossier, bron="test", berekeningen=[TermijnBerekening(
        soort=S.BEZWAAR, sleutel="pip-1", basisdatum=t.basisdatum, fatale_datum=vrijdag, streefdatum=vrijdag)])
    t.refresh_from_db()
    assert t.fatale_datum == date(2026, 3, 9)  # Saturday 7 March → Monday 9 March


def test_the_migration_resumes_suspended_statutory_termijnen_and_closes_citizen_signals(werkcoach):
    """Data migration cases 0009: a statutory termijn suspended today is resumed without moving (its
    history says so); a verlopen bezwaartermijn becomes verstreken and its open signal is closed."""
    dossier = DossierFactory(werkcoach=werkcoach)
    pip = maak_termijn(dossier, dagen=10)
    TermijnOpschorting.objects.create(termijn=pip, van=vandaag() - timedelta(days=12), tot=vandaag() - timedelta(days=8),
                                      reden="oud", door=werkcoach)
    TermijnOpschorting.objects.create(termijn=pip, van=vandaag() - timedelta(days=2), reden="ziek", door=werkcoach)
    Termijn.objects.filter(pk=pip.pk).update(status=TermijnStatus.OPGESCHORT, opgeschorte_dagen=5,
                                             fatale_datum=pip.fatale_datum + timedelta(days=5))
    gesprek = maak_termijn(dossier, dagen=10, soort=S.VOORTGANGSGESPREK, sleutel="2026-01-01",
                           status=TermijnStatus.OPGESCHORT)
    TermijnOpschorting.objects.create(termijn=gesprek, van=vandaag(), reden="vakantie", door=werkcoach)
    bezwaar = maak_termijn(dossier, dagen=-2, soort=S.BEZWAAR, sleutel="pip-1", status=TermijnStatus.VERLOPEN)
    signaal = Signaal.objects.create(dossier=dossier, termijn=bezwaar, soort=SignaalSoort.VERLOPEN)

    importlib.import_module("cases.migrations.0009_wettelijke_termijnen_hervat").corrigeer(apps, None)

    pip.refresh_from_db()
    assert (pip.status, pip.fatale_datum, pip.opgeschorte_dagen) == (TermijnStatus.OPEN, pip.berekende_fatale_datum, 0)
    assert not pip.opschortingen.filter(verschuift=True).exists()
    assert not pip.opschortingen.filter(tot__isnull=True).exists()
    assert pip.history.filter(history_change_reason__contains="wettelijke grond").exists()
    gesprek.refresh_from_db()
    assert gesprek.status == TermijnStatus.OPGESCHORT  # the gemeente's own working term is left alone
    bezwaar.refresh_from_db()
    signaal.refresh_from_db()
    assert bezwaar.status == TermijnStatus.VERSTREKEN
    assert signaal.afgehandeld_op is not None and "termijn van de burger" in signaal.notitie
    # A recomputation keeps the statutory date: the neutralised suspensions move nothing.
    services.termijnen_bijwerken(dossier=dossier, bron="test", berekeningen=[TermijnBerekening(
        soort=pip.soort, basisdatum=pip.basisdatum, fatale_datum=pip.berekende_fatale_datum)])
    pip.refresh_from_db()
    assert pip.fatale_datum == pip.berekende_fatale_datum
