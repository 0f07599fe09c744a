"""The sweep (DESIGN.md "Termijnen and the worklist"; STYLE habit 5): no lower time bound,
idempotent, and safe when two sweeps run at the same time."""

import threading
from datetime import date, timedelta

from django.db import connection

import pytest

from cases.models import Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.tasks import termijnen_sweep_task
from cases.termijnen import services
from tests import klok
from tests.factories import TermijnFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def signalen():
    return sorted(Signaal.objects.values_list("id", "termijn_id", "dossier_id", "soort", "aangemaakt_op"))


@pytest.mark.django_db
def test_an_overdue_termijn_becomes_verlopen_with_one_signal():
    termijn = TermijnFactory(verlopen_gisteren=True)

    resultaat = services.termijnen_sweep()

    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.VERLOPEN
    signaal = Signaal.objects.get()
    assert (signaal.soort, signaal.termijn, signaal.dossier_id, signaal.is_open) == (
        SignaalSoort.VERLOPEN, termijn, termijn.dossier_id, True)
    assert resultaat == services.SweepResultaat(verlopen=1, nadert=0)


@pytest.mark.django_db
def test_the_fatale_datum_is_the_last_allowed_day_so_it_is_not_verlopen_yet():
    termijn = TermijnFactory(fatale_datum=VANDAAG, streefdatum=VANDAAG - timedelta(days=14))

    services.termijnen_sweep()

    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPEN
    assert list(Signaal.objects.values_list("soort", flat=True)) == [SignaalSoort.NADERT]


@pytest.mark.django_db
def test_reaching_the_streefdatum_gives_one_nadert_signal_and_keeps_the_termijn_open():
    termijn = TermijnFactory(nadert=True)
    later = TermijnFactory(streefdatum=VANDAAG + timedelta(days=1))

    resultaat = services.termijnen_sweep()

    termijn.refresh_from_db()
    assert (termijn.status, termijn.nadert_gesignaleerd) == (TermijnStatus.OPEN, True)
    assert list(Signaal.objects.values_list("termijn_id", "soort")) == [(termijn.pk, SignaalSoort.NADERT)]
    assert not Termijn.objects.get(pk=later.pk).nadert_gesignaleerd
    assert resultaat == services.SweepResultaat(verlopen=0, nadert=1)


@pytest.mark.django_db
def test_running_the_sweep_twice_creates_nothing_new():
    TermijnFactory.create_batch(3, verlopen_gisteren=True)
    TermijnFactory.create_batch(2, nadert=True)
    services.termijnen_sweep()
    eerst = signalen()
    termijnen = sorted(Termijn.objects.values_list("id", "status", "nadert_gesignaleerd", "bijgewerkt_op"))

    tweede = services.termijnen_sweep()

    assert tweede == services.SweepResultaat(verlopen=0, nadert=0)
    assert signalen() == eerst
    assert len(eerst) == 5
    assert sorted(Termijn.objects.values_list("id", "status", "nadert_gesignaleerd", "bijgewerkt_op")) == termijnen


@pytest.mark.django_db
@pytest.mark.parametrize("dagen", [1, 365, 10 * 365])
def test_there_is_no_lower_time_bound(dagen):
    """A sweep that did not run for a week (or a termijn imported a year late) still catches up."""
    termijn = TermijnFactory(fatale_datum=VANDAAG - timedelta(days=dagen), streefdatum=VANDAAG - timedelta(days=dagen))

    services.termijnen_sweep()

    assert Termijn.objects.get(pk=termijn.pk).status == TermijnStatus.VERLOPEN
    assert Signaal.objects.filter(termijn=termijn, soort=SignaalSoort.VERLOPEN).count() == 1


@pytest.mark.django_db
def test_a_handled_signal_is_not_recreated_by_the_next_sweep(werkcoach):
    termijn = TermijnFactory(verlopen_gisteren=True, dossier__werkcoach=werkcoach)
    services.termijnen_sweep()
    services.signaal_afhandelen(signaal_id=Signaal.objects.get().pk, notitie="Gebeld", by=werkcoach)
    # Even if the termijn were reopened and swept again, the unique (termijn, soort) holds.
    Termijn.objects.filter(pk=termijn.pk).update(status=TermijnStatus.OPEN)

    services.termijnen_sweep()

    assert Signaal.objects.count() == 1
    assert not Signaal.objects.get().is_open


