"""The pure rules of the termijnen engine, as tables with edge dates (leap day, month ends)."""

from datetime import date

import pytest

from cases.contact.rules import ContactSoort, LeerroutePast, contact_fouten
from cases.termijnen.rules import (
    DATUM_TOEKOMST,
    REDEN_VERPLICHT,
    SNOOZE_VERLEDEN,
    TermijnBerekening,
    nieuwe_stand,
    opgeschorte_dagen,
    opschorten_fouten,
    streefdatum,
    volgend_voortgangsgesprek,
    wegzetten_fout,
)

D = date
VANDAAG = D(2025, 6, 16)
FATAAL = D(2025, 7, 31)
STREEF = D(2025, 7, 17)


@pytest.mark.parametrize(("fatale_datum", "vooraf", "basis", "verwacht"), [
    (D(2025, 3, 15), 14, D(2025, 1, 1), D(2025, 3, 1)),
    (D(2024, 3, 14), 14, D(2024, 1, 1), D(2024, 2, 29)),  # leap day
    (D(2025, 3, 14), 14, D(2025, 1, 1), D(2025, 2, 28)),  # no leap day
    (D(2025, 1, 10), 14, D(2025, 1, 1), D(2025, 1, 1)),  # never before the basisdatum
    (D(2025, 1, 10), 0, D(2025, 1, 1), D(2025, 1, 10)),  # no warning period: the fatale datum itself
    (D(2025, 1, 1), 14, D(2025, 1, 1), D(2025, 1, 1)),  # a termijn of zero days
])
def test_streefdatum_is_the_warning_period_before_the_fatale_datum(fatale_datum, vooraf, basis, verwacht):
    assert streefdatum(fatale_datum=fatale_datum, vooraf_dagen=vooraf, basisdatum=basis) == verwacht


@pytest.mark.parametrize(("perioden", "dagen"), [
    ([], 0),
    ([(D(2025, 3, 1), D(2025, 3, 1))], 1),  # both ends inclusive
    ([(D(2024, 2, 28), D(2024, 3, 1))], 3),  # across a leap day
    ([(D(2025, 2, 28), D(2025, 3, 1))], 2),
    ([(D(2024, 12, 31), D(2025, 1, 1))], 2),  # across the year end
    ([(D(2025, 1, 1), D(2025, 1, 10)), (D(2025, 2, 1), D(2025, 2, 5))], 15),  # two periods add up
    ([(D(2025, 1, 1), D(2025, 1, 10)), (D(2025, 2, 1), None)], 10),  # a running one counts when it ends
    ([(D(2025, 2, 1), None)], 0),
])
def test_opgeschorte_dagen_counts_closed_suspensions_inclusively(perioden, dagen):
    assert opgeschorte_dagen(perioden) == dagen


def berekening(fatale_datum=FATAAL, gehaald_op=None) -> TermijnBerekening:
    return TermijnBerekening(soort="pip_vaststellen", basisdatum=D(2025, 5, 22), fatale_datum=fatale_datum,
                             gehaald_op=gehaald_op)


def stand(huidig, b=None, *, streef=STREEF, dagen=0, loopt=False, oude_streef=STREEF):
    return nieuwe_stand(huidige_status=huidig, berekening=b or berekening(), streef=streef, opgeschort_dagen=dagen,
                        loopt_opschorting=loopt, vandaag=VANDAAG, oude_streefdatum=oude_streef)


