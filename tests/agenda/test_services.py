"""The agenda's write use-cases on the real database: planning with its Dutch validation and the
conflict warning, cancelling with the version check, the appointment behind an invitation letter, and the
renewal of the secret iCalendar address."""

from datetime import time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from cases.agenda import selectors, services
from cases.models import Afspraak, AfspraakSoort, AgendaFeed, Dossier, Fase
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import VERSIE_VEROUDERD
from tests import klok
from tests.agenda.maak import afspraak, morgen_om
from tests.brieven.test_briefkop import uit_brp
from tests.brieven.test_oproepbrieven import intake_dossier, oproep, uitnodigen
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db



@klok.per_test
def _datums() -> None:
    global MORGEN
    MORGEN = vandaag() + timedelta(days=1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def plannen(dossier, by, **anders):
    args = {"dossier_id": dossier.pk, "soort": AfspraakSoort.VOORTGANGSGESPREK, "datum": MORGEN,
            "begintijd": time(10, 0), "eindtijd": time(11, 0), "locatie": "Stadskantoor, kamer 2",
            "medewerker_ids": [dossier.werkcoach_id], "by": by, **anders}
    return services.afspraak_plannen(**args)


def fout_van(functie, *args, **kwargs) -> dict:
    with pytest.raises(ValidationError) as fout:
        functie(*args, **kwargs)
    return {veld: str(lijst[0]) for veld, lijst in fout.value.message_dict.items()}


def test_planning_stores_the_appointment_with_its_medewerkers(dossier, werkcoach, collega):
    a = plannen(dossier, werkcoach, soort=AfspraakSoort.DRIEGESPREK, medewerker_ids=[werkcoach.pk, collega.pk],
                externe_deelnemers="Taalschool Noord (docent)")

    a.refresh_from_db()
    assert a.start == morgen_om(10) and a.eind == morgen_om(11)
    assert set(a.medewerkers.all()) == {werkcoach, collega}
    assert a.kenmerk == f"AFS-{dossier.pk}-{a.pk}"
    assert a.history.count() == 1


def test_dutch_errors_for_end_before_start_and_the_past(dossier, werkcoach):
    assert fout_van(plannen, dossier, werkcoach, eindtijd=time(9, 0)) == {
        "eindtijd": "De eindtijd moet na de begintijd liggen."}
    gisteren = vandaag() - timedelta(days=1)
    assert "verleden" in fout_van(plannen, dossier, werkcoach, datum=gisteren)["begintijd"]
    assert not Afspraak.objects.exists()


def test_a_conflict_warns_and_planning_anyway_needs_the_confirmation(dossier, werkcoach):
    andere = DossierFactory(werkcoach=werkcoach)
    afspraak(andere, start=morgen_om(10, 30))

    fout = fout_van(plannen, dossier, werkcoach)
    assert "al een afspraak" in fout["toch_inplannen"] and "10:30" in fout["toch_inplannen"]
    assert Afspraak.objects.filter(dossier=dossier).count() == 0

    plannen(dossier, werkcoach, toch_inplannen=True)
    assert Afspraak.objects.filter(dossier=dossier).count() == 1


def test_back_to_back_and_cancelled_appointments_are_no_conflict(dossier, werkcoach):
    afspraak(DossierFactory(werkcoach=werkcoach), start=morgen_om(9))  # 09:00-10:00
    afspraak(DossierFactory(werkcoach=werkcoach), start=morgen_om(10, 15), geannuleerd=True)

    plannen(dossier, werkcoach)  # 10:00-11:00


def test_only_medewerkers_of_the_team_or_consulenten_can_be_chosen(dossier, werkcoach, werkcoach_ander_team,
                                                                     consulent):
    assert "lijst" in fout_van(plannen, dossier, werkcoach,
                               medewerker_ids=[werkcoach.pk, werkcoach_ander_team.pk])["medewerkers"]
    plannen(dossier, werkcoach, soort=AfspraakSoort.HOORZITTING, medewerker_ids=[consulent.pk])


def test_only_who_may_change_the_dossier_plans(dossier, werkcoach_ander_team, manager):
    with pytest.raises(Dossier.DoesNotExist):
        plannen(dossier, werkcoach_ander_team)
    with pytest.raises(PermissionDenied):
        plannen(dossier, manager)


def test_no_appointment_on_a_closed_dossier(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    with pytest.raises(ValidationError, match="afgesloten"):
        plannen(dossier, werkcoach)


def test_cancelling_checks_the_version(dossier, werkcoach):
    a = plannen(dossier, werkcoach)
    with pytest.raises(ValidationError, match=str(VERSIE_VEROUDERD)[:30]):
        services.afspraak_afzeggen(dossier_id=dossier.pk, afspraak_id=a.pk, versie=a.versie - 1, by=werkcoach)

    services.afspraak_afzeggen(dossier_id=dossier.pk, afspraak_id=a.pk, versie=a.versie, by=werkcoach)
    a.refresh_from_db()
    assert a.geannuleerd and a.versie == 2
    assert not selectors.conflicten([werkcoach.pk], a.start, a.eind).exists()


def test_an_invitation_to_a_voortgangsgesprek_puts_its_appointment_in_the_agenda(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, inburgeraar=uit_brp())

    uitnodiging = uitnodigen(dossier, werkcoach)

    a = uitnodiging.afspraak
    assert (a.soort, a.locatie, a.kenmerk, a.document_id) == (
        AfspraakSoort.VOORTGANGSGESPREK, "Werkplein Appingedam", uitnodiging.kenmerk, uitnodiging.document_id)
    assert a.start == services.moment(uitnodiging.datum, time(14, 0)) and a.eind - a.start == timedelta(hours=1)
    assert list(a.medewerkers.all()) == [werkcoach]


def test_an_intake_oproep_with_a_time_is_an_intake_appointment(werkcoach):
    dossier = intake_dossier(werkcoach)

    uitnodiging = oproep(dossier, werkcoach)

    assert uitnodiging.afspraak.soort == AfspraakSoort.INTAKE
    assert uitnodiging.afspraak.kenmerk == f"INT-{dossier.pk}-1"
    assert uitnodiging.afspraak.document_id == uitnodiging.document_id


def test_renewing_the_link_stores_only_a_hash_and_ends_the_old_token(werkcoach):
    oud = services.agendalink_vernieuwen(by=werkcoach)
    feed = AgendaFeed.objects.get(gebruiker=werkcoach)
    assert oud not in feed.token_hash and feed.token_hash == selectors.token_hash(oud)
    assert selectors.feed_van_token(oud) == feed

    nieuw = services.agendalink_vernieuwen(by=werkcoach)

    assert nieuw != oud and len(nieuw) >= 40
    assert selectors.feed_van_token(oud) is None
    assert selectors.feed_van_token(nieuw).gebruiker == werkcoach
    assert services.agendalink_intrekken(by=werkcoach)
    assert selectors.feed_van_token(nieuw) is None


def test_the_link_of_a_deactivated_user_stops_working(werkcoach):
    token = services.agendalink_vernieuwen(by=werkcoach)
    werkcoach.is_active = False
    werkcoach.save()
    assert selectors.feed_van_token(token) is None


@pytest.mark.django_db(transaction=True)
def test_destroying_a_dossier_removes_its_appointments_and_their_medewerkers(werkcoach, settings, tmp_path):
    from django.db import connection, transaction

    from avg import services as avg_services

    settings.MEDIA_ROOT = tmp_path
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, inburgeraar=uit_brp())
    uitnodiging = uitnodigen(dossier, werkcoach)  # its appointment points to the letter and the invitation
    ander = afspraak(DossierFactory(werkcoach=werkcoach), start=morgen_om(15))

    with transaction.atomic():
        avg_services.dossier_vernietigen(dossier.pk, peildatum=vandaag())

    assert not Afspraak.objects.filter(pk=uitnodiging.afspraak.pk).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT afspraak_id FROM cases_afspraak_medewerkers")
        assert [rij[0] for rij in cursor.fetchall()] == [ander.pk]
