"""Table tests for the pure intake rules (Wet inburgering 2021 art. 14, Besluit 5.2)."""

from datetime import date

import pytest

from cases.intake import rules
from cases.intake.rules import EerdereUitnodiging as U
from cases.intake.rules import IntakeStand, LbtUitkomst, LbtVrijstelling
from cases.models import Fase

VANDAAG = date(2026, 3, 10)

COMPLEET = IntakeStand(
    lbt_uitkomst=LbtUitkomst.HAALBAAR, lbt_vrijstelling="", lbt_geen_reden="", opleiding_niveau="basis",
    aantal_werkervaringen=1, geen_werkervaring=False, gezondheid_ingevuld=True, zonder_medewerking=False,
    taalniveau="A1", arbeidsparticipatie="Wil in de zorg werken", zelfredzaamheid="gemiddeld", een_op_een_gewezen=True,
)
LEEG = IntakeStand(
    lbt_uitkomst="", lbt_vrijstelling="", lbt_geen_reden="", opleiding_niveau="",
    aantal_werkervaringen=0, geen_werkervaring=False, gezondheid_ingevuld=False, zonder_medewerking=False,
    taalniveau="", arbeidsparticipatie="", zelfredzaamheid="", een_op_een_gewezen=False,
)


def _stand(basis: IntakeStand = COMPLEET, **wijzig) -> IntakeStand:
    return IntakeStand(**{**basis.__dict__, **wijzig})


@pytest.mark.parametrize(
    ("stand", "verwacht"),
    [
        pytest.param(COMPLEET, [], id="complete-intake-misses-nothing"),
        pytest.param(LEEG, [rules.ONTBREEKT_LBT, rules.ONTBREEKT_OPLEIDING, rules.ONTBREEKT_WERK,
                            rules.ONTBREEKT_GEZONDHEID, rules.ONTBREEKT_TAALNIVEAU, rules.ONTBREEKT_ARBEIDSPARTICIPATIE,
                            rules.ONTBREEKT_ZELFREDZAAMHEID, rules.ONTBREEKT_EEN_OP_EEN], id="empty-intake-misses-all"),
        pytest.param(_stand(lbt_uitkomst=""), [rules.ONTBREEKT_LBT], id="no-lbt-result"),
        pytest.param(_stand(lbt_uitkomst="", lbt_geen_reden="   "), [rules.ONTBREEKT_LBT], id="blank-lbt-reason"),
        pytest.param(_stand(lbt_uitkomst="", lbt_vrijstelling=LbtVrijstelling.VISUEEL), [],
                     id="lbt-exemption-counts"),
        pytest.param(_stand(lbt_uitkomst="", lbt_geen_reden="Toets gepland in mei"), [], id="lbt-reason-counts"),
        pytest.param(_stand(lbt_uitkomst=LbtUitkomst.ONBEKEND), [], id="lbt-onbekend-is-a-result"),
        pytest.param(_stand(opleiding_niveau=""), [rules.ONTBREEKT_OPLEIDING], id="no-opleiding"),
        pytest.param(_stand(aantal_werkervaringen=0), [rules.ONTBREEKT_WERK], id="no-work-and-not-marked-none"),
        pytest.param(_stand(aantal_werkervaringen=0, geen_werkervaring=True), [], id="marked-no-work-experience"),
        pytest.param(_stand(gezondheid_ingevuld=False), [rules.ONTBREEKT_GEZONDHEID], id="no-health"),
        pytest.param(_stand(LEEG, zonder_medewerking=True), [], id="zonder-medewerking-requires-nothing-wet-14-lid-2"),
        pytest.param(_stand(taalniveau=""), [rules.ONTBREEKT_TAALNIVEAU], id="no-taalniveau-besluit-5-2"),
        pytest.param(_stand(arbeidsparticipatie="  "), [rules.ONTBREEKT_ARBEIDSPARTICIPATIE],
                     id="no-arbeidsparticipatie-besluit-5-2"),
        pytest.param(_stand(zelfredzaamheid=""), [rules.ONTBREEKT_ZELFREDZAAMHEID], id="no-zelfredzaamheid-besluit-5-2"),
        pytest.param(_stand(een_op_een_gewezen=False), [rules.ONTBREEKT_EEN_OP_EEN],
                     id="no-notice-of-one-to-one-talks-besluit-5-2-lid-2"),
        pytest.param(_stand(taalniveau="geen"), [], id="taalniveau-geen-is-an-answer"),
        pytest.param(_stand(LEEG, zonder_medewerking=True, een_op_een_gewezen=False), [],
                     id="without-the-person-no-notice-needed-wet-14-lid-2"),
    ],
)
def test_intake_ontbrekend_names_every_missing_part_wet_14_besluit_5_2(stand, verwacht):
    """Wet 14 lid 3 and Besluit 5.2 (taalniveau, arbeidsparticipatie, zelfredzaamheid; lid 2 the
    notice of one-to-one talks) must be recorded — unless completed without the person (Wet 14 lid 2)."""
    assert rules.intake_ontbrekend(stand) == [str(m) for m in verwacht]


