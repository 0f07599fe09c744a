"""Table tests for the pure PIP rules: DUO's refusals, the LBT, the PIP deadline (Besluit 5.3),
schakelen (Besluit 5.4) and afschalen (Besluit 5.5)."""

from datetime import date, timedelta

import pytest

from cases.intake.rules import LbtUitkomst
from inburgering.kalender import datums
from pip_plans import rules
from pip_plans.rules import Leerroute as R
from pip_plans.rules import Niveau as N
from pip_plans.rules import PipFeiten, SchakelUitzondering


def feiten(leerroute=R.B1, niveau=None, intensiteit=None, asiel=True, eerste=False) -> PipFeiten:
    return PipFeiten(leerroute=leerroute, niveau=niveau, b1_intensiteit=intensiteit, is_asiel=asiel,
                     eerste_pip=eerste)


@pytest.mark.parametrize(
    ("f", "verwacht"),
    [
        pytest.param(feiten(R.ONDERWIJS, N.A2), {"niveau": rules.DUO_A2_ONDERWIJS}, id="A2-onderwijsroute-refused"),
        pytest.param(feiten(R.ONDERWIJS, N.B1), {}, id="B1-onderwijsroute-allowed"),
        pytest.param(feiten(R.ONDERWIJS, None), {}, id="onderwijsroute-without-niveau-allowed"),
        pytest.param(feiten(R.Z, N.B1), {"niveau": rules.DUO_B1_Z}, id="B1-Z-route-refused"),
        pytest.param(feiten(R.Z, N.A2), {}, id="A2-Z-route-allowed"),
        pytest.param(feiten(R.Z, None), {}, id="Z-route-without-niveau-allowed"),
        pytest.param(feiten(R.B1, N.A2, eerste=True), {"niveau": rules.DUO_A2_EERSTE_PIP},
                     id="A2-B-route-on-the-very-first-pip-refused"),
        pytest.param(feiten(R.B1, N.A2), {}, id="A2-B-route-on-a-later-pip-allowed"),
        pytest.param(feiten(R.Z, N.A2, eerste=True), {}, id="A2-Z-route-on-the-first-pip-allowed"),
        pytest.param(feiten(R.B1, N.B1), {}, id="B1-B-route-allowed"),
        pytest.param(feiten(R.B1, N.B1, intensiteit=800), {}, id="intensity-asiel-B-route-allowed"),
        pytest.param(feiten(R.B1, None, intensiteit=1), {}, id="intensity-lower-bound-1"),
        pytest.param(feiten(R.B1, None, intensiteit=9999), {}, id="intensity-upper-bound-9999"),
        pytest.param(feiten(R.B1, None, intensiteit=0), {"b1_intensiteit": rules.DUO_INTENSITEIT_BEREIK},
                     id="intensity-0-refused"),
        pytest.param(feiten(R.B1, None, intensiteit=10000), {"b1_intensiteit": rules.DUO_INTENSITEIT_BEREIK},
                     id="intensity-10000-refused"),
        pytest.param(feiten(R.B1, None, intensiteit=800, asiel=False), {"b1_intensiteit": rules.DUO_INTENSITEIT},
                     id="intensity-gezinsmigrant-refused"),
        pytest.param(feiten(R.ONDERWIJS, None, intensiteit=800), {"b1_intensiteit": rules.DUO_INTENSITEIT},
                     id="intensity-asiel-onderwijsroute-refused"),
        pytest.param(feiten(R.Z, None, intensiteit=800), {"b1_intensiteit": rules.DUO_INTENSITEIT},
                     id="intensity-asiel-Z-route-refused"),
        pytest.param(feiten(R.Z, N.B1, intensiteit=800), {"niveau": rules.DUO_B1_Z,
                                                          "b1_intensiteit": rules.DUO_INTENSITEIT},
                     id="two-rules-broken-both-reported"),
    ],
)
def test_inhoud_fouten_applies_duos_content_rules_a2_not_on_the_very_first_pip(f, verwacht):
    """DUO's rules; A2 on the B1-route is refused only on the very first PIP of the person in any
    gemeente, so it is allowed after a move (Wet 15 lid 4) or onderwijsroute → B1 (Besluit 5.5)."""
    assert rules.inhoud_fouten(f) == {k: str(v) for k, v in verwacht.items()}


VANDAAG = date(2026, 6, 15)
PLICHT = date(2026, 1, 10)
VESTIGING = date(2026, 2, 1)
HUIDIG = date(2026, 4, 1)


