"""The agenda's pure rules."""

from datetime import UTC, date, datetime, timedelta

import pytest

from cases.agenda import rules

NU = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
MORGEN = NU + timedelta(days=1)


def fouten(**anders):
    args = {"soort": "voortgangsgesprek", "start": MORGEN, "eind": MORGEN + timedelta(hours=1),
            "locatie": "Stadskantoor", "aantal_medewerkers": 1, "externe_deelnemers": "", "nu": NU, **anders}
    return rules.afspraak_fouten(**args)


def test_a_valid_appointment_has_no_errors():
    assert fouten() == {}


def test_the_end_must_be_after_the_start():
    assert fouten(eind=MORGEN)["eindtijd"] == "De eindtijd moet na de begintijd liggen."
    assert "eindtijd" in fouten(eind=MORGEN - timedelta(minutes=1))


def test_a_new_appointment_is_not_in_the_past_but_an_existing_one_may_be():
    assert "verleden" in fouten(start=NU - timedelta(minutes=1), eind=NU + timedelta(hours=1))["begintijd"]
    assert fouten(start=NU - timedelta(days=1), eind=NU - timedelta(hours=23), nieuw=False) == {}


def test_place_soort_and_medewerkers_are_required():
    f = fouten(locatie="  ", aantal_medewerkers=0, soort="feest")
    assert set(f) == {"locatie", "medewerkers", "soort"}


def test_a_driegesprek_names_the_third_party():
    assert "taalaanbieder" in fouten(soort="driegesprek")["externe_deelnemers"]
    assert fouten(soort="driegesprek", externe_deelnemers="Taalschool Noord") == {}


def test_overlap_is_strict():
    a, b = MORGEN, MORGEN + timedelta(hours=1)
    assert rules.overlapt(a, b, a + timedelta(minutes=30), b + timedelta(hours=1))
    assert not rules.overlapt(a, b, b, b + timedelta(hours=1))  # back to back


@pytest.mark.parametrize(("voornamen", "achternaam", "uit"), [
    ("Amina Fatima", "Bakr", "A.B."), ("jan", "de Vries", "J.D."), ("", "Haddad", "H."), ("Li", "", "L."),
])
def test_initials(voornamen, achternaam, uit):
    assert rules.initialen(voornamen, achternaam) == uit


def test_summary_has_soort_initials_and_kenmerk_only():
    assert rules.samenvatting("Voortgangsgesprek", "A.B.", "VG-123-4") == "Voortgangsgesprek – A.B. – VG-123-4"


def test_week_runs_monday_to_sunday_and_day_is_one_day():
    woensdag = date(2026, 12, 2)
    assert rules.periode(rules.WEEK, woensdag) == (date(2026, 11, 30), date(2026, 12, 7))
    assert rules.periode(rules.DAG, woensdag) == (woensdag, date(2026, 12, 3))
    assert rules.buren(rules.WEEK, woensdag) == (date(2026, 11, 25), date(2026, 12, 9))
    assert rules.buren(rules.DAG, woensdag) == (date(2026, 12, 1), date(2026, 12, 3))