def test_missing_health_tells_a_user_without_access_who_must_fill_it_in():
    ontbreekt = rules.intake_ontbrekend(_stand(gezondheid_ingevuld=False), mag_gezondheid=False)
    assert ontbreekt == [str(rules.ONTBREEKT_GEZONDHEID_GEEN_TOEGANG)]


@pytest.mark.parametrize(
    ("kwargs", "verwacht"),
    [
        pytest.param({}, {}, id="result-with-score-and-date-is-fine"),
        pytest.param({"vrijstelling": LbtVrijstelling.AUDITIEF}, {"lbt_vrijstelling": rules.LBT_UITSLAG_EN_VRIJSTELLING},
                     id="result-and-exemption-together-refused"),
        pytest.param({"vrijstelling": LbtVrijstelling.VISUEEL, "uitkomst": LbtUitkomst.ONBEKEND}, {},
                     id="exemption-with-onbekend-allowed"),
        pytest.param({"vrijstelling": LbtVrijstelling.VISUEEL, "uitkomst": ""}, {}, id="exemption-only"),
        pytest.param({"vereiste": None}, {"lbt_vereiste_score": rules.LBT_SCORE_ONVOLLEDIG}, id="score-without-required"),
        pytest.param({"score": None}, {"lbt_vereiste_score": rules.LBT_SCORE_ONVOLLEDIG}, id="required-without-score"),
        pytest.param({"score": None, "vereiste": None}, {}, id="neither-score"),
        pytest.param({"datum": date(2026, 3, 11)}, {"lbt_datum": rules.LBT_DATUM_TOEKOMST}, id="date-tomorrow-refused"),
        pytest.param({"datum": VANDAAG}, {}, id="date-today-allowed"),
    ],
)
def test_lbt_fouten(kwargs, verwacht):
    args = {"uitkomst": LbtUitkomst.HAALBAAR, "vrijstelling": "", "score": 55, "vereiste": 50,
            "datum": date(2026, 3, 1), "vandaag": VANDAAG, **kwargs}
    assert rules.lbt_fouten(**args) == {k: str(v) for k, v in verwacht.items()}


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        pytest.param("2, 5, 11", [2, 5, 11], id="comma-separated"),
        pytest.param("2;5", [2, 5], id="semicolons-accepted"),
        pytest.param("", [], id="empty"),
        pytest.param(" 0 ,30,", [0, 30], id="bounds-and-trailing-comma"),
    ],
)
def test_leeftijden_kinderen_parses_ages(invoer, verwacht):
    assert rules.leeftijden_kinderen(invoer) == verwacht


@pytest.mark.parametrize("invoer", ["twee", "2.5", "31", "-1", "2 5"], ids=["word", "decimal", "too-old", "negative",
                                                                           "no-separator"])
def test_leeftijden_kinderen_refuses_anything_else(invoer):
    with pytest.raises(ValueError):
        rules.leeftijden_kinderen(invoer)