@pytest.mark.parametrize(("omschrijving", "kwargs", "status", "fataal", "streef", "reset"), [
    ("new termijn", {"huidig": None, "oude_streef": None}, "open", D(2025, 7, 31), D(2025, 7, 17), True),
    ("new termijn already overdue stays open: the sweep marks it",
     {"huidig": None, "b": berekening(D(2025, 6, 1)), "streef": D(2025, 5, 22), "oude_streef": None},
     "open", D(2025, 6, 1), D(2025, 5, 22), True),
    ("open, nothing changed", {"huidig": "open"}, "open", D(2025, 7, 31), D(2025, 7, 17), False),
    ("open, fact recorded", {"huidig": "open", "b": berekening(gehaald_op=D(2025, 6, 10))},
     "gehaald", D(2025, 7, 31), D(2025, 7, 17), False),
    ("verlopen, fact recorded late", {"huidig": "verlopen", "b": berekening(D(2025, 6, 1), D(2025, 6, 10)),
                                      "streef": D(2025, 5, 22), "oude_streef": D(2025, 5, 22)},
     "gehaald", D(2025, 6, 1), D(2025, 5, 22), False),
    ("gehaald, fact withdrawn", {"huidig": "gehaald"}, "open", D(2025, 7, 31), D(2025, 7, 17), False),
    ("gehaald, fact withdrawn after the date: open, the sweep signals it",
     {"huidig": "gehaald", "b": berekening(D(2025, 6, 1)), "streef": D(2025, 5, 22), "oude_streef": D(2025, 5, 22)},
     "open", D(2025, 6, 1), D(2025, 5, 22), False),
    ("verlopen, still in the past", {"huidig": "verlopen", "b": berekening(D(2025, 6, 15)),
                                     "streef": D(2025, 6, 1), "oude_streef": D(2025, 6, 1)},
     "verlopen", D(2025, 6, 15), D(2025, 6, 1), False),
    ("verlopen, reopened by a later date (DUO extended)", {"huidig": "verlopen", "oude_streef": D(2025, 6, 1)},
     "open", D(2025, 7, 31), D(2025, 7, 17), True),
    ("verlopen, new fatale datum is today: its last day, so open",
     {"huidig": "verlopen", "b": berekening(VANDAAG), "streef": D(2025, 6, 2), "oude_streef": D(2025, 6, 1)},
     "open", VANDAAG, D(2025, 6, 2), True),
    ("open with a running suspension", {"huidig": "opgeschort", "loopt": True},
     "opgeschort", D(2025, 7, 31), D(2025, 7, 17), False),
    ("a running suspension does not hide a recorded fact", {"huidig": "opgeschort", "loopt": True,
                                                            "b": berekening(gehaald_op=D(2025, 6, 10))},
     "gehaald", D(2025, 7, 31), D(2025, 7, 17), False),
    ("resumed after 10 suspended days: both dates move",
     {"huidig": "open", "dagen": 10, "oude_streef": D(2025, 7, 27)}, "open", D(2025, 8, 10), D(2025, 7, 27), False),
    ("suspended days counted for the first time: the warning is reset",
     {"huidig": "open", "dagen": 3}, "open", D(2025, 8, 3), D(2025, 7, 20), True),
])
def test_nieuwe_stand(omschrijving, kwargs, status, fataal, streef, reset):
    uitkomst = stand(kwargs.pop("huidig"), **kwargs)
    assert (uitkomst.status, uitkomst.fatale_datum, uitkomst.streefdatum, uitkomst.reset_nadert) == (
        status, fataal, streef, reset), omschrijving


@pytest.mark.parametrize(("laatste", "start", "aantal", "verwacht"), [
    # From the PIP number: the span from the start to the last day (1-1-2024 → 31-12-2026 is 1095 days)
    # divided by the number, so the last gesprek is due on or before the termijn's last day.
    (None, D(2024, 1, 1), 6, D(2024, 7, 1)),  # 1095 // 6 = 182 days after the start
    (D(2024, 3, 10), D(2024, 1, 1), 6, D(2024, 9, 8)),  # 182 days after the last gesprek
    (None, D(2025, 1, 1), 6, D(2025, 7, 2)),  # 1094 // 6 = 182
    (None, D(2024, 1, 1), 12, D(2024, 4, 1)),  # 1095 // 12 = 91
    (None, D(2024, 1, 1), 40, D(2024, 1, 28)),  # 1095 // 40 = 27
    (None, D(2024, 1, 1), 1, D(2026, 12, 31)),  # one gesprek: on the last day, not the day after
    # Without a PIP number: the policy default, every 8 weeks (56 days).
    (D(2024, 1, 5), None, None, D(2024, 3, 1)),  # across the leap day
    (D(2025, 1, 5), None, None, D(2025, 3, 2)),
    (D(2025, 1, 31), D(2024, 6, 1), None, D(2025, 3, 28)),  # the last gesprek counts, not the start
    (None, D(2025, 1, 31), 0, D(2025, 3, 28)),  # zero in the PIP: default
    (D(2025, 11, 20), None, None, D(2026, 1, 15)),  # across the year end
])
def test_volgend_voortgangsgesprek(laatste, start, aantal, verwacht):
    datum, _uitleg = volgend_voortgangsgesprek(laatste=laatste, termijn_start=start, aantal_in_pip=aantal, jaren=3,
                                               standaard_weken=8)
    assert datum == verwacht


