"""Pure rules (cases/rules.py): table tests, no database."""

from datetime import date

import pytest

from cases import rules
from cases.rules import Doelgroep, DoelgroepKort, Leeftijd

# ---------------------------------------------------------------------------------------------
# BSN: elfproef and normalisation
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bsn",
    [
        "999993653",  # synthetic test BSN
        "111222333",
        "123456782",
        "010000008",  # leading zero
    ],
)
def test_a_bsn_passing_the_elfproef_is_valid(bsn):
    assert rules.bsn_is_geldig(bsn) is True


@pytest.mark.parametrize(
    ("bsn", "waarom"),
    [
        ("999993654", "wrong check digit"),
        ("123456789", "wrong check digit"),
        ("111222334", "wrong check digit"),
        ("12345678", "8 digits"),
        ("1234567820", "10 digits"),
        ("12345678a", "contains a letter"),
        ("abcdefghi", "only letters"),
        ("000000000", "all zeros passes the sum but is no BSN"),
        ("", "empty"),
        ("999 93653", "a space inside (not normalised)"),
        ("١٢٣٤٥٦٧٨٢", "non-ASCII digits"),
    ],
)
def test_a_bsn_failing_the_elfproef_or_the_format_is_invalid(bsn, waarom):
    assert rules.bsn_is_geldig(bsn) is False, waarom


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("999993653", "999993653"),
        ("9999 93 653", "999993653"),
        (" 999993653 ", "999993653"),
        ("9999.93.653", "999993653"),
        ("999-993-653", "999993653"),
        ("10000008", "010000008"),  # the leading zero was left off
        ("1000.0008", "010000008"),
        ("1234567", "1234567"),  # 7 digits: not padded, stays invalid
        ("12345678a", "12345678a"),  # letters are not stripped
    ],
)
def test_normalising_a_bsn_removes_separators_and_restores_a_dropped_leading_zero(invoer, verwacht):
    assert rules.normaliseer_bsn(invoer) == verwacht


def test_a_bsn_typed_with_dots_and_without_its_leading_zero_is_valid_after_normalising():
    assert rules.bsn_is_geldig(rules.normaliseer_bsn("1000.0008"))


def test_a_masked_bsn_shows_only_the_last_four_digits():
    gemaskeerd = rules.maskeer_bsn("999993653")
    assert gemaskeerd.endswith("3653")
    assert "99999" not in gemaskeerd
    assert "9993" not in gemaskeerd


# ---------------------------------------------------------------------------------------------
# Age
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geboren", "peildatum", "verwacht"),
    [
        (date(2004, 5, 17), date(2022, 5, 17), Leeftijd(18, 0)),
        (date(2004, 5, 17), date(2022, 5, 16), Leeftijd(17, 11)),
        (date(2004, 5, 17), date(2022, 6, 16), Leeftijd(18, 0)),
        (date(2004, 5, 17), date(2022, 6, 17), Leeftijd(18, 1)),
        # born 29 February: in a common year the birthday counts from 1 March
        (date(2004, 2, 29), date(2022, 2, 28), Leeftijd(17, 11)),
        (date(2004, 2, 29), date(2022, 3, 1), Leeftijd(18, 0)),
        (date(2004, 2, 29), date(2024, 2, 29), Leeftijd(20, 0)),
        (date(1958, 6, 15), date(2025, 6, 15), Leeftijd(67, 0)),
    ],
)
def test_age_counts_completed_years_and_months(geboren, peildatum, verwacht):
    assert rules.leeftijd_op(geboren, peildatum) == verwacht


AOW_67 = Leeftijd(67, 0)


def _fout(geboren: date, kennisgeving: date, aow: Leeftijd | None = AOW_67) -> str | None:
    return rules.leeftijd_fout(geboortedatum=geboren, kennisgeving=kennisgeving, minimum_jaren=18, aow_leeftijd=aow)