def _d(d: date) -> str:
    return d.strftime("%d-%m-%Y")


@pytest.mark.parametrize(
    ("dagtekening", "wijzig", "verwacht"),
    [
        pytest.param(date(2026, 5, 1), {}, {}, id="after-everything-allowed"),
        pytest.param(PLICHT - timedelta(days=1), {"vestiging": None, "huidige_dagtekening": None},
                     {"dagtekening": rules.DUO_VOOR_PLICHT % {"datum": _d(PLICHT)}}, id="day-before-plicht-refused"),
        pytest.param(PLICHT, {"vestiging": None, "huidige_dagtekening": None}, {}, id="on-plicht-start-allowed"),
        pytest.param(VESTIGING - timedelta(days=1), {"huidige_dagtekening": None},
                     {"dagtekening": rules.DUO_VOOR_VESTIGING % {"datum": _d(VESTIGING)}},
                     id="day-before-vestiging-refused"),
        pytest.param(VESTIGING, {"huidige_dagtekening": None}, {}, id="on-vestiging-day-allowed"),
        pytest.param(HUIDIG - timedelta(days=1), {},
                     {"dagtekening": rules.DUO_VOOR_HUIDIG % {"datum": _d(HUIDIG)}},
                     id="day-before-current-pip-refused"),
        pytest.param(HUIDIG, {}, {}, id="same-day-as-current-pip-allowed"),
        pytest.param(VANDAAG, {}, {}, id="today-allowed"),
        pytest.param(VANDAAG + timedelta(days=1), {"bekendmaking": VANDAAG},
                     {"dagtekening": rules.DAGTEKENING_TOEKOMST, "bekendmaking": rules.BEKENDMAKING_VOOR_DAGTEKENING},
                     id="future-dagtekening-refused"),
        pytest.param(date(2026, 5, 1), {"bekendmaking": date(2026, 4, 30)},
                     {"bekendmaking": rules.BEKENDMAKING_VOOR_DAGTEKENING}, id="bekendmaking-before-dagtekening"),
        pytest.param(date(2026, 5, 1), {"bekendmaking": VANDAAG + timedelta(days=1)},
                     {"bekendmaking": rules.BEKENDMAKING_TOEKOMST}, id="bekendmaking-in-future"),
    ],
)
def test_dagtekening_fouten_applies_duos_date_rules(dagtekening, wijzig, verwacht):
    args = {"dagtekening": dagtekening, "bekendmaking": max(dagtekening, date(2026, 5, 1)) if dagtekening <= VANDAAG
            else VANDAAG, "vandaag": VANDAAG, "plicht_start": PLICHT, "vestiging": VESTIGING,
            "huidige_dagtekening": HUIDIG, **wijzig}
    assert rules.dagtekening_fouten(**args) == {k: str(v) for k, v in verwacht.items()}


@pytest.mark.parametrize(
    ("leerroute", "lbt", "wijkt_af"),
    [
        (R.B1, LbtUitkomst.HAALBAAR, False), (R.ONDERWIJS, LbtUitkomst.HAALBAAR, False),
        (R.Z, LbtUitkomst.HAALBAAR, True), (R.Z, LbtUitkomst.NIET_HAALBAAR, False),
        (R.B1, LbtUitkomst.NIET_HAALBAAR, True), (R.ONDERWIJS, LbtUitkomst.NIET_HAALBAAR, True),
        (R.Z, LbtUitkomst.ONBEKEND, False), (R.B1, None, False),
    ],
    ids=["B-haalbaar", "O-haalbaar", "Z-haalbaar-deviates", "Z-niet-haalbaar", "B-niet-haalbaar-deviates",
         "O-niet-haalbaar-deviates", "onbekend-nothing-to-deviate-from", "no-lbt"],
)
def test_wijkt_af_van_lbt(leerroute, lbt, wijkt_af):
    assert rules.wijkt_af_van_lbt(leerroute=leerroute, lbt=lbt) is wijkt_af


# --- PIP deadline ---------------------------------------------------------------------------------
def deadline(kennisgeving, *, asiel=False, brp=None, verhuizing=None, gevraagd=False, ontvangen=None, atw=True,
             extra=frozenset(), gevraagd_op=None):
    # `gevraagd`: one request, asked on `gevraagd_op` (default: the kennisgeving, well before the 10 weeks end).
    verzoeken = [(gevraagd_op or kennisgeving, ontvangen)] if gevraagd else []
    return rules.pip_deadline(
        kennisgeving=kennisgeving, is_asiel=asiel, brp_vestiging=brp, vestiging_na_verhuizing=verhuizing,
        verzoeken=verzoeken, atw=atw, extra_vrije_dagen=extra,
    )


