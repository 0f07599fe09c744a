"""The daily e-mail digest per werkcoach: new signals and overdue termijnen of their own caseload."""

from datetime import date, timedelta
from smtplib import SMTPServerDisconnected

from django.core import mail
from django.utils import timezone

import pytest

from cases.models import Signaal
from cases.tasks import digest_versturen_task
from cases.termijnen import digest
from inburgering.accounts.models import User
from tests import klok
from tests.factories import DossierFactory, SignaalFactory, TermijnFactory, WerkcoachFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = timezone.localdate()


@pytest.fixture
def wendy(team):
    return WerkcoachFactory(username="wendy", first_name="Wendy", email="wendy@example.invalid", team=team)


def dossier_van(werkcoach, naam: str):
    return DossierFactory(werkcoach=werkcoach, inburgeraar__voornamen=naam, inburgeraar__geslachtsnaam="Haddad")


def verlopen(werkcoach, naam: str, *, dagen_oud: int = 0, fataal: date | None = None) -> Signaal:
    termijn = TermijnFactory(dossier=dossier_van(werkcoach, naam), status="verlopen",
                             fatale_datum=fataal or VANDAAG - timedelta(days=dagen_oud + 1))
    signaal = SignaalFactory(termijn=termijn)
    Signaal.objects.filter(pk=signaal.pk).update(aangemaakt_op=timezone.now() - timedelta(days=dagen_oud))
    return signaal


def nadert(werkcoach, naam: str, *, dagen_oud: int = 0) -> Signaal:
    termijn = TermijnFactory(dossier=dossier_van(werkcoach, naam), soort="bezwaar", nadert=True)
    signaal = SignaalFactory(termijn=termijn, soort="nadert")
    Signaal.objects.filter(pk=signaal.pk).update(aangemaakt_op=timezone.now() - timedelta(days=dagen_oud))
    return signaal


def test_the_digest_lists_new_signals_and_all_overdue_termijnen_in_dutch(wendy):
    nadert(wendy, "Amina")
    verlopen(wendy, "Yusuf", dagen_oud=40, fataal=date(2025, 3, 3))
    verlopen(wendy, "Selam")

    assert digest.digest_versturen(peildatum=VANDAAG) == 1

    [bericht] = mail.outbox
    assert bericht.to == ["wendy@example.invalid"]
    assert bericht.subject == f"Werkvoorraad {VANDAAG:%d-%m-%Y}: 1 nieuw, 2 verlopen"
    tekst = bericht.body
    assert tekst.startswith("Beste Wendy,")
    assert "Nieuwe signalen sinds gisteren\n- Amina Haddad: Bezwaartermijn — termijn nadert, fatale datum" in tekst
    assert "Verlopen termijnen\n- Yusuf Haddad: PIP vaststellen, fatale datum was 3-3-2025\n" in tekst
    assert "- Selam Haddad: PIP vaststellen, fatale datum was" in tekst
    assert tekst.index("Yusuf") < tekst.index("Selam")  # most overdue first
    assert "(nieuw)" in tekst.split("Selam")[1].splitlines()[0]
    assert "(nieuw)" not in tekst.split("Yusuf")[1].splitlines()[0]
    assert "/dossiers/" in tekst


def test_old_handled_snoozed_and_other_caseloads_signals_are_left_out(wendy, collega):
    nadert(wendy, "Oud", dagen_oud=3)  # not new any more, and not overdue
    afgehandeld = verlopen(wendy, "Afgehandeld")
    Signaal.objects.filter(pk=afgehandeld.pk).update(afgehandeld_op=timezone.now(), afgehandeld_door=wendy)
    weg = verlopen(wendy, "Weggezet")
    Signaal.objects.filter(pk=weg.pk).update(gesnoozed_tot=VANDAAG + timedelta(days=2))
    collega.email = "collega@example.invalid"
    collega.save()
    verlopen(collega, "Collega")  # the team colleague's own caseload
    nadert(wendy, "Gisteren", dagen_oud=1)  # created yesterday: still new

    digest.digest_versturen(peildatum=VANDAAG)

    berichten = {m.to[0]: m.body for m in mail.outbox}
    assert set(berichten) == {"wendy@example.invalid", "collega@example.invalid"}
    assert "Gisteren Haddad" in berichten["wendy@example.invalid"]
    for naam in ("Oud", "Afgehandeld", "Weggezet", "Collega"):
        assert f"{naam} Haddad" not in berichten["wendy@example.invalid"]


