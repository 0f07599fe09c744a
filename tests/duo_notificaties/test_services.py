"""Each event's effect on the real database (DUO_URL empty: no raadplegingen; those are in test_raadplegingen.py),
and the same notification processed twice having one effect."""

import uuid
from datetime import date, timedelta

import pytest

from cases.models import Dossier, EindReden, Fase, Signaal
from cases.services import dossier_afronden_uit_bron
from duo.notificaties import instroom, ontvangen, services
from duo.notificaties.models import DuoInstroom, DuoNotificatie, NotificatieStatus
from tests.factories import DossierFactory, InburgeraarFactory

from .conftest import BSN_NIEUW, body

pytestmark = pytest.mark.django_db

_teller = iter(range(10_000))


def klaar_om_op_te_pakken():
    """What DUO's doelgroep answer fills in (test_raadplegingen.py does it with the stand-in)."""
    DuoInstroom.objects.update(doelgroep="Asielstatushouder")


def verwerk(gebeurtenis: str, bsn: str = BSN_NIEUW, **extra) -> DuoNotificatie:
    tijd = f"2026-11-30T10:{next(_teller) % 60:02d}:{next(_teller) % 60:02d}Z"
    notificatie, nieuw = ontvangen.notificatie_opslaan(body=body(gebeurtenis, bsn=bsn, tijd=tijd, **extra),
                                                       bericht_id=uuid.uuid4(), bron="0" * 20)
    assert nieuw
    services.notificatie_verwerken(notificatie_id=notificatie.pk)
    notificatie.refresh_from_db()
    return notificatie


@pytest.fixture
def lopend(werkcoach):
    return DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(bsn=BSN_NIEUW))


def _signalen(dossier) -> list[str]:
    return list(Signaal.objects.filter(dossier=dossier).values_list("omschrijving", flat=True))


@pytest.mark.parametrize("code", ["SS101", "SS128", "SS139", "SS120", "SS121"])
def test_a_new_plichtige_lands_in_the_inflow_queue_completed_from_the_brp(code, stub_brp, team):
    notificatie = verwerk(code)
    assert notificatie.status == NotificatieStatus.VERWERKT
    item = DuoInstroom.objects.get()
    assert (item.bsn, item.naam, item.team, item.gebeurtenis_id) == (BSN_NIEUW, "Samir Osman", team, code)
    assert item.persoon["geslachtsnaam"] == "Osman"
    assert item.datum_kennisgeving == date(2026, 11, 30)  # no DUO answer: the registration date
    assert item.pip_klok is (code == "SS139")
    assert item.korte_horizon is (code == "SS128")
    assert item.eerder_pip_elders is (code == "SS121")
    assert not Dossier.objects.exists()


def test_ss101_then_ss139_update_one_inflow_item(stub_brp, team):
    verwerk("SS101")
    verwerk("SS139")
    item = DuoInstroom.objects.get()
    assert item.pip_klok and item.gebeurtenis_id == "SS139"


def test_the_same_notification_processed_twice_has_one_effect(stub_brp, team):
    """Counted fault 1/3 (service side): a second run, as by a redelivered message, changes nothing."""
    notificatie = verwerk("SS139")
    assert services.notificatie_verwerken(notificatie_id=notificatie.pk) is None
    assert DuoInstroom.objects.count() == 1
    notificatie.refresh_from_db()
    assert notificatie.pogingen == 1


def test_the_team_comes_from_the_setting(stub_brp, team, ander_team, settings):
    settings.DUO_INSTROOM_TEAM = ander_team.naam
    verwerk("SS139")
    assert DuoInstroom.objects.get().team == ander_team


def test_without_the_brp_the_item_waits_without_person_data(team):
    verwerk("SS139")  # no person source registered in tests: BronOnbereikbaar
    item = DuoInstroom.objects.get()
    assert item.naam == "" and item.persoon == {}


def test_a_new_plichtige_event_for_a_known_dossier_signals_the_werkcoach(lopend):
    notificatie = verwerk("SS128")
    assert notificatie.dossier == lopend
    assert not DuoInstroom.objects.exists()
    assert any("AOW" in s for s in _signalen(lopend))


def test_taking_up_the_inflow_makes_the_dossier_in_the_werkcoachs_caseload(stub_brp, team, werkcoach):
    verwerk("SS128")
    klaar_om_op_te_pakken()
    item = DuoInstroom.objects.get()
    dossier = instroom.instroom_oppakken(instroom_id=item.pk, by=werkcoach)
    assert (dossier.werkcoach, dossier.fase, dossier.datum_kennisgeving) == (werkcoach, Fase.AANGEMELD, date(2026, 11, 30))
    assert dossier.inburgeraar.bsn == BSN_NIEUW and dossier.inburgeraar.bron == "brp"
    assert dossier.datum_brp_vestiging == date(2025, 1, 20)
    assert set(DuoNotificatie.objects.values_list("dossier", flat=True)) == {dossier.pk}
    assert dossier.termijnen.filter(soort="pip_vaststellen").exists()  # the PIP clock runs from DUO's date
    assert any("AOW" in s for s in _signalen(dossier))
    item.refresh_from_db()
    assert item.dossier == dossier and item.opgepakt_door == werkcoach