@pytest.mark.parametrize(
    ("kwargs", "basis", "laatste", "fataal"),
    [
        pytest.param({"kennisgeving": date(2026, 3, 2)}, date(2026, 3, 2), date(2026, 5, 11), date(2026, 5, 11),
                     id="plain-10-weeks-on-a-monday"),
        pytest.param({"kennisgeving": date(2025, 3, 1)}, date(2025, 3, 1), date(2025, 5, 10), date(2025, 5, 12),
                     id="ending-on-saturday-moves-to-monday"),
        pytest.param({"kennisgeving": date(2025, 3, 1), "atw": False}, date(2025, 3, 1), date(2025, 5, 10),
                     date(2025, 5, 10), id="saturday-stays-when-atw-off"),
        pytest.param({"kennisgeving": date(2026, 1, 26)}, date(2026, 1, 26), date(2026, 4, 6), date(2026, 4, 7),
                     id="ending-on-tweede-paasdag-moves-to-tuesday"),
        pytest.param({"kennisgeving": date(2026, 1, 23)}, date(2026, 1, 23), date(2026, 4, 3), date(2026, 4, 7),
                     id="ending-on-goede-vrijdag-runs-past-easter"),
        pytest.param({"kennisgeving": date(2026, 3, 5), "extra": frozenset({date(2026, 5, 15)})},
                     date(2026, 3, 5), date(2026, 5, 14), date(2026, 5, 18),
                     id="hemelvaart-and-equated-friday-then-weekend"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": True, "brp": date(2026, 2, 2)},
                     date(2026, 2, 2), date(2026, 4, 13), date(2026, 4, 13), id="asiel-registered-later-from-brp"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": True, "brp": date(2025, 12, 1)},
                     date(2026, 1, 5), date(2026, 3, 16), date(2026, 3, 16), id="asiel-registered-earlier"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": True, "brp": date(2026, 1, 5)},
                     date(2026, 1, 5), date(2026, 3, 16), date(2026, 3, 16), id="asiel-registered-same-day"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": False, "brp": date(2026, 2, 2)},
                     date(2026, 1, 5), date(2026, 3, 16), date(2026, 3, 16), id="gezinsmigrant-ignores-brp"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": False, "verhuizing": date(2026, 6, 1)},
                     date(2026, 6, 1), date(2026, 8, 10), date(2026, 8, 10), id="after-move-from-new-registration"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "asiel": True, "brp": None, "verhuizing": date(2026, 6, 1)},
                     date(2026, 6, 1), date(2026, 8, 10), date(2026, 8, 10), id="move-wins-over-missing-brp"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "gevraagd": True, "ontvangen": date(2026, 2, 2)},
                     date(2026, 1, 5), date(2026, 3, 16), date(2026, 3, 16), id="info-received-early-keeps-end"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "gevraagd": True, "ontvangen": date(2026, 3, 10)},
                     date(2026, 1, 5), date(2026, 3, 24), date(2026, 3, 24), id="info-received-late-two-weeks"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "gevraagd": True, "ontvangen": date(2026, 3, 2)},
                     date(2026, 1, 5), date(2026, 3, 16), date(2026, 3, 16), id="info-received-exactly-two-weeks"),
        pytest.param({"kennisgeving": date(2026, 1, 5), "gevraagd": True, "ontvangen": date(2026, 3, 21)},
                     date(2026, 1, 5), date(2026, 4, 4), date(2026, 4, 7), id="info-extension-ending-easter-saturday"),
    ],
)
def test_pip_deadline(kwargs, basis, laatste, fataal):
    uitkomst = deadline(**kwargs)
    assert (uitkomst.basis, uitkomst.laatste_dag, uitkomst.fatale_datum) == (basis, laatste, fataal)
    assert uitkomst.opgeschort is False


def test_pip_deadline_for_asiel_not_yet_registered_cannot_be_computed():
    uitkomst = deadline(date(2026, 1, 5), asiel=True, brp=None)
    assert (uitkomst.basis, uitkomst.laatste_dag, uitkomst.fatale_datum) == (None, None, None)
    assert "inschrijving" in uitkomst.toelichting


