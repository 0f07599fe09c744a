"""The drain of the outbox against a scripted DUO (duo/verzenden.py): every answer, the order per person, the
lease, retries with the same berichtId, dead letters and the koppelbeheerder's alert."""

import logging
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from cases.models import Signaal, SignaalSoort
from duo import services, verzenden
from duo.client import DuoClient
from duo.models import DuoBericht, DuoContactpersoon, KoppelingMelding, Soort, Status
from inburgering.accounts.roles import Rol
from inburgering.audit.models import Beveiligingslog, Dataverwerking, Gebeurtenis
from tests.duo.nep import GEEN_VERBINDING, TIMEOUT, NepAntwoord, NepSessie
from tests.factories import DossierFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "https://duo.test/v1"


def client(sessie) -> DuoClient:
    return DuoClient(URL, bron="0" * 19 + "1", doel="0" * 19 + "2", cert="/pad/cert.pem", key="/pad/key.pem",
                     ca="/pad/ca.pem", connect_timeout=3, timeout=7, sessie=sessie)


def bericht(dossier, soort=Soort.MAP, body=None, **kwargs) -> DuoBericht:
    return services.bericht_schrijven(dossier=dossier, soort=soort, body=body if body is not None else
                                      {"datumEindgesprekMap": "2026-01-05"}, redenen=[], by=None, **kwargs)


@pytest.fixture
def dossier(werkcoach):
    return DossierFactory(werkcoach=werkcoach)


def verzend(sessie, **kwargs):
    return verzenden.outbox_verzenden(client=client(sessie), **kwargs)


def test_an_accepted_message_is_verzonden_with_headers_timeouts_and_mutual_tls(dossier):
    b = bericht(dossier)
    sessie = NepSessie(NepAntwoord(200))
    uitkomst = verzend(sessie)
    b.refresh_from_db()
    assert (b.status, b.pogingen, b.laatste_http_status, uitkomst.verzonden) == (Status.VERZONDEN, 1, 200, 1)
    assert b.verzonden_op is not None and b.bezig_tot is None
    [verzoek] = sessie.verzoeken
    assert verzoek["methode"] == "PUT" and verzoek["url"] == f"{URL}/personen/{dossier.inburgeraar.bsn}/map"
    assert verzoek["headers"]["berichtId"] == str(b.bericht_id)
    assert (verzoek["headers"]["bron"], verzoek["headers"]["doel"]) == ("0" * 19 + "1", "0" * 19 + "2")
    assert verzoek["timeout"] == (3, 7) and verzoek["cert"] == ("/pad/cert.pem", "/pad/key.pem")
    assert verzoek["verify"] == "/pad/ca.pem" and verzoek["json"] == {"datumEindgesprekMap": "2026-01-05"}


def test_sending_is_logged_as_verstrekken_to_duo(dossier):
    bericht(dossier)
    verzend(NepSessie(NepAntwoord(200)))
    rij = Dataverwerking.objects.order_by("pk").last()
    assert rij.activiteit.code == "duo-melding" and "verstrekken" in rij.handelingen
    assert dossier.pk in rij.dossier_ids


def test_a_functional_refusal_is_geweigerd_with_duos_text_on_the_werkvoorraad(dossier):
    b = bericht(dossier)
    verzend(NepSessie(NepAntwoord(403, [{"fouttekst": "Datum ligt voor start inburgeringstermijn"}])))
    b.refresh_from_db()
    assert b.status == Status.GEWEIGERD and b.redenen == ["Datum ligt voor start inburgeringstermijn"]
    signaal = Signaal.objects.get(dossier=dossier, soort=SignaalSoort.DUO)
    assert "Datum ligt voor start inburgeringstermijn" in signaal.omschrijving


def test_a_400_is_geweigerd(dossier):
    b = bericht(dossier)
    verzend(NepSessie(NepAntwoord(400)))
    b.refresh_from_db()
    assert b.status == Status.GEWEIGERD and "400" in b.redenen[0]


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_connection_is_a_dead_letter_and_alerts_the_koppelbeheerder_once(dossier, status):
    beheer = UserFactory(username="kb", email="kb@eemsdelta.nl", team=None, rol=Rol.KOPPELBEHEER)
    UserFactory(username="kb-zonder-mail", team=None, rol=Rol.KOPPELBEHEER)
    eerste, tweede = bericht(dossier), bericht(DossierFactory())
    verzend(NepSessie(NepAntwoord(status), NepAntwoord(status)))  # both persons' messages, one alert
    for b in (eerste, tweede):
        b.refresh_from_db()
        assert b.status == Status.DODE_LETTER
    assert KoppelingMelding.objects.filter(afgehandeld_op=None, http_status=status).count() == 1
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.DUO_KOPPELING).count() == 1
    assert [m.to for m in mail.outbox] == [[beheer.email]]
    assert dossier.inburgeraar.bsn not in mail.outbox[0].body
    assert not Signaal.objects.filter(soort=SignaalSoort.DUO).exists()  # not the werkcoach's to solve


