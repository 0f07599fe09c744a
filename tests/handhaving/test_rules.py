"""The pure rules of handhaving as tables (DOMAIN §9): both fine regimes, the caps, culpability,
no double sanction, the asiel justification, prevention first, verjaring and the zienswijze period."""

from datetime import date
from decimal import Decimal as D

import pytest
from django_fsm import can_proceed

from handhaving import rules
from handhaving.models import Handhavingszaak
from handhaving.rules import (
    Bedragen,
    BesluitUitkomst,
    BoeteFeiten,
    EerdereBoete,
    Oproep,
    Regime,
    Verplichting,
    Verwijtbaarheid,
)

DAG = date(2026, 3, 10)


def pip_boete(bedrag, geconstateerd=None, onherroepelijk=None, besluit=None, herroepen=False, bron=""):
    return EerdereBoete(regime=Regime.PIP, bedrag=D(bedrag), besluit_datum=besluit or date(2025, 1, 1),
                        geconstateerd_op=geconstateerd, onherroepelijk_op=onherroepelijk, herroepen=herroepen,
                        bron=bron)


def intake_boete(einde, besluit=date(2026, 1, 5), herroepen=False, zelfde_dossier=True):
    return EerdereBoete(regime=Regime.BREDE_INTAKE, bedrag=D(250), besluit_datum=besluit,
                        nieuwe_termijn_einde=einde, herroepen=herroepen, zelfde_dossier=zelfde_dossier)


# --- prevention first ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("gesprekken", "gewaarschuwd", "beleid", "fout"), [
    ([], False, True, rules.GESPREK_EERST),
    ([], True, False, rules.GESPREK_EERST),
    (["poging_mislukt"], False, True, rules.WAARSCHUWING_EERST),
    (["gevoerd"], False, True, rules.WAARSCHUWING_EERST),
    (["gevoerd"], True, True, None),
    (["poging_mislukt"], False, False, None),  # the law does not require the warning for PIP duties
])
def test_a_voornemen_needs_a_conversation_and_by_policy_a_warning(gesprekken, gewaarschuwd, beleid, fout):
    fouten = rules.voornemen_fouten(gesprek_uitkomsten=gesprekken, waarschuwing_verstuurd=gewaarschuwd,
                                    altijd_eerst_waarschuwen=beleid)
    assert fouten.get("__all__") == (str(fout) if fout else None)


def test_a_warning_needs_a_conversation_or_a_failed_attempt():
    assert rules.waarschuwing_fouten(gesprek_uitkomsten=[]) == {"__all__": str(rules.GESPREK_EERST)}
    assert rules.waarschuwing_fouten(gesprek_uitkomsten=["poging_mislukt"]) == {}


# --- brede intake: Wet 14 lid 1 precondition ----------------------------------------------------------------
W = date(2026, 1, 2)


@pytest.mark.parametrize(("verplichting", "oproepen", "fout"), [
    (Verplichting.INTAKE_NIET_VERSCHENEN, [], rules.INTAKE_GEEN_TWEEDE_OPROEP),
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None)], rules.INTAKE_GEEN_TWEEDE_OPROEP),
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None), Oproep(2, False, None)],
     rules.INTAKE_GEEN_TWEEDE_OPROEP),  # second summons without the written warning
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None), Oproep(2, None, W)], rules.INTAKE_TWEEDE_OPROEP_OPEN),
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None), Oproep(2, True, W)],
     rules.INTAKE_TWEEDE_OPROEP_VERSCHENEN),
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None), Oproep(2, False, W)], None),
    (Verplichting.INTAKE_NIET_MEEGEWERKT, [Oproep(1, False, None), Oproep(2, True, W)], None),
    (Verplichting.INTAKE_NIET_VERSCHENEN, [Oproep(1, False, None), Oproep(2, False, W), Oproep(3, False, None)], None),
])
def test_the_brede_intake_fine_needs_the_written_warning_and_second_summons(verplichting, oproepen, fout):
    fouten = rules.intake_voorwaarde_fouten(verplichting=verplichting, oproepen=oproepen)
    assert fouten.get("__all__") == (str(fout) if fout else None)


# --- brede intake: €250, new term, second fine -------------------------------------------------------------------
@pytest.mark.parametrize(("eerdere", "peildatum", "afgerond", "bedrag", "fout"), [
    ([], DAG, None, D(250), None),
    ([intake_boete(date(2026, 3, 4))], date(2026, 3, 4), None, None, "loopt nog"),
    ([intake_boete(date(2026, 3, 4))], date(2026, 3, 5), None, D(250), None),  # the day after the new term
    ([intake_boete(date(2026, 3, 4))], date(2026, 3, 5), date(2026, 3, 1), None, "afgerond"),
    ([intake_boete(date(2026, 3, 4), herroepen=True)], DAG, None, D(250), None),  # herroepen: counts as none
    ([intake_boete(date(2026, 1, 4)), intake_boete(date(2026, 3, 4), besluit=date(2026, 2, 1))], DAG, None, None,
     "twee boetes"),
])
def test_the_brede_intake_fine_is_fixed_and_a_second_one_needs_the_new_term_missed(eerdere, peildatum, afgerond,
                                                                                  bedrag, fout):
    uitkomst = rules.intake_grondbedrag(eerdere=eerdere, peildatum=peildatum, intake_afgerond_op=afgerond)
    assert uitkomst.bedrag == bedrag
    if fout:
        assert fout in uitkomst.fouten["__all__"]
    else:
        assert uitkomst.fouten == {}