def test_pip_deadline_is_suspended_while_third_party_information_is_awaited():
    uitkomst = deadline(date(2026, 1, 5), gevraagd=True, ontvangen=None)
    assert uitkomst.opgeschort is True
    assert uitkomst.fatale_datum is None
    assert uitkomst.basis == date(2026, 1, 5)


def test_pip_deadline_explains_an_extension_after_late_information():
    assert "ontvangst" in deadline(date(2026, 1, 5), gevraagd=True, ontvangen=date(2026, 3, 10)).toelichting
    assert "kennisgeving" in deadline(date(2026, 1, 5), gevraagd=True, ontvangen=date(2026, 2, 1)).toelichting


# --- schakelen --------------------------------------------------------------------------------------
TERMIJN = date(2024, 8, 31)
VENSTER_EINDE = datums.periode_maanden_einde(TERMIJN, 18)  # 31 Aug + 18 months: Feb has no 31st → 28 Feb (HR 2017:2225)


def schakel(van, naar, datum, uitzondering="", motivering="", termijn=TERMIJN):
    return rules.schakel_fouten(van=van, naar=naar, termijn_start=termijn, datum=datum, schakel_maanden=18,
                                uitzondering=uitzondering, motivering=motivering)


def test_schakel_window_is_computed_with_the_period_convention():
    assert datums.periode_maanden_einde(TERMIJN, 18) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        pytest.param((R.ONDERWIJS, R.B1, VENSTER_EINDE + timedelta(days=400)), {}, id="O-to-B-always-even-late"),
        pytest.param((R.B1, R.Z, date(2025, 6, 1)), {}, id="inside-window"),
        pytest.param((R.B1, R.Z, VENSTER_EINDE), {}, id="last-day-of-window"),
        pytest.param((R.B1, R.Z, VENSTER_EINDE + timedelta(days=1)),
                     {"schakel_uitzondering": rules.SCHAKEL_TE_LAAT % {"datum": "28-02-2026"}}, id="day-after-window"),
        pytest.param((R.Z, R.B1, VENSTER_EINDE + timedelta(days=1), SchakelUitzondering.BIJZONDER_GEVAL, "  "),
                     {"schakel_motivering": rules.SCHAKEL_MOTIVERING}, id="exception-without-motivering"),
        pytest.param((R.Z, R.B1, VENSTER_EINDE + timedelta(days=1), SchakelUitzondering.BIJZONDER_GEVAL,
                      "Ernstige ziekte tijdens het eerste jaar"), {}, id="exception-with-motivering"),
        pytest.param((R.B1, R.ONDERWIJS, VENSTER_EINDE + timedelta(days=1), SchakelUitzondering.OPLEIDING_BEEINDIGD,
                      "Opleiding gestopt op 1-3-2026"), {}, id="education-ended-with-motivering"),
        pytest.param((R.B1, R.B1, date(2025, 1, 1)), {"leerroute": rules.SCHAKEL_ZELFDE_ROUTE}, id="same-route"),
    ],
)
def test_schakel_fouten(args, verwacht):
    assert schakel(*args) == {k: str(v) for k, v in verwacht.items()}


def test_schakelen_without_a_termijn_is_allowed():
    assert schakel(R.B1, R.Z, date(2030, 1, 1), termijn=None) == {}


# --- afschalen --------------------------------------------------------------------------------------
AFSCHAAL_VANDAAG = date(2026, 6, 15)
VOORWAARDEN = {"onderdelen": [], "geheel": True, "nt2_uren": 600, "minimum_uren": 600,
               "inspanning": "Altijd aanwezig, huiswerk gemaakt.", "onhaalbaar_op": date(2026, 6, 1),
               "onhaalbaar_grond": "Voortgang volgens de aanbieder: B1 niet haalbaar voor de einddatum.",
               "vandaag": AFSCHAAL_VANDAAG}


def afschalen(**wijzig):
    route = {"van_route": R.B1, "van_niveau": N.B1, "naar_route": R.B1, "naar_niveau": N.A2}
    voorwaarden = {k: wijzig.pop(k) for k in list(wijzig) if k in VOORWAARDEN}
    return rules.afschalen_fouten(**{**route, **wijzig},
                                  voorwaarden=rules.AfschaalVoorwaarden(**{**VOORWAARDEN, **voorwaarden}))


