"""The vernietigingslijst (issue 13): proposed by the job, prepared by one privacy officer, approved by
another (four eyes), destroyed with a verklaring; exclusions keep dossiers off; death brings the date
forward; the job and the execution are safe to run twice."""

import io
import threading
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction

import pytest
from pypdf import PdfReader

from avg import services, uitzonderingen
from avg.models import Kerngegevens, LijstStatus, Regel, RegelSoort, Vernietigingslijst
from cases import services as cases_services
from cases.models import Dossier, EindReden, Fase
from handhaving.rules import Betaalstatus
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from inburgering.instellingen.models import GemeenteInstellingen
from tests import klok, versies
from tests.factories import DossierFactory, HandhavingszaakFactory, PipFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _goedgekeurd_en_vernietigd(lijst, privacy, privacy2):
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    lijst = services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy2)
    return services.uitvoeren(lijst_id=lijst.pk, door=privacy2)


# --- proposing ---------------------------------------------------------------------------------------

def test_the_job_proposes_what_passed_its_date_and_nothing_else(oud_dossier, werkcoach):
    DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                   eind_datum=VANDAAG - timedelta(days=365))  # one year ago: stays
    DossierFactory(werkcoach=werkcoach)  # running: stays

    voorstel = services.voorstellen()

    assert voorstel.toegevoegd == 1
    assert list(voorstel.lijst.regels.values_list("dossier_nummer", flat=True)) == [oud_dossier.pk]
    regel = voorstel.lijst.regels.get()
    assert (regel.eind_reden, regel.vernietigen_vanaf) == (EindReden.VOLDAAN, date(2024, 3, 1))


def test_the_job_is_idempotent(oud_dossier):
    eerste = services.voorstellen()
    tweede = services.voorstellen()
    assert tweede.toegevoegd == 0
    assert Regel.objects.count() == 1
    assert Vernietigingslijst.objects.count() == 1 and eerste.lijst.pk == Vernietigingslijst.objects.get().pk


def test_a_moved_dossier_follows_its_own_setting(werkcoach):
    verhuisd = DossierFactory(werkcoach=werkcoach, fase=Fase.BEEINDIGD, eind_reden=EindReden.VERHUISD,
                              eind_datum=VANDAAG - timedelta(days=3 * 366))
    assert services.voorstellen().toegevoegd == 0
    instellingen = GemeenteInstellingen.huidig()
    instellingen.bewaartermijn_verhuisd_jaren = 2
    instellingen.save()
    assert [r.dossier_nummer for r in services.voorstellen().lijst.regels.all()] == [verhuisd.pk]


# --- exclusions ------------------------------------------------------------------------------------

def test_an_open_zaak_an_unpaid_fine_and_a_running_bezwaartermijn_keep_a_dossier(werkcoach):
    def gesloten(**kwargs):
        return DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                              eind_datum=date(2019, 1, 1), **kwargs)

    open_zaak, onbetaald, betaald, bezwaar_pip = gesloten(), gesloten(), gesloten(), gesloten()
    HandhavingszaakFactory(dossier=open_zaak)
    HandhavingszaakFactory(dossier=onbetaald, boete=True, status="afgesloten",
                           bezwaar_einde=date(2019, 3, 1))
    HandhavingszaakFactory(dossier=betaald, boete=True, status="afgesloten", bezwaar_einde=date(2019, 3, 1),
                           betaalstatus=Betaalstatus.BETAALD)
    PipFactory(dossier=bezwaar_pip, bezwaar_einde=VANDAAG + timedelta(days=3))

    voorstel = services.voorstellen()

    assert [r.dossier_nummer for r in voorstel.lijst.regels.all()] == [betaald.pk]
    redenen = {k.dossier_id: r for k, r in services.uitgesloten()}
    assert redenen[open_zaak.pk] == [uitzonderingen.LOPENDE_ZAAK.format(zaak=open_zaak.handhavingszaken.get().pk)]
    assert "niet betaald" in redenen[onbetaald.pk][0]
    assert "bezwaartermijn" in redenen[bezwaar_pip.pk][0]