def test_statutory_values_are_constants_with_their_article_besluit_7_1_awb_5_45():
    """Besluit 7.1 (€250, €50, €800, 12 months, lid 5 caps) and Awb 5:45/5:53 (5/3 years, €340) are the law,
    not settings: the policy object carries none of them."""
    assert (D(250), D(50), D(800)) == (rules.BOETE_BREDE_INTAKE, rules.BOETE_PIP_BASIS, rules.BOETE_PIP_MAXIMUM)
    assert rules.HERHALING_MAANDEN == 12
    assert D(2400) == rules.MAXIMUM_TERMIJN
    assert {6: D(400), 12: D(800), 18: D(1200), 24: D(1600)} == rules.NIEUWE_TERMIJN_MAXIMA
    assert (5, 3, D(340)) == (rules.VERJARING_JAREN, rules.VERJARING_JAREN_LAAG, rules.VERJARING_DREMPEL)
    assert set(vars(Bedragen())) == {"intake_nieuwe_termijn_maanden"}


def test_a_wet_22_fine_in_another_dossier_of_the_person_does_not_block_this_intake():
    uitkomst = rules.intake_grondbedrag(eerdere=[intake_boete(None, zelfde_dossier=False)] * 2, peildatum=DAG,
                                        intake_afgerond_op=None)
    assert uitkomst.bedrag == D(250)


def test_culpability_does_not_change_the_fixed_brede_intake_fine():
    berekening = rules.boete_berekenen(BoeteFeiten(regime=Regime.BREDE_INTAKE, overtreding_datum=DAG, peildatum=DAG,
                                                   verwijtbaarheid=Verwijtbaarheid.VERMINDERD))
    assert berekening.bedrag == D(250)
    assert berekening.mogelijk


# --- PIP duties: €50 × 2^k, Besluit 7.1 lid 3 ---------------------------------------------------------------------
X = date(2026, 6, 15)  # the new breach is geconstateerd on X; the decision is taken on BESLIST
BESLIST = date(2026, 9, 1)


@pytest.mark.parametrize(("eerdere", "geconstateerd", "grond"), [
    ([], X, D(50)),
    ([pip_boete(50, date(2025, 6, 15), date(2025, 8, 1))], X, D(100)),  # exactly X − 12 months: inside
    ([pip_boete(50, date(2025, 6, 14), date(2025, 8, 1))], X, D(50)),  # one day earlier: outside
    ([pip_boete(50, date(2026, 6, 14), date(2026, 8, 1))], X, D(100)),  # X − 1 day: inside
    ([pip_boete(50, X, date(2026, 8, 1))], X, D(50)),  # the same day X: not "before"
    ([pip_boete(50, date(2026, 1, 1), None)], X, D(50)),  # fine not yet onherroepelijk
    ([pip_boete(50, date(2026, 1, 1), date(2026, 9, 2))], X, D(50)),  # final only after the decision date
    ([pip_boete(50, date(2026, 1, 1), BESLIST)], X, D(100)),  # final on the decision date itself: counts
    # the OLD anchor (12 months after finality) doubled this one; the constatering lies 13 months back
    ([pip_boete(50, date(2025, 5, 15), date(2025, 9, 1))], X, D(50)),
    ([pip_boete(50, date(2026, 1, 1), date(2026, 3, 1), herroepen=True)], X, D(50)),  # annulled: never counts
    ([pip_boete(50, date(2026, 1, 1), date(2026, 3, 1)), pip_boete(100, date(2026, 3, 1), date(2026, 5, 1))],
     X, D(200)),  # k = 2
    ([pip_boete(50, date(2025, 7, 1) + (date(2025, 7, 2) - date(2025, 7, 1)) * i, date(2026, 1, 1))
      for i in range(5)], X, D(800)),  # k = 5: 50 × 32 = 1,600 → capped at 800
    ([intake_boete(None)], X, D(50)),  # a brede intake fine does not double the PIP fine
    # leap day: X = 29-02-2028 → window from 28-02-2027; X = 28-02-2029 → from 28-02-2028 (29-02-2028 inside)
    ([pip_boete(50, date(2027, 2, 28), date(2027, 5, 1))], date(2028, 2, 29), D(100)),
    ([pip_boete(50, date(2027, 2, 27), date(2027, 5, 1))], date(2028, 2, 29), D(50)),
    ([pip_boete(50, date(2028, 2, 29), date(2028, 5, 1))], date(2029, 2, 28), D(100)),
    ([pip_boete(50, date(2028, 2, 29), date(2028, 5, 1))], date(2029, 3, 1), D(50)),
])
def test_doubling_window_besluit_7_1_lid_3(eerdere, geconstateerd, grond):
    beslist = BESLIST if geconstateerd < BESLIST else geconstateerd + (BESLIST - X)
    assert rules.pip_grondbedrag(eerdere=eerdere, geconstateerd_op=geconstateerd, beslisdatum=beslist).bedrag == grond