@pytest.mark.parametrize("storing", [NepAntwoord(503), NepAntwoord(500), TIMEOUT, GEEN_VERBINDING])
def test_a_transient_failure_is_retried_later_with_the_same_bericht_id(dossier, storing):
    b = bericht(dossier)
    sessie = NepSessie(storing, NepAntwoord(200))
    verzend(sessie)
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.WACHTEND, 1)
    assert b.volgende_poging_op > timezone.now() + timedelta(seconds=30)
    verzend(sessie)  # not due yet: nothing sent
    assert len(sessie.verzoeken) == 1
    DuoBericht.objects.filter(pk=b.pk).update(volgende_poging_op=timezone.now())
    verzend(sessie)
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.VERZONDEN, 2)
    assert {v["headers"]["berichtId"] for v in sessie.verzoeken} == {str(b.bericht_id)}


def test_backoff_doubles_up_to_its_maximum(settings):
    settings.DUO_BACKOFF_SECONDEN, settings.DUO_BACKOFF_MAX_SECONDEN = 60, 300
    assert [verzenden.wachttijd(n).total_seconds() for n in (1, 2, 3, 4, 5)] == [60, 120, 240, 300, 300]


def test_after_the_last_attempt_a_message_is_a_dead_letter_that_can_be_tried_again(dossier, settings):
    settings.DUO_MAX_POGINGEN = 2
    beheer = UserFactory(username="kb", team=None, rol=Rol.KOPPELBEHEER)
    b = bericht(dossier)
    sessie = NepSessie(NepAntwoord(503), NepAntwoord(503), NepAntwoord(201))
    for _ in range(2):
        DuoBericht.objects.filter(pk=b.pk).update(volgende_poging_op=timezone.now())
        verzend(sessie)
    b.refresh_from_db()
    assert b.status == Status.DODE_LETTER and "opnieuw proberen" in b.redenen[0]
    verzenden.opnieuw_proberen(bericht_id=b.pk, versie=b.versie, by=beheer)
    verzend(sessie)
    b.refresh_from_db()
    assert b.status == Status.VERZONDEN
    assert {v["headers"]["berichtId"] for v in sessie.verzoeken} == {str(b.bericht_id)}


def test_opnieuw_proberen_needs_the_role_and_the_current_version(dossier, werkcoach):
    from django.core.exceptions import PermissionDenied, ValidationError

    beheer = UserFactory(username="kb", team=None, rol=Rol.KOPPELBEHEER)
    b = bericht(dossier)
    DuoBericht.objects.filter(pk=b.pk).update(status=Status.DODE_LETTER)
    with pytest.raises(PermissionDenied):
        verzenden.opnieuw_proberen(bericht_id=b.pk, versie=b.versie, by=werkcoach)
    with pytest.raises(ValidationError):
        verzenden.opnieuw_proberen(bericht_id=b.pk, versie=b.versie + 1, by=beheer)
    verzenden.opnieuw_proberen(bericht_id=b.pk, versie=b.versie, by=beheer)
    with pytest.raises(ValidationError):  # not a dead letter any more
        verzenden.opnieuw_proberen(bericht_id=b.pk, versie=b.versie + 1, by=beheer)


def test_a_persons_messages_go_in_order_and_wait_behind_a_retry(dossier):
    eerste, tweede = bericht(dossier), bericht(dossier, soort=Soort.PVT, body={"datumOndertekeningPvt": "2026-01-06"})
    ander = bericht(DossierFactory())
    sessie = NepSessie(NepAntwoord(503))
    verzend(sessie)
    for b in (eerste, tweede, ander):
        b.refresh_from_db()
    assert (eerste.status, tweede.status, ander.status) == (Status.WACHTEND, Status.WACHTEND, Status.VERZONDEN)
    assert tweede.pogingen == 0  # never tried while the first waits
    DuoBericht.objects.filter(pk=eerste.pk).update(volgende_poging_op=timezone.now())
    verzend(sessie)
    assert [v["headers"]["berichtId"] for v in sessie.verzoeken] == [
        str(eerste.bericht_id), str(ander.bericht_id), str(eerste.bericht_id), str(tweede.bericht_id)]


def test_a_dead_letter_holds_the_persons_later_messages(dossier):
    eerste, tweede = bericht(dossier), bericht(dossier, soort=Soort.PVT, body={})
    DuoBericht.objects.filter(pk=eerste.pk).update(status=Status.DODE_LETTER)
    verzend(NepSessie())
    tweede.refresh_from_db()
    assert tweede.status == Status.WACHTEND and tweede.pogingen == 0