@pytest.mark.parametrize(
    ("leeftijden", "relevant"),
    [([], False), ([5], True), ([6], False), ([12, 0], True), ([2, 5, 11], True)],
    ids=["no-children", "five-year-old", "six-year-old", "baby-among-older", "mixed"],
)
def test_vve_is_relevant_only_with_children_under_six(leeftijden, relevant):
    assert rules.vve_relevant(leeftijden) is relevant


VERZONDEN = date(2026, 3, 1)
WAARSCHUWING = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("eerdere", "wijzig", "verwacht"),
    [
        pytest.param([], {}, {}, id="first-summons-needs-no-warning"),
        pytest.param([], {"gesprek_op": date(2026, 2, 28)}, {"gesprek_op": rules.UITNODIGING_DATUMS},
                     id="talk-before-sending-refused"),
        pytest.param([], {"gesprek_op": VERZONDEN}, {}, id="talk-on-sending-day-allowed"),
        pytest.param([], {"reactie_uiterlijk": date(2026, 2, 28)}, {"reactie_uiterlijk": rules.UITNODIGING_REACTIE},
                     id="response-term-before-sending-refused"),
        pytest.param([U(1, None)], {"waarschuwing_op": WAARSCHUWING}, {"__all__": rules.UITNODIGING_EERST_VORIGE},
                     id="second-before-outcome-of-first-refused"),
        pytest.param([U(1, True)], {"waarschuwing_op": WAARSCHUWING}, {"__all__": rules.UITNODIGING_VERSCHENEN},
                     id="second-after-appearance-refused"),
        pytest.param([U(1, False)], {}, {"waarschuwing_op": rules.UITNODIGING_WAARSCHUWING},
                     id="second-without-written-warning-refused"),
        pytest.param([U(1, False)], {"waarschuwing_op": WAARSCHUWING}, {}, id="second-with-warning-allowed"),
        pytest.param([U(1, False), U(2, False)], {}, {}, id="third-after-second-no-show-allowed"),
        pytest.param([U(2, None), U(1, False)], {}, {"__all__": rules.UITNODIGING_EERST_VORIGE},
                     id="third-before-outcome-of-second-refused"),
        pytest.param([U(1, False), U(2, False), U(3, False)], {"waarschuwing_op": WAARSCHUWING},
                     {"__all__": rules.UITNODIGING_MAXIMUM}, id="no-fourth-summons"),
        pytest.param([U(1, False), U(2, False), U(3, None)], {}, {"__all__": rules.UITNODIGING_MAXIMUM},
                     id="no-fourth-even-before-outcome-of-third"),
    ],
)
def test_nieuwe_uitnodiging_fouten_follows_the_summons_sequence(eerdere, wijzig, verwacht):
    args = {"eerdere": eerdere, "verzonden_op": VERZONDEN, "gesprek_op": date(2026, 3, 15),
            "reactie_uiterlijk": None, "waarschuwing_op": None, **wijzig}
    assert rules.nieuwe_uitnodiging_fouten(**args) == {k: str(v) for k, v in verwacht.items()}


@pytest.mark.parametrize(
    ("eerdere", "mag"),
    [
        pytest.param([], False, id="no-summons"),
        pytest.param([U(1, False), U(2, False)], False, id="two-no-shows"),
        pytest.param([U(1, False), U(2, False), U(3, None)], False, id="third-outcome-unknown"),
        pytest.param([U(1, False), U(2, False), U(3, True)], False, id="appeared-on-third"),
        pytest.param([U(1, False), U(2, False), U(3, False)], True, id="no-show-on-third"),
    ],
)
def test_intake_may_be_completed_without_the_person_only_after_a_third_no_show(eerdere, mag):
    assert rules.mag_zonder_persoon_afronden(eerdere) is mag


@pytest.mark.parametrize(
    ("fase", "open_"),
    [(Fase.AANGEMELD, True), (Fase.OVERDRACHT, True), (Fase.INTAKE, True), (Fase.PIP_IN_OPSTELLING, False),
     (Fase.IN_UITVOERING, False), (Fase.AFGEROND, False), (Fase.BEEINDIGD, False)],
)
def test_the_overdracht_and_intake_can_change_until_the_intake_is_completed(fase, open_):
    assert rules.intake_open(fase) is open_