def test_a_snooze_that_ends_today_brings_the_signal_back(wendy):
    weg = verlopen(wendy, "Terug")
    Signaal.objects.filter(pk=weg.pk).update(gesnoozed_tot=VANDAAG)

    digest.digest_versturen(peildatum=VANDAAG)

    assert "Terug Haddad" in mail.outbox[0].body


def test_nothing_to_report_sends_nothing(wendy):
    nadert(wendy, "Oud", dagen_oud=5)
    assert digest.digest_versturen(peildatum=VANDAAG) == 0
    assert mail.outbox == []


def test_a_werkcoach_who_opted_out_gets_no_digest(wendy):
    User.objects.filter(pk=wendy.pk).update(dagelijkse_samenvatting=False)
    verlopen(wendy, "Yusuf")

    assert digest.digest_versturen(peildatum=VANDAAG) == 0
    assert mail.outbox == []


def test_a_user_without_e_mail_address_or_not_a_werkcoach_is_skipped(wendy, consulent):
    User.objects.filter(pk=wendy.pk).update(email="")
    verlopen(wendy, "Yusuf")
    assert digest.digest_versturen(peildatum=VANDAAG) == 0


def test_the_digest_is_sent_once_per_day_and_again_the_next_day(wendy):
    verlopen(wendy, "Yusuf")

    assert digest.digest_versturen(peildatum=VANDAAG) == 1
    assert digest.digest_versturen(peildatum=VANDAAG) == 0  # a retry or a second worker
    assert len(mail.outbox) == 1
    assert User.objects.get(pk=wendy.pk).laatste_samenvatting == VANDAAG

    assert digest.digest_versturen(peildatum=VANDAAG + timedelta(days=1)) == 1
    assert len(mail.outbox) == 2


def test_a_failed_send_is_not_recorded_so_the_retry_sends_it(wendy, monkeypatch):
    verlopen(wendy, "Yusuf")

    def onbereikbaar(*args, **kwargs):
        raise SMTPServerDisconnected("weg")

    monkeypatch.setattr(digest, "send_mail", onbereikbaar)
    with pytest.raises(SMTPServerDisconnected):
        digest.digest_versturen(peildatum=VANDAAG)
    assert User.objects.get(pk=wendy.pk).laatste_samenvatting is None

    monkeypatch.undo()
    assert digest.digest_versturen(peildatum=VANDAAG) == 1


def test_the_task_sends_the_digest_for_the_given_day(wendy):
    verlopen(wendy, "Yusuf")

    assert digest_versturen_task(VANDAAG.isoformat()) == 1
    assert digest_versturen_task() == 0  # today, already sent
    assert len(mail.outbox) == 1


def test_a_long_list_is_cut_off_with_a_count(wendy, monkeypatch):
    monkeypatch.setattr(digest, "MAX_REGELS", 2)
    for naam in ("Een", "Twee", "Drie", "Vier"):
        verlopen(wendy, naam)

    digest.digest_versturen(peildatum=VANDAAG)

    assert "… en nog 2 verlopen termijnen." in mail.outbox[0].body


def test_the_digest_runs_daily_at_seven_in_the_beat_schedule(settings):
    regel = settings.CELERY_BEAT_SCHEDULE["termijnen-digest"]
    assert regel["task"] == digest_versturen_task.name == "cases.digest_versturen"
    assert (regel["schedule"].hour, regel["schedule"].minute) == ({7}, {0})
