"""DUO extends the inburgeringstermijn (SS103/SS104): recorded on the PIP tab with its ground and
DUO's exclusive new end; the termijnen due at the end of the termijn follow. Also: a fact recorded
in another app's service (the intake completed) recomputes the termijnen it satisfies."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from cases.intake import services as intake_services
from cases.models import Termijn, TermijnStatus
from cases.termijnen.services import termijnen_herberekenen
from inburgering.kalender import datums
from pip_plans import services
from pip_plans.models import TermijnVerlengingDuo
from tests import klok
from tests.factories import BredeIntakeFactory, HandhavingszaakFactory, IntakeGezondheidFactory, PipFactory
from tests.termijnsoorten import S

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _termijnen(dossier) -> dict[str, Termijn]:
    return {t.soort: t for t in Termijn.objects.filter(dossier=dossier, sleutel="")}


@pytest.fixture
def pip(werkcoach):
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    termijnen_herberekenen(dossier_id=pip.dossier_id)
    return pip


def _gewone_duo_einddatum(pip) -> date:
    return datums.inburgeringstermijn(pip.termijn_start, 3).duo_einddatum


def test_a_duo_extension_moves_the_inburgeringstermijn_and_what_is_due_at_its_end(pip, werkcoach):
    nieuw_duo = _gewone_duo_einddatum(pip) + timedelta(days=365)
    verlenging = services.termijnverlenging_duo_vastleggen(
        dossier_id=pip.dossier_id, besluitdatum=VANDAAG, grond="ambtshalve", duo_einddatum=nieuw_duo,
        toelichting="Ziekte", by=werkcoach,
    )

    assert (verlenging.grond, verlenging.duo_einddatum, verlenging.vastgelegd_door) == ("ambtshalve", nieuw_duo, werkcoach)
    assert verlenging.history.first().history_change_reason == "Verlenging DUO vastgelegd (Ambtshalve (SS103))"
    termijnen = _termijnen(pip.dossier)
    laatste_dag = nieuw_duo - timedelta(days=1)  # DUO's einddatum is exclusive
    for soort in (S.INBURGERINGSTERMIJN, S.PVT_AFGEROND, S.MAP_AFGEROND, S.EXAMENS_AFGEROND):
        assert termijnen[soort].fatale_datum == laatste_dag, soort
    assert termijnen[S.INBURGERINGSTERMIJN].basisdatum == pip.termijn_start  # the start never moves
    assert "Verlengd door DUO (Ambtshalve (SS103))" in termijnen[S.INBURGERINGSTERMIJN].toelichting


def test_the_latest_duo_decision_wins(pip, werkcoach):
    gewoon = _gewone_duo_einddatum(pip)
    services.termijnverlenging_duo_vastleggen(dossier_id=pip.dossier_id, besluitdatum=VANDAAG - timedelta(days=10),
                                              grond="op_aanvraag", duo_einddatum=gewoon + timedelta(days=100),
                                              by=werkcoach)
    services.termijnverlenging_duo_vastleggen(dossier_id=pip.dossier_id, besluitdatum=VANDAAG,
                                              grond="ambtshalve", duo_einddatum=gewoon + timedelta(days=50),
                                              by=werkcoach)
    assert _termijnen(pip.dossier)[S.INBURGERINGSTERMIJN].fatale_datum == gewoon + timedelta(days=49)


@pytest.mark.parametrize(("wijzig", "veld"), [
    ({"duo_einddatum": "gewoon"}, "duo_einddatum"),
    ({"besluitdatum": lambda: VANDAAG + timedelta(days=1)}, "besluitdatum"),
    ({"grond": "zomaar"}, "grond"),
])
def test_an_extension_must_end_after_the_ordinary_end_be_decided_already_and_have_a_ground(pip, werkcoach, wijzig,
                                                                                            veld):
    args = {"besluitdatum": VANDAAG, "grond": "op_aanvraag",
            "duo_einddatum": _gewone_duo_einddatum(pip) + timedelta(days=30), **klok.invullen(wijzig)}
    if args["duo_einddatum"] == "gewoon":
        args["duo_einddatum"] = _gewone_duo_einddatum(pip)
    with pytest.raises(ValidationError) as fout:
        services.termijnverlenging_duo_vastleggen(dossier_id=pip.dossier_id, by=werkcoach, **args)
    assert veld in fout.value.message_dict
    assert not TermijnVerlengingDuo.objects.exists()


def test_no_extension_before_there_is_a_termijn(werkcoach):
    concept = PipFactory(dossier__werkcoach=werkcoach)
    with pytest.raises(ValidationError, match="geen vastgesteld PIP"):
        services.termijnverlenging_duo_vastleggen(dossier_id=concept.dossier_id, besluitdatum=VANDAAG,
                                                  grond="ambtshalve", duo_einddatum=VANDAAG + timedelta(days=2000),
                                                  by=werkcoach)


def test_a_manager_cannot_record_an_extension(pip, manager):
    with pytest.raises(PermissionDenied):
        services.termijnverlenging_duo_vastleggen(dossier_id=pip.dossier_id, besluitdatum=VANDAAG,
                                                  grond="ambtshalve",
                                                  duo_einddatum=_gewone_duo_einddatum(pip) + timedelta(days=9),
                                                  by=manager)


def test_the_werkcoach_records_an_extension_on_the_pip_tab(client, pip, werkcoach):
    client.force_login(werkcoach)
    tab = reverse("pip_plans:pip_tab", args=[pip.dossier_id])
    url = reverse("pip_plans:termijnverlenging_nieuw", args=[pip.dossier_id])
    assert url in client.get(tab).content.decode()

    fout = client.post(url, {"besluitdatum": VANDAAG.isoformat(), "grond": "ambtshalve",
                             "duo_einddatum": _gewone_duo_einddatum(pip).isoformat()})
    assert fout.status_code == 200
    assert "Een verlenging eindigt na de gewone einddatum" in fout.content.decode()

    nieuw = _gewone_duo_einddatum(pip) + timedelta(days=200)
    response = client.post(url, {"besluitdatum": VANDAAG.isoformat(), "grond": "op_aanvraag",
                                 "duo_einddatum": nieuw.isoformat()}, follow=True)
    assert response.redirect_chain[-1][0] == tab
    html = response.content.decode()
    assert "Verlengingen door DUO" in html
    assert "Op aanvraag (SS104)" in html
    assert TermijnVerlengingDuo.objects.get().duo_einddatum == nieuw


@pytest.mark.parametrize(("wie", "verwacht"), [("werkcoach", 200), ("collega", 200), ("werkcoach_ander_team", 404),
                                                ("consulent", 200), ("manager", 403), ("beheerder", 404)])
def test_who_may_open_the_extension_page(client, request, pip, wie, verwacht):
    client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("pip_plans:termijnverlenging_nieuw", args=[pip.dossier_id])).status_code == verwacht


def test_completing_the_intake_meets_the_new_intake_term_a_fine_set(werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    IntakeGezondheidFactory(intake=intake)
    HandhavingszaakFactory(boete=True, dossier=intake.dossier, verplichting="intake_niet_verschenen",
                           nieuwe_termijn_einde=VANDAAG + timedelta(days=50))
    termijnen_herberekenen(dossier_id=intake.dossier_id)
    termijn = Termijn.objects.get(dossier=intake.dossier, soort=S.INTAKE_NIEUWE_TERMIJN)
    assert termijn.status == TermijnStatus.OPEN

    intake_services.intake_afronden(dossier_id=intake.dossier_id, zonder_persoon=False, by=werkcoach)

    termijn.refresh_from_db()
    assert (termijn.status, termijn.gehaald_op) == (TermijnStatus.GEHAALD, VANDAAG)