def test_doubling_window_is_x_minus_12_months_to_x_minus_1_day_besluit_7_1_lid_3():
    assert rules.verdubbeling_venster(date(2026, 6, 15)) == (date(2025, 6, 15), date(2026, 6, 14))
    assert rules.verdubbeling_venster(date(2028, 2, 29)) == (date(2027, 2, 28), date(2028, 2, 28))


def test_the_doubling_derivation_names_the_article_and_the_dates_that_counted():
    eerdere = [pip_boete(50, date(2026, 1, 5), date(2026, 3, 1), bron="zaak 7"),
               pip_boete(50, date(2026, 2, 5), None, bron="zaak 8")]
    stappen = rules.pip_grondbedrag(eerdere=eerdere, geconstateerd_op=X, beslisdatum=BESLIST).stappen
    tekst = " ".join(stappen)
    assert "Besluit 7.1 lid 3" in tekst and "15-06-2025" in tekst and "14-06-2026" in tekst
    assert "Telt mee: geconstateerd op 05-01-2026, boete onherroepelijk op 01-03-2026 (zaak 7)" in tekst
    assert "Telt niet mee: geconstateerd op 05-02-2026" in tekst
    assert "2^1 = € 100,00" in tekst


def test_without_a_constatering_date_no_pip_fine_is_computed_besluit_7_1_lid_3():
    uitkomst = rules.pip_grondbedrag(eerdere=[], geconstateerd_op=None, beslisdatum=BESLIST)
    assert uitkomst.bedrag is None and uitkomst.fouten == {"__all__": str(rules.GECONSTATEERD_ONBEKEND)}


@pytest.mark.parametrize(("verwijtbaarheid", "bedrag"), [
    (Verwijtbaarheid.OPZET, D("200.00")),
    (Verwijtbaarheid.GROVE_SCHULD, D("150.00")),
    (Verwijtbaarheid.GEEN, D("100.00")),
    (Verwijtbaarheid.VERMINDERD, D("50.00")),
])
def test_culpability_sets_100_75_50_or_25_percent(verwijtbaarheid, bedrag):
    feiten = BoeteFeiten(regime=Regime.PIP, overtreding_datum=date(2025, 9, 1), peildatum=DAG,
                         geconstateerd_op=date(2025, 9, 1),
                         eerdere=[pip_boete(100, date(2025, 6, 1), date(2025, 8, 1)),
                                  pip_boete(100, date(2025, 7, 1), date(2025, 8, 1))],
                         verwijtbaarheid=verwijtbaarheid,
                         verwijtbaarheid_reden="Toegelicht.")
    berekening = rules.boete_berekenen(feiten)
    assert berekening.bedrag == bedrag
    assert berekening.grondbedrag == D(200)
    assert any("%" in stap for stap in berekening.stappen)


def test_culpability_must_be_chosen_with_a_reason():
    zonder = rules.boete_berekenen(BoeteFeiten(regime=Regime.PIP, overtreding_datum=DAG, peildatum=DAG, geconstateerd_op=DAG))
    assert zonder.fouten["verwijtbaarheid"] == str(rules.VERWIJTBAARHEID_KIEZEN)
    geen_reden = rules.boete_berekenen(BoeteFeiten(regime=Regime.PIP, overtreding_datum=DAG, peildatum=DAG, geconstateerd_op=DAG,
                                                   verwijtbaarheid=Verwijtbaarheid.OPZET))
    assert geen_reden.fouten == {"verwijtbaarheid_reden": str(rules.VERWIJTBAARHEID_REDEN)}


def test_the_culpability_percentages_are_statutory_besluit_7_1():
    assert rules.PERCENTAGES == {Verwijtbaarheid.OPZET: 100, Verwijtbaarheid.GROVE_SCHULD: 75,
                                 Verwijtbaarheid.GEEN: 50, Verwijtbaarheid.VERMINDERD: 25}


# --- reduction for special circumstances (Awb 5:46) ----------------------------------------------------------------
@pytest.mark.parametrize(("matiging", "reden", "bedrag", "fout_veld"), [
    (D(0), "", D(250), None),
    (D(100), "Mantelzorg voor een ziek kind.", D(150), None),
    (D(100), "", D(150), "matiging_reden"),
    (D(300), "Te veel.", D(250), "matiging"),
])
def test_a_reduction_for_special_circumstances_needs_a_reason(matiging, reden, bedrag, fout_veld):
    berekening = rules.boete_berekenen(BoeteFeiten(regime=Regime.BREDE_INTAKE, overtreding_datum=DAG, peildatum=DAG,
                                                   matiging=matiging, matiging_reden=reden))
    assert berekening.bedrag == bedrag
    assert (list(berekening.fouten) == [fout_veld]) if fout_veld else not berekening.fouten


# --- the caps (Besluit 7.1 lid 5) -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("eerder", "nieuwe_termijn", "bedrag", "maximum_bereikt"), [
    ([], None, D(250), False),
    ([2000], None, D(250), False),
    ([2200], None, D(200), False),  # €2,400 cap: only €200 left
    ([2400], None, D(0), True),
    ([200], 6, D(200), False),  # €400 in a new term of 6 months
    ([400], 6, D(0), True),
    ([700], 12, D(100), False),  # €800 for 1 year
    ([1000], 18, D(200), False),  # €1,200 for 1.5 years
    ([1500], 24, D(100), False),  # €1,600 for 2 years
])
def test_all_fines_together_stay_within_2400_or_the_lower_cap_of_a_new_duo_term(eerder, nieuwe_termijn, bedrag,
                                                                                 maximum_bereikt):
    eerdere = [pip_boete(b) for b in eerder]
    berekening = rules.boete_berekenen(BoeteFeiten(regime=Regime.BREDE_INTAKE, overtreding_datum=DAG, peildatum=DAG,
                                                   eerdere=eerdere, duo_nieuwe_termijn_maanden=nieuwe_termijn))
    assert berekening.bedrag == bedrag
    assert (berekening.fouten.get("__all__") == str(rules.MAXIMUM_BEREIKT)) is maximum_bereikt
    assert berekening.mogelijk is not maximum_bereikt