def test_only_a_werkcoach_takes_up_and_only_once(stub_brp, team, werkcoach, consulent):
    from django.core.exceptions import PermissionDenied

    verwerk("SS139")
    klaar_om_op_te_pakken()
    item = DuoInstroom.objects.get()
    with pytest.raises(PermissionDenied):
        instroom.instroom_oppakken(instroom_id=item.pk, by=consulent)
    instroom.instroom_oppakken(instroom_id=item.pk, by=werkcoach)
    with pytest.raises(DuoInstroom.DoesNotExist):
        instroom.instroom_oppakken(instroom_id=item.pk, by=werkcoach)


def test_without_a_doelgroep_from_duo_it_cannot_be_taken_up_yet(stub_brp, team, werkcoach):
    from django.core.exceptions import ValidationError

    verwerk("SS139")
    with pytest.raises(ValidationError):
        instroom.instroom_oppakken(instroom_id=DuoInstroom.objects.get().pk, by=werkcoach)
    assert not Dossier.objects.exists()


def test_another_teams_werkcoach_does_not_see_the_item(stub_brp, team, werkcoach_ander_team):
    verwerk("SS139")
    with pytest.raises(DuoInstroom.DoesNotExist):
        instroom.instroom_oppakken(instroom_id=DuoInstroom.objects.get().pk, by=werkcoach_ander_team)


@pytest.mark.parametrize(("code", "reden"), [("SS110", EindReden.PLICHT_VERVALLEN), ("SS111", EindReden.OVERLEDEN)])
def test_plicht_ended_ends_the_dossier_and_starts_the_retention_clock(lopend, code, reden):
    notificatie = verwerk(code)
    lopend.refresh_from_db()
    assert (lopend.fase, lopend.eind_reden, lopend.eind_datum) == (Fase.BEEINDIGD, reden, date(2026, 11, 30))
    assert notificatie.dossier == lopend and notificatie.status == NotificatieStatus.VERWERKT


@pytest.mark.parametrize(("code", "reden"), [("SS106", EindReden.VOLDAAN), ("SS107", EindReden.VRIJSTELLING),
                                             ("SS108", EindReden.ONTHEFFING)])
def test_plicht_met_closes_a_dossier_in_uitvoering_as_afgerond(lopend, code, reden):
    Dossier.objects.filter(pk=lopend.pk).update(fase=Fase.IN_UITVOERING)
    verwerk(code)
    lopend.refresh_from_db()
    assert (lopend.fase, lopend.eind_reden, lopend.eind_datum) == (Fase.AFGEROND, reden, date(2026, 11, 30))


def test_plicht_met_before_uitvoering_ends_the_dossier(lopend):
    verwerk("SS107")
    lopend.refresh_from_db()
    assert (lopend.fase, lopend.eind_reden) == (Fase.BEEINDIGD, EindReden.PLICHT_VERVALLEN)
    assert "SS107" in lopend.eind_toelichting


def test_the_cases_service_refuses_afronden_outside_uitvoering(lopend, werkcoach):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        dossier_afronden_uit_bron(dossier_id=lopend.pk, reden=EindReden.VOLDAAN, datum=date.today(),
                                  toelichting="", door=werkcoach)


@pytest.mark.parametrize(("code", "urgent"), [("SS126", True), ("SS127", True), ("SS109", False), ("SS137", False),
                                              ("SS122", False)])
def test_work_item_events_become_signals(lopend, code, urgent):
    verwerk(code)
    [tekst] = _signalen(lopend)
    assert code in tekst and tekst.startswith("DUO (urgent)" if urgent else "DUO: ")


@pytest.mark.parametrize("code", ["SS102", "SS103", "SS104", "SS124", "SS125", "SS131", "SS199"])
def test_events_without_a_duo_answer_still_tell_the_werkcoach(lopend, code):
    notificatie = verwerk(code)
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert any(code in s for s in _signalen(lopend))


def test_a_new_plichtige_without_a_bsn_goes_straight_to_fout(team):
    notificatie, _ = ontvangen.notificatie_opslaan(
        body={"registratieDatumTijd": "2026-11-30T10:00:00Z", "gebeurtenisId": "SS139", "vNummer": 1234567890},
        bericht_id=uuid.uuid4(), bron="0" * 20)
    assert services.notificatie_verwerken(notificatie_id=notificatie.pk) == NotificatieStatus.FOUT
    notificatie.refresh_from_db()
    assert "Zonder BSN" in notificatie.fout and not DuoInstroom.objects.exists()


