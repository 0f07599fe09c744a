"""Raadplegingen after a notification, against the DUO stand-in (standins/duo): DUO's facts win, are kept with
their source and time, a different local value becomes a signal, the reads are in the Logboek Dataverwerkingen;
and the nightly reconciliation."""

from datetime import date, timedelta

import pytest

from cases.models import BredeIntake, Dossier, Fase, Signaal
from duo.notificaties import afstemming, instroom, services
from duo.notificaties.models import DuoGegeven, DuoInstroom, DuoNotificatie, DuoVerschil, NotificatieStatus
from inburgering.audit.models import Dataverwerking
from pip_plans.models import TermijnVerlengingDuo
from tests.factories import BredeIntakeFactory, DossierFactory, InburgeraarFactory, PipFactory

from .conftest import BSN_NIEUW
from .test_services import verwerk

pytestmark = [pytest.mark.django_db, pytest.mark.standin]

AMINA, YONAS = "999990007", "999990020"


@pytest.fixture
def duo(duo_standin, settings):
    settings.DUO_URL = duo_standin.url
    return duo_standin


def _dossier(werkcoach, bsn, **kwargs):
    return DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(bsn=bsn), **kwargs)


def test_ss139_fetches_plicht_and_doelgroep_into_the_inflow_and_onto_the_dossier(duo, stub_brp, team, werkcoach):
    verwerk("SS139")
    item = DuoInstroom.objects.get()
    assert item.datum_kennisgeving == date.today()  # the stand-in's "vandaag": DUO's date, not the registration
    assert item.doelgroep == "Asielstatushouder"
    assert item.gegevens["plicht"]["indicatorInburgeringsplicht"] is True
    dossier = instroom.instroom_oppakken(instroom_id=item.pk, by=werkcoach)
    gegevens = {g.soort: g for g in DuoGegeven.objects.filter(dossier=dossier)}
    assert {"plicht", "doelgroep"} <= set(gegevens)
    assert gegevens["plicht"].bron == "DUO /inburgeringsplicht" and gegevens["plicht"].opgehaald_op


def test_duo_wins_over_a_different_local_fact_and_the_werkcoach_hears_it(duo, werkcoach):
    dossier = _dossier(werkcoach, AMINA, doelgroep="Gezinsvormer", datum_kennisgeving=date(2023, 10, 1))
    verwerk("SS124", bsn=AMINA)
    dossier.refresh_from_db()
    assert dossier.doelgroep == "Asielstatushouder"
    signalen = list(Signaal.objects.filter(dossier=dossier).values_list("omschrijving", flat=True))
    assert any("doelgroep Gezinsvormer → Asielstatushouder" in s for s in signalen)
    assert Dataverwerking.objects.filter(activiteit__code="duo-gegevensuitwisseling",
                                         handelingen__contains="ontvangen").exists()


def test_ss131_puts_the_lbt_result_into_the_intake(duo, werkcoach):
    dossier = _dossier(werkcoach, AMINA, fase=Fase.INTAKE)
    BredeIntakeFactory(dossier=dossier, lbt_uitkomst="niet_haalbaar")
    verwerk("SS131", bsn=AMINA)
    intake = BredeIntake.objects.get(dossier=dossier)
    assert (intake.lbt_uitkomst, intake.lbt_score, intake.lbt_vereiste_score, intake.lbt_datum) == (
        "haalbaar", 71, 60, date(2023, 11, 20))
    assert Signaal.objects.filter(dossier=dossier, omschrijving__contains="leerbaarheidstoets").exists()
    assert DuoGegeven.objects.get(dossier=dossier, soort="lbt").waarde[0]["resultaat"] == "B1-route haalbaar"


def test_ss199_keeps_the_exam_results(duo, werkcoach):
    dossier = _dossier(werkcoach, YONAS, fase=Fase.IN_UITVOERING)
    verwerk("SS199", bsn=YONAS)
    assert len(DuoGegeven.objects.get(dossier=dossier, soort="examens").waarde) == 2
    assert Signaal.objects.filter(dossier=dossier, omschrijving__contains="LE Gezakt").exists()


def test_ss103_stores_duos_new_end_as_an_extension_and_recomputes(duo, werkcoach):
    pip = PipFactory(vastgesteld=True, dossier=_dossier(werkcoach, YONAS, fase=Fase.IN_UITVOERING),
                     dagtekening=date(2023, 2, 15), termijn_start=date(2023, 2, 16))
    verwerk("SS103", bsn=YONAS)
    verlenging = TermijnVerlengingDuo.objects.get(dossier=pip.dossier)
    assert verlenging.duo_einddatum == date.today() + timedelta(days=400)
    assert verlenging.grond == "ambtshalve"
    termijn = pip.dossier.termijnen.get(soort="inburgeringstermijn")
    assert termijn.fatale_datum == date.today() + timedelta(days=399)  # DUO's end is exclusive
    # the stand-in's termijn starts 2023-03-01, the PIP says 2023-02-16: a signal
    assert Signaal.objects.filter(dossier=pip.dossier, omschrijving__contains="start inburgeringstermijn").exists()
    verwerk("SS103", bsn=YONAS)  # the same facts again: no second extension
    assert TermijnVerlengingDuo.objects.filter(dossier=pip.dossier).count() == 1


def test_duo_unreachable_leaves_the_notification_waiting(duo, werkcoach):
    _dossier(werkcoach, AMINA)
    duo.beheer("POST", "/_beheer/storing", {"modus": "503", "aantal": 10})
    notificatie = verwerk("SS124", bsn=AMINA)
    assert notificatie.status == NotificatieStatus.ONTVANGEN and "DuoOnbereikbaar" in notificatie.fout
    duo.beheer("POST", "/_beheer/storing", {"modus": None})
    DuoNotificatie.objects.filter(pk=notificatie.pk).update(bezig_tot=None)
    assert services.notificatie_verwerken(notificatie_id=notificatie.pk) == NotificatieStatus.VERWERKT


def test_reconciliation_lists_the_differences_with_duo(duo, werkcoach):
    pip = PipFactory(vastgesteld=True, dossier=_dossier(werkcoach, YONAS, fase=Fase.IN_UITVOERING),
                     dagtekening=date(2023, 2, 14), termijn_start=date(2023, 2, 15), leerroute="B", niveau="B1")
    assert afstemming.afstemmen() == {"vergeleken": 1, "verschillen": 3, "onbereikbaar": 0}
    verschillen = {v.veld: (v.gemeente, v.duo) for v in DuoVerschil.objects.filter(dossier=pip.dossier)}
    assert verschillen["pip_dagtekening"] == ("2023-02-14", "2023-02-15")
    assert verschillen["termijn_start"] == ("2023-02-15", "2023-03-01")
    assert "pip_leerroute" not in verschillen
    assert afstemming.afstemmen()["verschillen"] == 3  # a second night replaces, never piles up
    assert DuoVerschil.objects.count() == 3


def test_reconciliation_needs_a_connection(settings):
    settings.DUO_URL = ""
    assert afstemming.afstemmen() == {"overgeslagen": "geen DUO_URL"}


def test_no_bsn_in_the_log_of_a_raadpleging(duo, werkcoach, caplog):
    _dossier(werkcoach, AMINA)
    verwerk("SS124", bsn=AMINA)
    assert AMINA not in caplog.text and BSN_NIEUW not in caplog.text
    assert Dossier.objects.count() == 1