@pytest.mark.parametrize(
    ("wijzig", "verwacht"),
    [
        pytest.param({}, {}, id="600-hours-geheel-allowed"),
        pytest.param({"nt2_uren": 599}, {"afschalen_nt2_uren": rules.AFSCHALEN_UREN % {"minimum": 600, "uren": 599}},
                     id="599-hours-refused"),
        pytest.param({"van_niveau": None}, {}, id="no-niveau-means-B1"),
        pytest.param({"geheel": False, "onderdelen": ["SP", "SC"]}, {}, id="some-parts-allowed"),
        pytest.param({"geheel": False, "onderdelen": []}, {"afschalen_onderdelen": rules.AFSCHALEN_ONDERDELEN},
                     id="neither-parts-nor-geheel"),
        pytest.param({"inspanning": "   "}, {"afschalen_inspanning": rules.AFSCHALEN_INSPANNING}, id="no-effort-text"),
        pytest.param({"van_route": R.ONDERWIJS, "naar_route": R.ONDERWIJS}, {"niveau": rules.AFSCHALEN_ALLEEN_B},
                     id="onderwijsroute-refused"),
        pytest.param({"naar_route": R.Z}, {"niveau": rules.AFSCHALEN_ALLEEN_B}, id="route-change-refused"),
        pytest.param({"van_niveau": N.A2}, {"niveau": rules.AFSCHALEN_ALLEEN_B}, id="already-A2-refused"),
        pytest.param({"naar_niveau": N.B1}, {"niveau": rules.AFSCHALEN_ALLEEN_B}, id="staying-B1-refused"),
        pytest.param({"nt2_uren": 0, "inspanning": "", "geheel": False},
                     {"afschalen_nt2_uren": rules.AFSCHALEN_UREN % {"minimum": 600, "uren": 0},
                      "afschalen_inspanning": rules.AFSCHALEN_INSPANNING,
                      "afschalen_onderdelen": rules.AFSCHALEN_ONDERDELEN}, id="all-missing-all-reported"),
        pytest.param({"onhaalbaar_op": None}, {"afschalen_onhaalbaar_op": rules.AFSCHALEN_ONHAALBAAR_DATUM},
                     id="no-date-of-the-finding-b1-not-feasible"),
        pytest.param({"onhaalbaar_op": date(2026, 6, 16)},
                     {"afschalen_onhaalbaar_op": rules.AFSCHALEN_ONHAALBAAR_TOEKOMST}, id="finding-dated-tomorrow"),
        pytest.param({"onhaalbaar_op": AFSCHAAL_VANDAAG}, {}, id="finding-dated-today"),
        pytest.param({"onhaalbaar_grond": "  "}, {"afschalen_onhaalbaar_grond": rules.AFSCHALEN_ONHAALBAAR_GROND},
                     id="no-ground-for-the-finding"),
    ],
)
def test_afschalen_fouten_wet_17_lid_3_besluit_5_5(wijzig, verwacht):
    """Afschalen needs ≥ 600 hours, the effort, the exam parts and — Wet 17 lid 3 — the recorded
    finding (date and ground) that B1 is not feasible within the (extended) termijn."""
    assert afschalen(**wijzig) == {k: str(v) for k, v in verwacht.items()}


@pytest.mark.parametrize(
    ("leerroute", "niveau", "vorige_route", "vorige_niveau", "afschalen"),
    [
        pytest.param(R.B1, N.A2, None, None, False, id="first-pip-here-after-a-move-wet-15-lid-4"),
        pytest.param(R.B1, N.A2, R.B1, N.B1, True, id="B1-route-B1-to-A2-is-afschalen"),
        pytest.param(R.B1, N.A2, R.B1, None, True, id="B1-route-without-niveau-is-B1"),
        pytest.param(R.B1, N.A2, R.ONDERWIJS, N.B1, True, id="onderwijsroute-to-B1-route-A2-besluit-5-5"),
        pytest.param(R.B1, N.A2, R.B1, N.A2, False, id="already-A2-stays-A2"),
        pytest.param(R.B1, N.A2, R.Z, None, False, id="from-Z-route-not-from-B1"),
        pytest.param(R.B1, N.B1, R.B1, N.B1, False, id="staying-B1"),
        pytest.param(R.Z, N.A2, R.B1, N.B1, False, id="A2-on-the-Z-route-is-no-afschalen"),
    ],
)
def test_a2_on_the_b1_route_after_a_b1_pip_is_afschalen_wet_17_lid_3(leerroute, niveau, vorige_route, vorige_niveau,
                                                                      afschalen):
    """DUO refuses A2 only on the very first PIP of the person, in any gemeente; A2 on a later B1-route
    PIP after a PIP at B1 of the same person still needs the afschalen conditions (Wet 17 lid 3,
    Besluit 5.5)."""
    assert rules.a2_vraagt_afschalen(leerroute=leerroute, niveau=niveau, vorige_route=vorige_route,
                                     vorige_niveau=vorige_niveau) is afschalen