def test_a_refused_or_stopped_message_does_not_hold_the_next(dossier):
    eerste, tweede = bericht(dossier), bericht(dossier, soort=Soort.PVT, body={})
    DuoBericht.objects.filter(pk=eerste.pk).update(status=Status.GEWEIGERD)
    verzend(NepSessie())
    tweede.refresh_from_db()
    assert tweede.status == Status.VERZONDEN


def test_a_message_whose_lease_ran_out_is_sent_again_with_the_same_bericht_id(dossier):
    b = bericht(dossier)
    geclaimd = verzenden.claimen()  # a worker claims it ... and dies before it records anything
    assert geclaimd.pk == b.pk and verzenden.claimen() is None  # leased: nobody else takes it
    DuoBericht.objects.filter(pk=b.pk).update(bezig_tot=timezone.now() - timedelta(seconds=1))
    sessie = NepSessie(NepAntwoord(200))
    verzend(sessie)
    b.refresh_from_db()
    assert (b.status, b.pogingen) == (Status.VERZONDEN, 2)
    assert sessie.verzoeken[0]["headers"]["berichtId"] == str(b.bericht_id)


def test_a_late_answer_of_a_worker_that_lost_its_lease_changes_nothing(dossier):
    b = bericht(dossier)
    traag = verzenden.claimen()
    DuoBericht.objects.filter(pk=b.pk).update(bezig_tot=timezone.now() - timedelta(seconds=1))
    verzend(NepSessie(NepAntwoord(200)))  # the second worker sends it
    status = verzenden.bericht_verzenden(traag, client=client(NepSessie(NepAntwoord(503))))
    b.refresh_from_db()
    assert status == Status.VERZONDEN and b.status == Status.VERZONDEN and b.pogingen == 2


def test_a_contactpersoon_is_registered_once_then_linked(dossier, werkcoach):
    werkcoach.email = "w.coach@eemsdelta.nl"
    werkcoach.save()
    eerste = bericht(dossier, soort=Soort.CONTACTPERSOON, body=None, contactpersoon=werkcoach)
    tweede = bericht(DossierFactory(werkcoach=werkcoach), soort=Soort.CONTACTPERSOON, body=None,
                     contactpersoon=werkcoach)
    sessie = NepSessie(NepAntwoord(201, {"id": 4711, "contactpersoongegevens": {}}), NepAntwoord(201),
                       NepAntwoord(201))
    verzend(sessie)
    assert [(v["methode"], v["url"].removeprefix(URL)) for v in sessie.verzoeken] == [
        ("POST", "/contactpersonen"),
        ("POST", f"/contactpersonen/4711/personen/{eerste.dossier.inburgeraar.bsn}"),
        ("POST", f"/contactpersonen/4711/personen/{tweede.dossier.inburgeraar.bsn}"),
    ]
    assert sessie.verzoeken[0]["json"]["email"] == "w.coach@eemsdelta.nl"
    assert DuoContactpersoon.objects.get(gebruiker=werkcoach).duo_id == 4711
    assert sessie.verzoeken[0]["headers"]["berichtId"] != str(eerste.bericht_id)


def test_no_bsn_in_the_log(dossier, caplog):
    bericht(dossier)
    with caplog.at_level(logging.DEBUG):
        verzend(NepSessie(TIMEOUT))
        verzend(NepSessie(NepAntwoord(200)))
    assert dossier.inburgeraar.bsn not in caplog.text


def test_a_broker_that_is_down_at_commit_does_not_break_the_change(settings, monkeypatch, caplog):
    from duo import tasks

    settings.DUO_URL = URL

    def kapot(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.outbox_verzenden_task, "apply_async", kapot)
    services.verzending_starten()  # no exception
    assert "broker" in caplog.text


def test_without_duo_url_the_task_leaves_the_rows_waiting(dossier):
    from duo.tasks import outbox_verzenden_task

    b = bericht(dossier)
    assert outbox_verzenden_task() == {"overgeslagen": "geen DUO_URL"}
    b.refresh_from_db()
    assert b.status == Status.WACHTEND


def test_a_message_every_worker_dies_on_becomes_a_dead_letter(dossier, settings):
    settings.DUO_MAX_POGINGEN = 2
    b = bericht(dossier)
    for _ in range(2):
        assert verzenden.claimen().pk == b.pk  # claimed, and the worker dies
        DuoBericht.objects.filter(pk=b.pk).update(bezig_tot=timezone.now() - timedelta(seconds=1))
    assert verzenden.claimen() is None
    b.refresh_from_db()
    assert b.status == Status.DODE_LETTER and "opnieuw proberen" in b.redenen[0]
