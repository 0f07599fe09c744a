"""The PIP deadline is extended only for information asked before the 10 weeks ran out (Besluit
inburgering 2021 art. 5.3 lid 2; DOMAIN §5, §8; issue 10 item 9), and a beschikking shows when it
became onherroepelijk (Awb 6:7; item 10)."""

from datetime import date, timedelta

from django.contrib.messages import get_messages
from django.urls import reverse

import pytest

from cases.models import Termijn
from cases.termijnen.services import termijnen_herberekenen
from inburgering.kalender import datums
from pip_plans import rules, selectors, services
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.factories import BredeIntakeFactory, PipFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


@pytest.mark.parametrize(("gevraagd_op", "verlengt"), [
    pytest.param(date(2026, 3, 2), True, id="well-before"),
    pytest.param(date(2026, 3, 16), True, id="on-the-last-day"),
    pytest.param(date(2026, 3, 17), False, id="the-day-after"),
    pytest.param(date(2026, 6, 1), False, id="months-later"),
])
def test_a_request_extends_only_before_the_10_weeks_ran_out_besluit_5_3_lid_2(gevraagd_op, verlengt):
    assert rules.informatieverzoek_verlengt(
        gevraagd_op=gevraagd_op, oorspronkelijke_fatale_datum=date(2026, 3, 16)) is verlengt


def test_without_a_computable_deadline_a_request_counts_besluit_5_3_lid_2():
    assert rules.informatieverzoek_verlengt(gevraagd_op=date(2026, 3, 16), oorspronkelijke_fatale_datum=None)


def deadline(kennisgeving, verzoeken):
    return rules.pip_deadline(kennisgeving=kennisgeving, is_asiel=False, brp_vestiging=None,
                              vestiging_na_verhuizing=None, verzoeken=verzoeken, extra_vrije_dagen=frozenset())


@pytest.mark.parametrize(("kennisgeving", "verzoeken", "laatste", "fataal", "opgeschort"), [
    # 10 weeks after 5 Jan 2026: Monday 16 March.
    pytest.param(date(2026, 1, 5), [(date(2026, 3, 16), date(2026, 3, 20))], date(2026, 4, 3), date(2026, 4, 7),
                 False, id="asked-on-last-day-extends-then-goede-vrijdag-and-easter-atw"),
    pytest.param(date(2026, 1, 5), [(date(2026, 3, 17), date(2026, 3, 20))], date(2026, 3, 16), date(2026, 3, 16),
                 False, id="asked-a-day-late-extends-nothing"),
    pytest.param(date(2026, 1, 5), [(date(2026, 3, 17), None)], date(2026, 3, 16), date(2026, 3, 16),
                 False, id="late-request-awaited-does-not-suspend"),
    pytest.param(date(2026, 1, 5), [(date(2026, 3, 2), None)], None, None,
                 True, id="timely-request-awaited-suspends"),
    pytest.param(date(2026, 1, 5), [(date(2026, 3, 2), date(2026, 3, 10)), (date(2026, 3, 20), None)],
                 date(2026, 3, 24), date(2026, 3, 24), False, id="late-second-request-ignored"),
    # 10 weeks after 1 Mar 2025 end on Saturday 10 May: the Atw makes it Monday 12 May, still in time.
    pytest.param(date(2025, 3, 1), [(date(2025, 5, 12), date(2025, 5, 20))], date(2025, 6, 3), date(2025, 6, 3),
                 False, id="asked-on-the-atw-extended-day-counts"),
])
def test_pip_deadline_with_information_requests_besluit_5_3_lid_2(kennisgeving, verzoeken, laatste, fataal,
                                                                   opgeschort):
    uitkomst = deadline(kennisgeving, verzoeken)
    assert (uitkomst.laatste_dag, uitkomst.fatale_datum, uitkomst.opgeschort) == (laatste, fataal, opgeschort)
    assert "5.3" in uitkomst.toelichting


@pytest.fixture
def te_laat(werkcoach):
    """A dossier whose 10 weeks ran out long ago."""
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    dossier.datum_kennisgeving = VANDAAG - timedelta(days=120)
    dossier.datum_brp_vestiging = dossier.datum_kennisgeving
    dossier.save()
    return dossier