def test_a_fine_that_can_still_be_appealed_keeps_the_dossier():
    zaak = HandhavingszaakFactory.build(boete=True, status="afgesloten", betaalstatus=Betaalstatus.BETAALD,
                                        bezwaar_einde=VANDAAG + timedelta(days=10))
    assert uitzonderingen.zaak_redenen(zaak, vandaag=VANDAAG) == [uitzonderingen.RECHTSGANG.format(zaak=zaak.pk)]
    zaak.betaalstatus = Betaalstatus.VERJAARD
    zaak.bezwaar_einde = VANDAAG - timedelta(days=400)
    assert uitzonderingen.zaak_redenen(zaak, vandaag=VANDAAG) == []


def test_an_exclusion_found_at_execution_skips_the_dossier(oud_dossier, privacy, privacy2):
    lijst = services.voorstellen().lijst
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    lijst = services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy2)
    HandhavingszaakFactory(dossier=oud_dossier)  # a zaak reopened after approval

    lijst = services.uitvoeren(lijst_id=lijst.pk)

    assert Dossier.objects.filter(pk=oud_dossier.pk).exists()
    assert "loopt nog" in lijst.regels.get().overgeslagen_reden
    assert lijst.status == LijstStatus.VERNIETIGD


def test_a_privacy_officer_excludes_a_line_with_a_reason_and_a_date(oud_dossier, privacy):
    lijst = services.voorstellen().lijst
    regel = lijst.regels.get()
    with pytest.raises(ValidationError) as fout:
        services.regel_uitzonderen(regel_id=regel.pk, versie=versies.van(lijst), reden="", uitstel_tot=None,
                                   door=privacy)
    assert set(fout.value.message_dict) == {"reden", "uitstel_tot"}

    services.regel_uitzonderen(regel_id=regel.pk, versie=versies.van(lijst), reden="Verzoek om inzage loopt",
                               uitstel_tot=VANDAAG + timedelta(days=90), door=privacy)

    lijst.refresh_from_db()
    with pytest.raises(ValidationError):  # nothing left to destroy
        services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    # Not proposed again before the date, also not on a new list.
    Regel.objects.update(actief=False)
    assert services.voorstellen().toegevoegd == 0


# --- four eyes, destruction, verklaring ---------------------------------------------------------------

def test_the_one_who_prepared_cannot_approve(oud_dossier, privacy, werkcoach):
    lijst = services.voorstellen().lijst
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    with pytest.raises(ValidationError, match="vier ogen"):
        services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy)
    with pytest.raises(PermissionDenied):
        services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=werkcoach)


def test_approval_destroys_leaves_the_core_and_a_verklaring_without_names(oud_dossier, privacy, privacy2):
    naam = oud_dossier.inburgeraar.geslachtsnaam
    lijst = _goedgekeurd_en_vernietigd(services.voorstellen().lijst, privacy, privacy2)

    assert lijst.status == LijstStatus.VERNIETIGD
    assert not Dossier.objects.filter(pk=oud_dossier.pk).exists()
    assert Kerngegevens.objects.filter(dossier_nummer=oud_dossier.pk).exists()
    with lijst.verklaring.bestand.open("rb") as bestand:
        tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(bestand.read())).pages)
    assert "Verklaring van vernietiging" in tekst and str(oud_dossier.pk) in tekst
    assert "artikel 9.9" in tekst
    assert naam not in tekst and oud_dossier.inburgeraar.bsn not in tekst
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.VERNIETIGING)
    assert log.details["dossiers"] == [oud_dossier.pk]
    assert naam not in str(log.details)


def test_rejection_frees_the_lines_for_the_next_proposal(oud_dossier, privacy, privacy2):
    lijst = services.voorstellen().lijst
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    with pytest.raises(ValidationError):
        services.afwijzen(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy2)
    services.afwijzen(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="Eerst navragen", door=privacy2)

    nieuw = services.voorstellen()
    assert nieuw.toegevoegd == 1 and nieuw.lijst.pk != lijst.pk


def test_executing_twice_destroys_once(oud_dossier, privacy, privacy2):
    lijst = _goedgekeurd_en_vernietigd(services.voorstellen().lijst, privacy, privacy2)
    again = services.uitvoeren(lijst_id=lijst.pk)
    assert again.verklaring_id == lijst.verklaring_id
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.VERNIETIGING).count() == 1