def test_a_fine_herroepen_in_bezwaar_does_not_count_towards_the_cap():
    eerdere = [pip_boete(2400, herroepen=True)]
    berekening = rules.boete_berekenen(BoeteFeiten(regime=Regime.BREDE_INTAKE, overtreding_datum=DAG, peildatum=DAG,
                                                   eerdere=eerdere))
    assert berekening.bedrag == D(250)


def test_in_a_new_duo_term_only_its_own_fines_count():
    eerdere = [pip_boete(800, besluit=date(2025, 1, 1)), pip_boete(50, besluit=date(2026, 2, 1))]
    assert rules.in_nieuwe_termijn(eerdere, date(2026, 1, 1)) == eerdere[1:]


# --- the decision: Wet 27, asiel, zienswijze, new term --------------------------------------------------------------
def besluit(**kwargs):
    basis = {"uitkomst": BesluitUitkomst.BOETE, "motivering": "Niet meegewerkt ondanks waarschuwing.",
             "bijstand_verlaagd": False, "is_asiel": False, "asiel_motivering": "", "zienswijze_ontvangen": False,
             "zienswijze_weging": "", "zienswijze_einde": date(2026, 3, 1), "dagtekening": DAG, "bekendmaking": DAG,
             "vandaag": DAG, "regime": Regime.PIP}
    return rules.besluit_fouten(rules.BesluitFeiten(**{**basis, **kwargs}))


@pytest.mark.parametrize(("wijziging", "veld", "melding"), [
    ({}, None, None),
    ({"bijstand_verlaagd": True}, "__all__", rules.DUBBELE_SANCTIE),
    ({"bijstand_verlaagd": True, "uitkomst": BesluitUitkomst.GEEN_BOETE}, None, None),
    ({"is_asiel": True}, "asiel_motivering", rules.ASIEL_MOTIVERING),
    ({"is_asiel": True, "asiel_motivering": "Drie afspraken gemist na twee gesprekken."}, None, None),
    ({"is_asiel": True, "uitkomst": BesluitUitkomst.GEEN_BOETE}, None, None),
    ({"zienswijze_ontvangen": True}, "zienswijze_weging", rules.ZIENSWIJZE_WEGEN),
    ({"zienswijze_ontvangen": True, "uitkomst": BesluitUitkomst.GEEN_BOETE}, "zienswijze_weging",
     rules.ZIENSWIJZE_WEGEN),
    ({"zienswijze_ontvangen": True, "zienswijze_weging": "Ziekte niet aangetoond."}, None, None),
    ({"motivering": " "}, "motivering", rules.MOTIVERING_VERPLICHT),
    ({"dagtekening": date(2026, 3, 11)}, "dagtekening", rules.DATUM_TOEKOMST),
    ({"bekendmaking": date(2026, 3, 9)}, "bekendmaking", rules.BEKENDMAKING_VOOR_DAGTEKENING),
    ({"verjaring_op": date(2026, 3, 9)}, "__all__", None),
    ({"verjaring_op": DAG}, None, None),  # made known on the last day: still in time
    ({"verjaring_op": DAG, "bekendmaking": date(2026, 3, 11)}, "__all__", None),  # made known a day too late
    # By post (issue 15): the bekendmaking is the day the print batch is posted, not before the dagtekening.
    ({"bekendmaking": None}, None, None),
    ({"bekendmaking": None, "verjaring_op": DAG}, None, None),
    ({"bekendmaking": None, "verjaring_op": date(2026, 3, 9)}, "__all__", None),
    ({"voornemen_verzonden": False}, "__all__", rules.VOORNEMEN_NIET_VERZONDEN),
])
def test_what_every_decision_needs(wijziging, veld, melding):
    fouten = besluit(**wijziging)
    if veld is None:
        assert fouten == {}
    else:
        assert veld in fouten
        if melding:
            assert fouten[veld] == str(melding)


def test_no_decision_while_the_zienswijze_period_runs_unless_one_was_received():
    assert "loopt nog" in besluit(zienswijze_einde=DAG)["__all__"]
    assert besluit(zienswijze_einde=DAG, zienswijze_ontvangen=True, zienswijze_weging="Gewogen.") == {}


@pytest.mark.parametrize(("einde", "fout"), [
    (None, rules.NIEUWE_TERMIJN_VERPLICHT),
    (date(2026, 5, 10), None),  # exactly 2 months
    (date(2026, 5, 11), "ten hoogste"),
    (DAG, rules.NIEUWE_TERMIJN_VOOR_BESLUIT),
])
def test_a_brede_intake_fine_sets_a_new_term_of_at_most_two_months(einde, fout):
    fouten = besluit(regime=Regime.BREDE_INTAKE, nieuwe_termijn_einde=einde)
    if fout is None:
        assert fouten == {}
    else:
        assert str(fout) in fouten["nieuwe_termijn_einde"]