@pytest.mark.parametrize(
    ("dagtekening", "start"),
    [(date(2026, 3, 10), date(2026, 3, 11)), (date(2024, 2, 28), date(2024, 2, 29)),
     (date(2025, 12, 31), date(2026, 1, 1))],
    ids=["ordinary", "into-leap-day", "into-new-year"],
)
def test_termijn_starts_the_day_after_the_dagtekening(dagtekening, start):
    assert rules.termijn_start_na_dagtekening(dagtekening) == start


# --- which actions the versions of a dossier allow -------------------------------------------------
S = rules.PipStatus


@pytest.mark.parametrize(
    ("in_opstelling", "statussen", "verwacht"),
    [
        pytest.param(True, [], None, id="after-the-intake-without-versions-allowed"),
        pytest.param(True, [S.INGETROKKEN], None, id="after-a-withdrawn-first-draft-allowed"),
        pytest.param(True, [S.INGETROKKEN, S.INGETROKKEN], None, id="after-two-withdrawn-drafts-allowed"),
        pytest.param(False, [], rules.FASE_ONJUIST, id="intake-not-done-refused"),
        pytest.param(True, [S.CONCEPT], rules.FASE_ONJUIST, id="a-concept-exists-refused"),
        pytest.param(True, [S.INGETROKKEN, S.TER_BEOORDELING], rules.FASE_ONJUIST, id="one-in-review-refused"),
        pytest.param(True, [S.VASTGESTELD], rules.FASE_ONJUIST, id="already-vastgesteld-refused"),
    ],
)
def test_a_first_pip_can_be_drafted_after_the_intake_when_no_version_counts(in_opstelling, statussen, verwacht):
    fout = rules.opstellen_fout(in_opstelling=in_opstelling, statussen=statussen)
    assert fout == (None if verwacht is None else str(verwacht))


@pytest.mark.parametrize(
    ("statussen", "verwacht"),
    [
        pytest.param([S.VASTGESTELD], None, id="geldend-allowed"),
        pytest.param([S.VASTGESTELD, S.VERVANGEN, S.INGETROKKEN], None, id="after-a-withdrawn-wijziging-allowed"),
        pytest.param([], rules.GEEN_GELDEND_PIP, id="no-versions-refused"),
        pytest.param([S.CONCEPT], rules.GEEN_GELDEND_PIP, id="only-a-concept-refused"),
        pytest.param([S.VERVANGEN, S.INGETROKKEN], rules.GEEN_GELDEND_PIP, id="nothing-geldend-refused"),
        pytest.param([S.VASTGESTELD, S.CONCEPT], rules.AL_OPEN, id="open-concept-refused"),
        pytest.param([S.VASTGESTELD, S.TER_BEOORDELING], rules.AL_OPEN, id="open-review-refused"),
    ],
)
def test_a_wijziging_needs_a_geldend_pip_and_no_open_version(statussen, verwacht):
    assert rules.wijziging_fout(statussen=statussen) == (None if verwacht is None else str(verwacht))


@pytest.mark.parametrize(
    ("is_consulent", "status", "verwacht"),
    [
        (True, S.TER_BEOORDELING, True),
        (False, S.TER_BEOORDELING, False),
        (True, S.CONCEPT, False),
        (True, S.VASTGESTELD, False),
        (True, S.INGETROKKEN, False),
    ],
)
def test_only_a_consulent_reviews_and_only_a_version_in_review(is_consulent, status, verwacht):
    assert rules.kan_beoordelen(is_consulent=is_consulent, status=status) is verwacht


@pytest.mark.parametrize(
    ("ontzorgen", "vaste_lasten", "verwacht"),
    [
        (True, ["huur"], {}),
        (True, ["huur", "gas"], {}),
        (True, [], {"ontzorgen_vaste_lasten": str(rules.ONTZORGEN_VASTE_LASTEN)}),
        (False, [], {}),
        (False, ["huur"], {}),
    ],
)
def test_ontzorgen_records_which_fixed_costs_are_paid(ontzorgen, vaste_lasten, verwacht):
    assert rules.ontzorgen_fouten(ontzorgen=ontzorgen, vaste_lasten=vaste_lasten) == verwacht