@pytest.mark.django_db
@pytest.mark.parametrize("status", [TermijnStatus.GEHAALD, TermijnStatus.OPGESCHORT, TermijnStatus.VERVALLEN])
def test_termijnen_that_are_not_open_are_left_alone(status):
    TermijnFactory(verlopen_gisteren=True, status=status, streefdatum=VANDAAG - timedelta(days=20))

    assert services.termijnen_sweep() == services.SweepResultaat(verlopen=0, nadert=0)
    assert Termijn.objects.get().status == status
    assert not Signaal.objects.exists()


@pytest.mark.django_db
def test_the_sweep_works_through_more_rows_than_one_batch():
    TermijnFactory.create_batch(7, verlopen_gisteren=True)

    resultaat = services.termijnen_sweep(batch=3)

    assert resultaat.verlopen == 7
    assert not Termijn.objects.filter(status=TermijnStatus.OPEN).exists()
    assert Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).count() == 7


@pytest.mark.django_db
def test_the_task_runs_the_sweep_and_reports_counts():
    TermijnFactory(verlopen_gisteren=True)
    TermijnFactory(nadert=True)

    assert termijnen_sweep_task() == {"verlopen": 1, "nadert": 1}
    assert termijnen_sweep_task() == {"verlopen": 0, "nadert": 0}


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_claim_nothing_twice():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (SELECT … FOR UPDATE SKIP LOCKED): run with DATABASE_URL=postgres://…")
    TermijnFactory.create_batch(60, verlopen_gisteren=True)
    TermijnFactory.create_batch(40, nadert=True)
    start = threading.Barrier(2)
    resultaten, fouten = [], []

    def sweep():
        try:
            start.wait(timeout=10)
            resultaten.append(services.termijnen_sweep(batch=5))
        except Exception as fout:  # surfaced below; a thread's exception is otherwise lost
            fouten.append(fout)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert not fouten
    assert sum(r.verlopen for r in resultaten) == 60  # every row claimed by exactly one sweep
    assert sum(r.nadert for r in resultaten) == 40
    assert Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).count() == 60
    assert Signaal.objects.filter(soort=SignaalSoort.NADERT).count() == 40
    assert not Termijn.objects.filter(status=TermijnStatus.OPEN, fatale_datum__lt=VANDAAG).exists()


def test_the_management_command_runs_the_sweep_and_reports_what_it_did(werkcoach):
    from io import StringIO

    from django.core.management import call_command

    termijn = TermijnFactory(dossier__werkcoach=werkcoach, verlopen_gisteren=True)
    uit = StringIO()

    call_command("termijnen_sweep", stdout=uit)

    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.VERLOPEN
    assert "1 termijnen verlopen" in uit.getvalue()


@pytest.mark.django_db
def test_a_termijn_that_was_extended_after_expiring_is_signalled_again_when_it_expires_again():
    from cases.termijnen.rules import TermijnBerekening

    termijn = TermijnFactory(verlopen_gisteren=True, bron="test")
    services.termijnen_sweep()
    # DUO extends: the owning app pushes a later fatale datum, the termijn reopens.
    later = VANDAAG + timedelta(days=30)
    services.termijnen_bijwerken(dossier=termijn.dossier, bron="test", berekeningen=[TermijnBerekening(
        soort=termijn.soort, basisdatum=termijn.basisdatum, fatale_datum=later)])
    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPEN

    services.termijnen_sweep(peildatum=later + timedelta(days=1))

    verlopen = Signaal.objects.filter(termijn=termijn, soort=SignaalSoort.VERLOPEN)
    assert sorted(verlopen.values_list("termijn_fatale_datum", flat=True)) == [VANDAAG - timedelta(days=1), later]