# --- dates --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("overtreding", "maximum", "einde", "jaren"), [
    (date(2026, 3, 10), D(250), date(2029, 3, 10), 3),  # brede intake: maximum €250 ≤ €340
    (date(2026, 3, 10), D(340), date(2029, 3, 10), 3),  # the threshold itself
    (date(2026, 3, 10), D(800), date(2031, 3, 10), 5),  # PIP duties
    (date(2024, 2, 29), D(800), date(2029, 2, 28), 5),  # leap day clamps
])
def test_the_power_to_fine_lapses_after_5_years_or_3_when_the_maximum_is_at_most_340(overtreding, maximum, einde,
                                                                                    jaren):
    assert rules.verjaring(overtreding_datum=overtreding, wettelijk_maximum=maximum) == (einde, jaren)


@pytest.mark.parametrize(("verzonden", "atw", "einde"), [
    (date(2026, 3, 2), True, date(2026, 3, 16)),  # Monday + 2 weeks
    (date(2026, 3, 7), True, date(2026, 3, 23)),  # ends on a Saturday: to Monday
    (date(2026, 3, 7), False, date(2026, 3, 21)),
    (date(2026, 4, 13), True, date(2026, 4, 28)),  # ends on Koningsdag (Monday 27 April 2026): to Tuesday
])
def test_the_zienswijze_period_is_two_weeks_with_the_algemene_termijnenwet(verzonden, atw, einde):
    assert rules.zienswijze_einde(verzonden_op=verzonden, weken=2, atw=atw) == einde


R = rules.RechterUitkomst
BEZWAAR = {"bezwaar_einde": date(2026, 4, 21)}
ONGEGROND = {**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1), "bezwaar_uitkomst": "ongegrond",
             "bezwaar_beslist_op": date(2026, 5, 1)}
BEKEND = {**ONGEGROND, "bezwaar_bekendgemaakt_op": date(2026, 5, 4), "beroep_einde": date(2026, 6, 15)}
IN_BEROEP = {**BEKEND, "beroep_ingesteld_op": date(2026, 6, 1)}
UITSPRAAK = {**IN_BEROEP, "beroep_uitkomst": R.BOETE_BLIJFT, "beroep_uitspraak_op": date(2026, 11, 2),
             "hoger_beroep_einde": date(2026, 12, 14)}
IN_HOGER_BEROEP = {**UITSPRAAK, "hoger_beroep_ingesteld_op": date(2026, 12, 1)}


@pytest.mark.parametrize(("feiten", "verwacht"), [
    ({}, None),  # no fine made known yet
    (BEZWAAR, date(2026, 4, 22)),  # no bezwaar: the day after the bezwaartermijn
    ({**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1)}, None),  # bezwaar pending
    ({**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1), "bezwaar_uitkomst": "gegrond",
      "bezwaar_beslist_op": date(2026, 5, 1)}, None),  # herroepen: never
    # withdrawn before the bezwaartermijn ended: final only when it ends (a new bezwaar was still possible)
    ({**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1), "bezwaar_uitkomst": "ingetrokken",
      "bezwaar_beslist_op": date(2026, 4, 20)}, date(2026, 4, 22)),
    ({**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1), "bezwaar_uitkomst": "ingetrokken",
      "bezwaar_beslist_op": date(2026, 5, 4)}, date(2026, 5, 4)),
    (ONGEGROND, None),  # upheld, but the bekendmaking is unknown: beroep can still be lodged
    (BEKEND, date(2026, 6, 16)),  # the day after the beroepstermijn (from the bekendmaking, with the Atw)
    (IN_BEROEP, None),  # beroep pending
    ({**IN_BEROEP, "beroep_uitkomst": R.VERNIETIGD, "beroep_uitspraak_op": date(2026, 11, 2),
      "hoger_beroep_einde": date(2026, 12, 14)}, None),  # annulled by the rechtbank
    ({**IN_BEROEP, "beroep_uitkomst": R.INGETROKKEN, "beroep_uitspraak_op": date(2026, 6, 10)}, date(2026, 6, 16)),
    ({**IN_BEROEP, "beroep_uitkomst": R.INGETROKKEN, "beroep_uitspraak_op": date(2026, 7, 1)}, date(2026, 7, 1)),
    (UITSPRAAK, date(2026, 12, 15)),  # upheld by the rechtbank: after the hoger-beroepstermijn
    (IN_HOGER_BEROEP, None),
    ({**IN_HOGER_BEROEP, "hoger_beroep_uitkomst": R.BOETE_BLIJFT, "hoger_beroep_uitspraak_op": date(2027, 5, 3)},
     date(2027, 5, 3)),
    ({**IN_HOGER_BEROEP, "hoger_beroep_uitkomst": R.VERNIETIGD, "hoger_beroep_uitspraak_op": date(2027, 5, 3)},
     None),
])
def test_onherroepelijk_only_when_no_bezwaar_or_beroep_can_be_lodged_or_is_pending_awb_6_7_8_1(feiten, verwacht):
    assert rules.onherroepelijk_op(rules.Rechtsgang(**feiten)) == verwacht