@pytest.mark.django_db
def test_a_late_request_is_recorded_but_moves_no_deadline(te_laat, werkcoach):
    termijnen_herberekenen(dossier_id=te_laat.pk)
    voor = selectors.pip_deadline_voor(te_laat).deadline
    verzoek = services.informatieverzoek_vastleggen(dossier_id=te_laat.pk, wat="Medisch advies", van_wie="GGD",
                                                    gevraagd_op=VANDAAG, by=werkcoach)
    na = selectors.pip_deadline_voor(te_laat).deadline
    assert (na.opgeschort, na.fatale_datum) == (False, voor.fatale_datum)
    assert not selectors.informatieverzoek_verlengt(verzoek)
    termijn = Termijn.objects.get(dossier=te_laat, soort=PipTermijn.PIP_VASTSTELLEN)
    assert termijn.status != "opgeschort" and termijn.fatale_datum == voor.fatale_datum


@pytest.mark.django_db
def test_the_form_says_why_a_late_request_extends_nothing(client, te_laat, werkcoach):
    client.force_login(werkcoach)
    url = reverse("pip_plans:informatieverzoek_nieuw", args=[te_laat.pk])
    uiterst = selectors.pip_deadline_voor(te_laat).deadline.oorspronkelijke_fatale_datum

    pagina = client.get(url).content.decode()
    assert f"{uiterst:%d-%m-%Y}" in pagina and "art. 5.3 lid 2" in pagina

    antwoord = client.post(url, {"wat": "Medisch advies", "van_wie": "GGD", "gevraagd_op": f"{VANDAAG:%Y-%m-%d}"})
    assert antwoord.status_code == 302
    [melding] = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert "verlengt de PIP-termijn daarom niet" in melding and f"{uiterst:%d-%m-%Y}" in melding
    tab = client.get(reverse("pip_plans:pip_tab", args=[te_laat.pk])).content.decode()
    assert "verlengt de termijn niet" in tab


@pytest.mark.django_db
def test_a_timely_request_still_suspends_the_deadline(client, werkcoach):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    dossier.datum_kennisgeving = VANDAAG - timedelta(days=10)
    dossier.datum_brp_vestiging = dossier.datum_kennisgeving
    dossier.save()
    client.force_login(werkcoach)
    antwoord = client.post(reverse("pip_plans:informatieverzoek_nieuw", args=[dossier.pk]),
                           {"wat": "Medisch advies", "van_wie": "GGD", "gevraagd_op": f"{VANDAAG:%Y-%m-%d}"})
    [melding] = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert "opgeschort tot de ontvangst" in melding
    assert selectors.pip_deadline_voor(dossier).deadline.opgeschort


@pytest.mark.parametrize(("bezwaar_einde", "vandaag", "sinds"), [
    pytest.param(date(2026, 1, 5), date(2026, 1, 5), None, id="last-day-still-open"),
    pytest.param(date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 6), id="day-after"),
    pytest.param(date(2026, 1, 5), date(2026, 3, 1), date(2026, 1, 6), id="later"),
    pytest.param(None, date(2026, 3, 1), None, id="not-bekendgemaakt"),
])
def test_onherroepelijk_the_day_after_the_bezwaartermijn_awb_6_7(bezwaar_einde, vandaag, sinds):
    assert datums.onherroepelijk_sinds(bezwaar_einde, vandaag) == sinds


def test_no_onherroepelijk_after_bezwaar_awb_6_7():
    assert datums.onherroepelijk_sinds(date(2026, 1, 5), date(2026, 3, 1), bezwaar_gemaakt=True) is None


@pytest.mark.django_db
@pytest.mark.parametrize(("dagen", "tekst"), [
    pytest.param(-1, "Onherroepelijk sinds", id="passed"),
    pytest.param(0, "Bezwaar mogelijk tot en met", id="last-day"),
])
def test_the_pip_tab_and_detail_show_onherroepelijk_sinds(client, werkcoach, dagen, tekst):
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dagtekening=VANDAAG - timedelta(days=50),
                     bekendmaking=VANDAAG - timedelta(days=50), termijn_start=VANDAAG - timedelta(days=49),
                     bezwaar_einde=VANDAAG + timedelta(days=dagen))
    client.force_login(werkcoach)
    for url in (reverse("pip_plans:pip_tab", args=[pip.dossier_id]),
                reverse("pip_plans:pip_detail", args=[pip.pk])):
        assert tekst in client.get(url).content.decode()