def test_the_core_is_proposed_when_its_fifty_years_passed(werkcoach, privacy, privacy2):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                             eind_datum=date(2019, 3, 1))
    _goedgekeurd_en_vernietigd(services.voorstellen().lijst, privacy, privacy2)
    Kerngegevens.objects.update(bewaren_tot=VANDAAG - timedelta(days=1))

    lijst = services.voorstellen().lijst
    assert [(r.soort, r.dossier_nummer) for r in lijst.regels.all()] == [(RegelSoort.KERN, dossier.pk)]
    _goedgekeurd_en_vernietigd(lijst, privacy, privacy2)
    assert not Kerngegevens.objects.exists()
    assert not type(dossier.inburgeraar).objects.filter(pk=dossier.inburgeraar_id).exists()


# --- death -----------------------------------------------------------------------------------------

def test_death_recorded_by_hand_makes_every_dossier_of_the_person_due(werkcoach):
    persoon_oud = DossierFactory(werkcoach=werkcoach, fase=Fase.BEEINDIGD, eind_reden=EindReden.VERHUISD,
                                 eind_datum=VANDAAG - timedelta(days=400))
    lopend = DossierFactory(werkcoach=werkcoach, inburgeraar=persoon_oud.inburgeraar)
    assert services.voorstellen().toegevoegd == 0

    cases_services.dossier_beeindigen(dossier_id=lopend.pk, versie=versies.van(lopend), reden=EindReden.OVERLEDEN,
                                      datum=VANDAAG - timedelta(days=2), toelichting="", by=werkcoach)

    lopend.inburgeraar.refresh_from_db()
    assert lopend.inburgeraar.overleden_op == VANDAAG - timedelta(days=2)
    assert sorted(r.dossier_nummer for r in services.voorstellen().lijst.regels.all()) == sorted(
        [persoon_oud.pk, lopend.pk])


# --- concurrency (PostgreSQL: two real connections) -------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_two_jobs_at_once_propose_each_dossier_once(oud_dossier):
    if connection.vendor != "postgresql":
        pytest.skip("two concurrent writers need PostgreSQL (SQLite serialises the whole database)")
    fouten = []
    start = threading.Barrier(2)

    def job():
        try:
            start.wait()
            services.voorstellen()
        except Exception as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=job) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten
    assert Regel.objects.count() == 1 and Vernietigingslijst.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_executions_at_once_destroy_once(oud_dossier, privacy, privacy2):
    if connection.vendor != "postgresql":
        pytest.skip("two concurrent writers need PostgreSQL")
    lijst = services.voorstellen().lijst
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    with transaction.atomic():
        services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy2)
    fouten = []
    start = threading.Barrier(2)

    def uitvoeren():
        try:
            start.wait()
            services.uitvoeren(lijst_id=lijst.pk)
        except Exception as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=uitvoeren) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.VERNIETIGING).count() == 1
    assert Kerngegevens.objects.count() == 1


# --- the Celery tasks (thin wrappers, run in-process) ------------------------------------------------

def test_the_tasks_propose_and_carry_out_what_is_approved(oud_dossier, privacy, privacy2):
    from avg import tasks

    assert tasks.vernietigingslijst_voorstellen_task()["toegevoegd"] == 1
    assert tasks.vernietigingslijst_voorstellen_task()["toegevoegd"] == 0
    lijst = Vernietigingslijst.objects.get()
    lijst = services.ter_goedkeuring_aanbieden(lijst_id=lijst.pk, versie=versies.van(lijst), door=privacy)
    services.goedkeuren(lijst_id=lijst.pk, versie=versies.van(lijst), toelichting="", door=privacy2)
    assert tasks.goedgekeurde_lijsten_uitvoeren_task() == [lijst.pk]
    assert tasks.goedgekeurde_lijsten_uitvoeren_task() == []
    assert not Dossier.objects.filter(pk=oud_dossier.pk).exists()


def test_destruction_is_in_the_logboek_dataverwerkingen(oud_dossier, privacy, privacy2):
    from inburgering.audit.models import Dataverwerking

    _goedgekeurd_en_vernietigd(services.voorstellen().lijst, privacy, privacy2)
    rij = Dataverwerking.objects.get(handelingen__contains="vernietigen")
    assert rij.activiteit_id == "vernietiging"
    assert rij.dossier_ids == [oud_dossier.pk]