@pytest.mark.parametrize(("feiten", "vernietigd"), [
    (BEKEND, False),
    ({**BEZWAAR, "bezwaar_uitkomst": "gegrond"}, True),
    ({**IN_BEROEP, "beroep_uitkomst": R.VERNIETIGD}, True),
    ({**IN_BEROEP, "beroep_uitkomst": R.VERNIETIGD, "hoger_beroep_uitkomst": R.BOETE_BLIJFT}, False),  # restored
    ({**UITSPRAAK, "hoger_beroep_uitkomst": R.VERNIETIGD}, True),
])
def test_a_fine_annulled_by_a_court_no_longer_counts_besluit_7_1_lid_3_and_5(feiten, vernietigd):
    assert rules.vernietigd(rules.Rechtsgang(**feiten)) is vernietigd


@pytest.mark.parametrize(("feiten", "vandaag", "dagen"), [
    (BEZWAAR, date(2026, 12, 1), 0),
    ({**BEZWAAR, "bezwaar_ontvangen_op": date(2026, 4, 1)}, date(2026, 4, 11), 10),  # pending: until today
    (ONGEGROND, date(2026, 12, 1), 30),  # 1 April to 1 May
    (IN_BEROEP, date(2026, 6, 11), 40),  # + beroep pending since 1 June
    (UITSPRAAK, date(2027, 1, 1), 30 + 154),  # the gap between bezwaar and beroep does not count
])
def test_the_lapse_term_is_suspended_while_bezwaar_or_beroep_runs_awb_5_45_lid_3(feiten, vandaag, dagen):
    assert rules.verjaring_geschorste_dagen(rules.Rechtsgang(**feiten), vandaag=vandaag) == dagen
    einde, _jaren = rules.verjaring(overtreding_datum=date(2026, 1, 1), wettelijk_maximum=D(800),
                                    geschorste_dagen=dagen)
    assert einde == date(2031, 1, 1) + (date(2026, 1, 2) - date(2026, 1, 1)) * dagen


@pytest.mark.parametrize(("kwargs", "velden"), [
    ({}, set()),
    ({"bekendgemaakt_op": date(2026, 4, 30)}, {"bekendgemaakt_op"}),  # before the decision on bezwaar
    ({"bekendgemaakt_op": None, "beroep_ingesteld_op": date(2026, 6, 1)}, {"beroep_ingesteld_op"}),
    ({"beroep_ingesteld_op": date(2026, 6, 1), "beroep_uitkomst": R.BOETE_BLIJFT}, {"beroep_uitspraak_op"}),
    ({"beroep_ingesteld_op": date(2026, 6, 1), "beroep_uitspraak_op": date(2026, 5, 1),
      "beroep_uitkomst": R.BOETE_BLIJFT}, {"beroep_uitspraak_op"}),
    ({"hoger_beroep_ingesteld_op": date(2026, 6, 1)}, {"hoger_beroep_ingesteld_op"}),  # no judgment yet
    ({"beroep_ingesteld_op": date(2027, 1, 1)}, {"beroep_ingesteld_op"}),  # in the future
])
def test_the_dates_of_bezwaar_beroep_and_hoger_beroep_follow_each_other(kwargs, velden):
    basis = {"bekendgemaakt_op": date(2026, 5, 4), "beslist_op": date(2026, 5, 1), "beroep_ingesteld_op": None,
             "beroep_uitkomst": "", "beroep_uitspraak_op": None, "hoger_beroep_ingesteld_op": None,
             "hoger_beroep_uitkomst": "", "hoger_beroep_uitspraak_op": None, "vandaag": date(2026, 12, 1)}
    assert set(rules.rechtsgang_fouten(**{**basis, **kwargs})) == velden


@pytest.mark.parametrize(("reden", "toelichting", "na_besluit", "veld"), [
    ("naleving_hersteld", "", False, None),
    ("onterecht", "", False, None),
    ("overig", "", False, "toelichting"),
    ("overig", "Verhuisd.", False, None),
    ("afgehandeld", "", False, "reden"),
    ("afgehandeld", "", True, None),
])
def test_closing_needs_a_reason(reden, toelichting, na_besluit, veld):
    fouten = rules.afsluiten_fouten(reden=reden, toelichting=toelichting, na_besluit=na_besluit)
    assert list(fouten) == ([veld] if veld else [])


@pytest.mark.parametrize(("bedrag", "tekst"), [(D(250), "€ 250,00"), (D("2400"), "€ 2.400,00"), (D("12.5"), "€ 12,50")])
def test_amounts_are_written_the_dutch_way(bedrag, tekst):
    assert rules.euro(bedrag) == tekst


# --- which duties the gemeente may fine, and the amount it announced ------------------------------------------
@pytest.mark.parametrize(("verplichting", "is_asiel", "fout"), [
    (Verplichting.LEERROUTE, True, False),
    (Verplichting.LEERROUTE, False, True),  # Wet 23: the leerroute only for asielstatushouders
    (Verplichting.PVT, False, False),
    (Verplichting.MAP, False, False),
    (Verplichting.PIP_NIET_MEEGEWERKT, False, False),
    (Verplichting.INTAKE_NIET_VERSCHENEN, False, False),
])
def test_only_an_asielstatushouder_can_be_fined_for_not_following_the_leerroute(verplichting, is_asiel, fout):
    fouten = rules.verplichting_fouten(verplichting=verplichting, is_asiel=is_asiel)
    assert fouten == ({"verplichting": str(rules.LEERROUTE_ALLEEN_ASIEL)} if fout else {})