def test_volgend_voortgangsgesprek_explains_where_the_interval_comes_from():
    _d, uit_pip = volgend_voortgangsgesprek(laatste=None, termijn_start=D(2024, 1, 1), aantal_in_pip=6, jaren=3,
                                            standaard_weken=8)
    _d, standaard = volgend_voortgangsgesprek(laatste=D(2024, 1, 1), termijn_start=None, aantal_in_pip=None, jaren=3,
                                              standaard_weken=8)
    assert uit_pip == "6 gesprekken verdeeld over de termijn"
    assert standaard == "elke 8 weken"


def test_without_a_start_or_a_gesprek_there_is_no_voortgangsgesprek_termijn():
    assert volgend_voortgangsgesprek(laatste=None, termijn_start=None, aantal_in_pip=6, jaren=3,
                                     standaard_weken=8) is None


def fouten(**wijzig):
    args = {"soort": ContactSoort.VOORTGANGSGESPREK, "datum": VANDAAG, "vandaag": VANDAAG,
            "leerroute_past": LeerroutePast.JA, "volgende_afspraak": None, "tolk_gebruikt": False, "tolk_taal": ""}
    return set(contact_fouten(**{**args, **wijzig}))


@pytest.mark.parametrize(("wijzig", "velden"), [
    ({}, set()),
    ({"datum": D(2025, 6, 17)}, {"datum"}),  # tomorrow
    ({"datum": D(2024, 2, 29)}, set()),
    ({"volgende_afspraak": VANDAAG}, {"volgende_afspraak"}),
    ({"volgende_afspraak": D(2025, 8, 11)}, set()),
    ({"leerroute_past": ""}, {"leerroute_past"}),
    ({"leerroute_past": "", "soort": ContactSoort.NO_SHOW}, set()),  # a no-show has no content
    ({"leerroute_past": "", "soort": ContactSoort.TELEFONISCH}, set()),
    ({"tolk_gebruikt": True}, {"tolk_taal"}),
    ({"tolk_gebruikt": True, "tolk_taal": "Tigrinya"}, set()),
])
def test_contact_fouten(wijzig, velden):
    assert fouten(**wijzig) == velden


@pytest.mark.parametrize(
    ("tot", "fout"),
    [(D(2025, 6, 15), True), (VANDAAG, True), (D(2025, 6, 17), False), (D(2026, 2, 28), False)],
)
def test_a_signal_is_snoozed_until_a_day_still_to_come(tot, fout):
    assert wegzetten_fout(tot=tot, vandaag=VANDAAG) == (str(SNOOZE_VERLEDEN) if fout else None)


@pytest.mark.parametrize(
    ("van", "reden", "fouten"),
    [
        (VANDAAG, "Ziekenhuisopname", {}),
        (D(2025, 1, 1), "Ziekenhuisopname", {}),
        (D(2025, 6, 17), "Ziekenhuisopname", {"van": str(DATUM_TOEKOMST)}),
        (VANDAAG, "  ", {"reden": str(REDEN_VERPLICHT)}),
        (D(2025, 6, 17), "", {"reden": str(REDEN_VERPLICHT), "van": str(DATUM_TOEKOMST)}),
    ],
)
def test_a_suspension_has_a_reason_and_does_not_start_in_the_future(van, reden, fouten):
    assert opschorten_fouten(van=van, reden=reden, vandaag=VANDAAG) == fouten