def test_an_event_about_someone_without_a_dossier_is_processed_and_says_so(db):
    notificatie = verwerk("SS126")
    assert (notificatie.status, notificatie.resultaat, notificatie.dossier) == (
        NotificatieStatus.VERWERKT, services.GEEN_DOSSIER, None)


def test_an_unknown_code_is_kept_for_the_koppelbeheerder_never_dropped(lopend):
    notificatie = verwerk("SS998")
    assert notificatie.status == NotificatieStatus.ONBEKENDE_CODE
    assert notificatie.dossier == lopend  # linked: destroyed with the dossier
    assert notificatie.ruw["gebeurtenisId"] == "SS998"
    assert not _signalen(lopend)


def test_a_failure_is_retried_later_then_shown_as_fout(lopend, koppelbeheerder, monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(services, "_verwerken", kapot)
    notificatie = verwerk("SS126")
    assert notificatie.status == NotificatieStatus.ONTVANGEN and "stuk" in notificatie.fout
    assert notificatie.bezig_tot > notificatie.ontvangen_op  # backoff: not picked up at once
    assert services.te_verwerken() == []
    for _ in range(services.MAX_POGINGEN):
        DuoNotificatie.objects.filter(pk=notificatie.pk).update(bezig_tot=None)
        services.notificatie_verwerken(notificatie_id=notificatie.pk)
    notificatie.refresh_from_db()
    assert notificatie.status == NotificatieStatus.FOUT
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.notificatie_opnieuw(notificatie_id=notificatie.pk, by=lopend.werkcoach)
    services.notificatie_opnieuw(notificatie_id=notificatie.pk, by=koppelbeheerder)
    monkeypatch.undo()
    assert services.notificatie_verwerken(notificatie_id=notificatie.pk) == NotificatieStatus.VERWERKT


def test_an_abandoned_lease_is_picked_up_again(lopend):
    notificatie, _ = ontvangen.notificatie_opslaan(body=body("SS126"), bericht_id=uuid.uuid4(), bron="0" * 20)
    assert services._claimen(notificatie.pk)  # a worker claims it, then dies before its transaction commits
    assert services.te_verwerken() == []
    from django.utils import timezone

    DuoNotificatie.objects.filter(pk=notificatie.pk).update(bezig_tot=timezone.now() - timedelta(seconds=1))
    assert services.te_verwerken() == [notificatie.pk]
    assert services.notificatie_verwerken(notificatie_id=notificatie.pk) == NotificatieStatus.VERWERKT
    assert len(_signalen(lopend)) == 1


def test_pruning_removes_old_rows_without_a_dossier_only(lopend, stub_brp, team, settings):
    from django.utils import timezone

    from duo.notificaties.tasks import snoeien_task

    zonder = verwerk("SS126", bsn="999990007")
    met = verwerk("SS126")
    in_wachtrij = verwerk("SS101", bsn="999990019")  # an open inflow item keeps its notification
    oud = timezone.now() - timedelta(days=settings.DUO_NOTIFICATIE_BEWAARDAGEN + 1)
    DuoNotificatie.objects.update(ontvangen_op=oud)
    assert snoeien_task() == 1
    assert set(DuoNotificatie.objects.values_list("pk", flat=True)) == {met.pk, in_wachtrij.pk}
    assert not DuoNotificatie.objects.filter(pk=zonder.pk).exists()


@pytest.mark.parametrize(("reden_duo", "reden"), [
    ("Vertrek uit Nederland langer dan een jaar", EindReden.VERTROKKEN), ("Overlijden", EindReden.OVERLEDEN),
    ("Verblijfsdoel gewijzigd", EindReden.PLICHT_VERVALLEN), (None, EindReden.PLICHT_VERVALLEN),
])
def test_ss110_takes_duos_reason_when_it_gives_one(reden_duo, reden):
    from duo.notificaties import rules

    plicht = {"redenGeenInburgeringsplicht": reden_duo} if reden_duo else None
    assert services.eind_reden(rules.regel_voor("SS110"), plicht) == reden


def test_the_destruction_walk_reaches_every_model_that_holds_a_bsn():
    """The avg scans (tests/avg: destruction leaves no trace, the export has every model) fill and destroy what
    the walk from a dossier reaches; the notifications, DUO's facts, differences and inflow items are among it."""
    from duo.notificaties.models import DuoGegeven, DuoVerschil
    from tests.avg.vullen import _te_vullen

    assert {DuoNotificatie, DuoInstroom, DuoGegeven, DuoVerschil} <= set(_te_vullen())


def test_ss121_on_a_running_dossier_records_the_earlier_pip_elsewhere(lopend):
    assert not lopend.eerder_pip_elders
    verwerk("SS121")
    lopend.refresh_from_db()
    assert lopend.eerder_pip_elders
    assert any("SS121" in s for s in _signalen(lopend))