@pytest.mark.parametrize(("bedrag", "voornemen", "fout"), [
    (D("25.00"), D("25.00"), False),
    (D("12.50"), D("25.00"), False),  # lower than announced (e.g. after the zienswijze): allowed
    (D("50.00"), D("25.00"), True),  # higher than announced: the person was not heard on it (Awb 4:8)
    (None, D("25.00"), False),
])
def test_a_decision_never_exceeds_the_amount_announced_in_the_voornemen(bedrag, voornemen, fout):
    fouten = rules.boven_voornemen_fouten(bedrag=bedrag, voornemen_bedrag=voornemen)
    assert ("__all__" in fouten) is fout
    if fout:
        assert "€ 50,00" in fouten["__all__"] and "€ 25,00" in fouten["__all__"]


# --- which step when: one table for the zaak page and the services ---------------------------------------
S, Z = rules.Stap, rules.ZaakStatus
ALTIJD_OPEN = [S.NOTITIE, S.BIJSTAND, S.AFSLUITEN]
BOETE_STAPPEN = [S.BEZWAAR, S.BETALING]


@pytest.mark.parametrize(("status", "uitkomst", "consulent", "stappen"), [
    (Z.SIGNAAL, "", True, [S.GESPREK, *ALTIJD_OPEN]),
    (Z.SIGNAAL, "", False, [S.GESPREK, *ALTIJD_OPEN]),
    (Z.GESPREK, "", True, [S.GESPREK, S.WAARSCHUWING, S.RAPPORT, S.VOORNEMEN, *ALTIJD_OPEN]),
    (Z.GESPREK, "", False, [S.GESPREK, S.WAARSCHUWING, S.RAPPORT, *ALTIJD_OPEN]),
    (Z.WAARSCHUWING, "", True, [S.GESPREK, S.RAPPORT, S.VOORNEMEN, *ALTIJD_OPEN]),
    (Z.WAARSCHUWING, "", False, [S.GESPREK, S.RAPPORT, *ALTIJD_OPEN]),
    (Z.VOORNEMEN, "", True, [S.ZIENSWIJZE, S.BESLUIT, *ALTIJD_OPEN]),
    (Z.VOORNEMEN, "", False, [S.ZIENSWIJZE, S.NOTITIE, S.BIJSTAND]),  # closing ends an announced sanction
    (Z.BESLUIT, BesluitUitkomst.BOETE, True, [*BOETE_STAPPEN, *ALTIJD_OPEN]),
    (Z.BESLUIT, BesluitUitkomst.BOETE, False, [S.BETALING, S.NOTITIE, S.BIJSTAND]),
    (Z.BESLUIT, BesluitUitkomst.GEEN_BOETE, True, ALTIJD_OPEN),
    (Z.BESLUIT, BesluitUitkomst.GEEN_BOETE, False, [S.NOTITIE, S.BIJSTAND]),
    (Z.AFGESLOTEN, BesluitUitkomst.BOETE, True, BOETE_STAPPEN),  # a closed fine still has its bezwaar and payment
    (Z.AFGESLOTEN, BesluitUitkomst.BOETE, False, [S.BETALING]),
    (Z.AFGESLOTEN, "", True, []),
])
def test_the_steps_a_zaak_allows_per_status_and_role(status, uitkomst, consulent, stappen):
    stand = rules.ZaakStand(status=status, besluit_uitkomst=uitkomst)
    assert rules.mogelijke_stappen(stand, bewerken=True, consulent=consulent) == stappen


def test_a_rapport_is_made_once_awb_5_48():
    stand = rules.ZaakStand(status=Z.WAARSCHUWING, rapport=True)
    assert S.RAPPORT not in rules.mogelijke_stappen(stand, bewerken=True, consulent=True)


@pytest.mark.parametrize(("regime", "rapport", "fout"), [
    (Regime.PIP, False, rules.RAPPORT_EERST),  # max €800 > €340: Awb 5:53
    (Regime.PIP, True, None),
    (Regime.BREDE_INTAKE, False, None),  # max €250: the ordinary hearing (4:8)
])
def test_a_wet_23_voornemen_needs_the_rapport_first_awb_5_53(regime, rapport, fout):
    fouten = rules.voornemen_fouten(gesprek_uitkomsten=["gevoerd"], waarschuwing_verstuurd=True,
                                    altijd_eerst_waarschuwen=True, regime=regime, rapport_opgemaakt=rapport)
    assert fouten.get("__all__") == (str(fout) if fout else None)


@pytest.mark.parametrize(("dagtekening", "einde"), [
    (date(2026, 3, 2), date(2026, 6, 1)),  # Monday + 13 weeks = Monday
    (date(2026, 2, 21), date(2026, 5, 23)),  # ends on a Saturday: stays (no Algemene termijnenwet)
    (date(2026, 1, 24), date(2026, 4, 25)),
])
def test_the_decision_term_is_13_weeks_after_the_rapport_without_atw_awb_5_51(dagtekening, einde):
    assert rules.beslistermijn_einde(dagtekening) == einde