@pytest.mark.parametrize(
    ("geboren", "kennisgeving"),
    [
        (date(2004, 5, 17), date(2022, 5, 17)),  # 18th birthday on the kennisgeving date
        (date(2004, 2, 29), date(2022, 3, 1)),  # born 29 Feb, 18 from 1 March in a common year
        (date(2004, 2, 29), date(2022, 3, 2)),
        (date(1958, 6, 15), date(2025, 6, 14)),  # one day before the AOW age of 67
        (date(1980, 1, 1), date(2023, 1, 1)),
    ],
)
def test_a_person_from_18_up_to_the_aow_age_is_in_scope(geboren, kennisgeving):
    assert _fout(geboren, kennisgeving) is None


@pytest.mark.parametrize(
    ("geboren", "kennisgeving", "leeftijd"),
    [
        (date(2004, 5, 17), date(2022, 5, 16), 17),  # the day before the 18th birthday
        (date(2004, 2, 29), date(2022, 2, 28), 17),  # born 29 Feb, not yet 18 on 28 Feb
        (date(2010, 1, 1), date(2023, 1, 1), 13),
    ],
)
def test_a_person_under_18_on_the_kennisgeving_date_is_refused_as_too_young(geboren, kennisgeving, leeftijd):
    fout = _fout(geboren, kennisgeving)
    assert fout == str(rules.TE_JONG % {"leeftijd": leeftijd, "minimum": 18})
    assert f"{leeftijd} jaar" in fout


def test_reaching_the_aow_age_exactly_on_the_kennisgeving_date_ends_the_scope():
    fout = _fout(date(1958, 6, 15), date(2025, 6, 15))
    assert fout == str(rules.AOW_BEREIKT % {"aow": AOW_67})
    assert "67 jaar" in fout


@pytest.mark.parametrize(
    ("geboren", "kennisgeving", "verwacht_fout"),
    [
        (date(1956, 9, 10), date(2023, 7, 10), True),  # exactly 66 years and 10 months
        (date(1956, 9, 10), date(2023, 7, 9), False),  # one day before
        (date(1956, 9, 10), date(2023, 8, 1), True),
    ],
)
def test_an_aow_age_with_months_is_compared_to_the_month(geboren, kennisgeving, verwacht_fout):
    fout = _fout(geboren, kennisgeving, aow=Leeftijd(66, 10))
    assert (fout == str(rules.AOW_BEREIKT % {"aow": Leeftijd(66, 10)})) is verwacht_fout
    if not verwacht_fout:
        assert fout is None


def test_without_an_aow_age_for_the_year_the_message_asks_beheer_to_add_it():
    fout = _fout(date(1980, 1, 1), date(2023, 4, 1), aow=None)
    assert fout == str(rules.GEEN_AOW_LEEFTIJD % {"jaar": 2023})
    assert "2023" in fout


def test_a_minor_is_refused_as_too_young_even_without_an_aow_setting():
    assert _fout(date(2010, 1, 1), date(2023, 4, 1), aow=None) == str(
        rules.TE_JONG % {"leeftijd": 13, "minimum": 18}
    )


def test_a_birth_date_after_the_kennisgeving_is_refused():
    assert _fout(date(2023, 1, 2), date(2023, 1, 1)) == str(rules.GEBOORTE_NA_KENNISGEVING)


def test_the_minimum_age_is_a_parameter_not_a_constant():
    assert rules.leeftijd_fout(
        geboortedatum=date(2006, 1, 1), kennisgeving=date(2023, 1, 1), minimum_jaren=16, aow_leeftijd=AOW_67
    ) is None


# ---------------------------------------------------------------------------------------------
# Doelgroep
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doelgroep", "kort"),
    [
        (Doelgroep.ASIELSTATUSHOUDER, DoelgroepKort.ASIEL),
        (Doelgroep.GEZINSHERENIGER_ASIEL, DoelgroepKort.ASIEL),
        (Doelgroep.GEZINSVORMER_ASIEL, DoelgroepKort.ASIEL),
        (Doelgroep.GEZINSHERENIGER, DoelgroepKort.GEZINS_OVERIG),
        (Doelgroep.GEZINSVORMER, DoelgroepKort.GEZINS_OVERIG),
        (Doelgroep.GEESTELIJK_BEDIENAAR, DoelgroepKort.GEZINS_OVERIG),
        (Doelgroep.OVERIG, DoelgroepKort.GEZINS_OVERIG),
    ],
)
def test_duos_detailed_doelgroep_maps_to_asiel_or_gezins_overig(doelgroep, kort):
    assert rules.doelgroep_kort(doelgroep) == kort