@pytest.mark.parametrize(("kwargs", "velden"), [
    ({}, set()),
    ({"dagtekening": date(2026, 3, 11)}, {"dagtekening"}),  # in the future
    ({"dagtekening": date(2026, 3, 1)}, {"dagtekening"}),  # before the constatering
    ({"overtreding": " ", "voorschrift": "", "plaats": ""}, {"overtreding", "voorschrift", "plaats"}),
])
def test_the_rapport_names_the_breach_the_rule_and_the_place_awb_5_48(kwargs, velden):
    basis = {"dagtekening": DAG, "geconstateerd_op": date(2026, 3, 2), "overtreding": "Drie lessen gemist.",
             "voorschrift": "Wet 23", "plaats": "Taalschool", "vandaag": DAG}
    assert set(rules.rapport_fouten(**{**basis, **kwargs})) == velden


@pytest.mark.parametrize(("uitkomst", "cautie", "fout"), [
    ("gevoerd", "", True),
    ("gevoerd", "gegeven", False),
    ("gevoerd", "nvt", False),
    ("poging_mislukt", "", False),  # no questioning, no cautie
])
def test_a_held_conversation_records_the_cautie_awb_5_10a(uitkomst, cautie, fout):
    assert bool(rules.gesprek_fouten(uitkomst=uitkomst, cautie=cautie)) is fout


def test_who_may_not_change_the_dossier_has_no_steps():
    assert rules.mogelijke_stappen(rules.ZaakStand(Z.GESPREK), bewerken=False, consulent=True) == []


@pytest.mark.parametrize(("stap", "transitie"), [
    (S.WAARSCHUWING, "waarschuwen"), (S.VOORNEMEN, "voornemen"), (S.BESLUIT, "besluiten"),
    (S.AFSLUITEN, "afsluiten"),
])
def test_the_step_rule_agrees_with_the_status_machine(stap, transitie):
    for status in Z.values:
        zaak = Handhavingszaak(status=status)
        assert rules.stap_mogelijk(stap, rules.ZaakStand(status)) == can_proceed(getattr(zaak, transitie)), status


# --- cross-field rules of the forms, checked by the services too -------------------------------------------
@pytest.mark.parametrize(("verlaagd", "toelichting", "fouten"), [
    (False, "", {}),
    (True, "Per 1 maart.", {}),
    (True, "  ", {"toelichting": str(rules.BIJSTAND_TOELICHTING)}),
])
def test_a_lowered_bijstand_needs_its_explanation(verlaagd, toelichting, fouten):
    assert rules.bijstand_fouten(verlaagd=verlaagd, toelichting=toelichting) == fouten


@pytest.mark.parametrize(("maanden", "start", "fouten"), [
    (None, None, {}),
    (12, DAG, {}),
    (12, None, {"duo_nieuwe_termijn_start": str(rules.DUO_START_VERPLICHT)}),
])
def test_a_new_duo_term_needs_its_start(maanden, start, fouten):
    assert rules.duo_termijn_fouten(maanden=maanden, start=start) == fouten


BEKEND = date(2026, 3, 2)


@pytest.mark.parametrize(("ontvangen", "inhoud", "fouten"), [
    (BEKEND, "Ik was ziek.", {}),
    (DAG, "Ik was ziek.", {}),
    (date(2026, 3, 1), "Ik was ziek.", {"ontvangen_op": rules.ZIENSWIJZE_VOOR_VOORNEMEN}),
    (date(2026, 3, 11), "Ik was ziek.", {"ontvangen_op": rules.DATUM_TOEKOMST}),
    (DAG, "  ", {"inhoud": rules.ZIENSWIJZE_INHOUD}),
])
def test_a_zienswijze_answers_the_voornemen(ontvangen, inhoud, fouten):
    assert rules.zienswijze_fouten(ontvangen_op=ontvangen, inhoud=inhoud, voornemen_op=BEKEND,
                                   vandaag=DAG) == {veld: str(melding) for veld, melding in fouten.items()}


@pytest.mark.parametrize(("ontvangen", "uitkomst", "beslist", "fouten"), [
    (date(2026, 3, 5), "", None, {}),
    (BEKEND, "ongegrond", DAG, {}),
    (date(2026, 3, 1), "", None, {"ontvangen_op": rules.BEZWAAR_NA_BEKENDMAKING}),
    (date(2026, 3, 11), "", None, {"ontvangen_op": rules.DATUM_TOEKOMST}),
    (date(2026, 3, 5), "gegrond", None, {"beslist_op": rules.UITKOMST_ZONDER_DATUM}),
    (date(2026, 3, 5), "", DAG, {"uitkomst": rules.DATUM_ZONDER_UITKOMST}),
    (date(2026, 3, 5), "gegrond", date(2026, 3, 4), {"beslist_op": rules.BESLIST_VOOR_ONTVANGST}),
    (date(2026, 3, 5), "gegrond", date(2026, 3, 11), {"beslist_op": rules.DATUM_TOEKOMST}),
])
def test_the_dates_of_a_bezwaar(ontvangen, uitkomst, beslist, fouten):
    assert rules.bezwaar_fouten(ontvangen_op=ontvangen, uitkomst=uitkomst, beslist_op=beslist, bekendmaking=BEKEND,
                                vandaag=DAG) == {veld: str(melding) for veld, melding in fouten.items()}