def test_the_mapping_table_covers_every_doelgroep_duo_sends():
    assert {code for code, _label in Doelgroep.CHOICES} == {
        "Asielstatushouder", "Geestelijk bedienaar", "Gezinshereniger", "Gezinshereniger met Asielstatushouder",
        "Gezinsvormer", "Gezinsvormer met Asielstatushouder", "Overig",
    }


@pytest.mark.parametrize("onbekend", ["asielstatushouder", "Statushouder", "", "asiel"])
def test_an_unknown_doelgroep_raises_instead_of_guessing(onbekend):
    with pytest.raises(ValueError, match="Onbekende doelgroep"):
        rules.doelgroep_kort(onbekend)


def test_filtering_on_asiel_selects_the_three_asiel_doelgroepen():
    assert set(rules.doelgroepen_voor(DoelgroepKort.ASIEL)) == {
        Doelgroep.ASIELSTATUSHOUDER, Doelgroep.GEZINSHERENIGER_ASIEL, Doelgroep.GEZINSVORMER_ASIEL,
    }
    assert len(rules.doelgroepen_voor(DoelgroepKort.GEZINS_OVERIG)) == 4


# ---------------------------------------------------------------------------------------------
# Key dates
# ---------------------------------------------------------------------------------------------

VANDAAG = date(2024, 6, 10)


@pytest.mark.parametrize(
    ("datums", "koppeling", "huisvesting", "verwacht"),
    [
        ({"datum_kennisgeving": date(2024, 6, 11)}, None, None,
         {"datum_kennisgeving": str(rules.DATUM_IN_TOEKOMST)}),
        ({"datum_kennisgeving": VANDAAG}, None, None, {}),  # today is not the future
        ({"geboortedatum": date(2030, 1, 1), "datum_kennisgeving": None}, None, None,
         {"geboortedatum": str(rules.DATUM_IN_TOEKOMST)}),
        ({}, date(2024, 3, 1), date(2024, 2, 29),
         {"datum_huisvesting": str(rules.HUISVESTING_VOOR_KOPPELING)}),
        ({}, date(2024, 3, 1), date(2024, 3, 1), {}),  # housed on the day of koppeling: fine
        ({}, date(2024, 3, 1), date(2024, 5, 1), {}),
        ({}, None, date(2024, 2, 1), {}),  # no koppeling known: nothing to compare
    ],
)
def test_key_dates_are_not_in_the_future_and_huisvesting_is_not_before_koppeling(
    datums, koppeling, huisvesting, verwacht
):
    assert rules.datum_fouten(vandaag=VANDAAG, datums=datums, koppeling=koppeling, huisvesting=huisvesting) == verwacht


def test_a_future_huisvesting_date_reports_the_future_not_the_order():
    fouten = rules.datum_fouten(
        vandaag=VANDAAG,
        datums={"datum_koppeling": date(2024, 7, 1), "datum_huisvesting": date(2024, 6, 20)},
        koppeling=date(2024, 7, 1),
        huisvesting=date(2024, 6, 20),
    )
    assert fouten == {
        "datum_koppeling": str(rules.DATUM_IN_TOEKOMST),
        "datum_huisvesting": str(rules.DATUM_IN_TOEKOMST),
    }


@pytest.mark.parametrize(
    ("tolk_nodig", "tolk_taal", "fout"),
    [
        (False, "", False),
        (False, "Arabisch", False),
        (True, "Arabisch", False),
        (True, "", True),
        (True, "   ", True),
    ],
)
def test_who_needs_an_interpreter_needs_a_language(tolk_nodig, tolk_taal, fout):
    assert (rules.tolk_fout(tolk_nodig=tolk_nodig, tolk_taal=tolk_taal) == str(rules.TOLK_TAAL_VERPLICHT)) is fout
    assert (rules.tolk_fout(tolk_nodig=tolk_nodig, tolk_taal=tolk_taal) is None) is not fout
