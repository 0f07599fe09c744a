"""The set-based sweep at scale (issue 18): what it stores is what the rules say (signal fields, the
werkvoorraad's sort key), a second run is a no-op, concurrent sweeps on the real database split the
work without doing a row twice, and a big sweep refreshes the planner statistics."""

import threading
from datetime import date

from django.db import connection

import pytest

from cases.models import Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.termijnen import services
from cases.termijnen.soorten import Eigenaar, soorten_van
from tests import klok
from tests.factories import TermijnFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


postgres = pytest.mark.skipif(connection.vendor != "postgresql",
                              reason="row locks and ANALYZE: run with DATABASE_URL=postgres://…")


def _stand():
    return (
        sorted(Termijn.objects.values_list("id", "status", "nadert_gesignaleerd", "bijgewerkt_op")),
        sorted(Signaal.objects.values_list("id", "termijn_id", "soort", "termijn_fatale_datum", "urgentie",
                                           "sorteer_fatale_datum", "aangemaakt_op")),
    )


@pytest.mark.django_db
def test_the_signals_carry_the_worklist_sort_key_and_the_termijn_date():
    verlopen = TermijnFactory(verlopen_gisteren=True)
    nadert = TermijnFactory(nadert=True)

    services.termijnen_sweep()

    rijen = {s.soort: s for s in Signaal.objects.all()}
    assert (rijen["verlopen"].termijn_id, rijen["verlopen"].dossier_id, rijen["verlopen"].urgentie,
            rijen["verlopen"].sorteer_fatale_datum, rijen["verlopen"].termijn_fatale_datum) == (
        verlopen.pk, verlopen.dossier_id, 0, verlopen.fatale_datum, verlopen.fatale_datum)
    assert (rijen["nadert"].termijn_id, rijen["nadert"].urgentie, rijen["nadert"].sorteer_fatale_datum) == (
        nadert.pk, 1, nadert.fatale_datum)
    assert all(s.is_open and s.omschrijving == "" and s.notitie == "" and s.aangemaakt_door_id is None
               for s in rijen.values())


@pytest.mark.django_db
def test_a_citizens_term_becomes_verstreken_without_a_signal():
    burger = sorted(soorten_van(Eigenaar.BURGER))[0]
    termijn = TermijnFactory(verlopen_gisteren=True, soort=burger)

    resultaat = services.termijnen_sweep()

    assert resultaat.verstreken == 1 and resultaat.verlopen == 0
    assert Termijn.objects.get(pk=termijn.pk).status == TermijnStatus.VERSTREKEN
    assert not Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).exists()


@pytest.mark.django_db
def test_a_second_run_over_many_chunks_changes_nothing():
    TermijnFactory.create_batch(9, verlopen_gisteren=True)
    TermijnFactory.create_batch(4, nadert=True)
    eerste = services.termijnen_sweep(batch=2)
    voor = _stand()

    tweede = services.termijnen_sweep(batch=2)

    assert (eerste.verlopen, eerste.nadert) == (9, 4)
    assert tweede == services.SweepResultaat(verlopen=0, nadert=0)
    assert _stand() == voor


@postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("aantal", [2, 4])
def test_concurrent_sweeps_on_the_database_do_every_row_exactly_once(aantal):
    TermijnFactory.create_batch(150, verlopen_gisteren=True)
    TermijnFactory.create_batch(50, nadert=True)
    start = threading.Barrier(aantal)
    resultaten, fouten = [], []

    def sweep():
        try:
            start.wait(timeout=10)
            resultaten.append(services.termijnen_sweep(batch=7))
        except Exception as fout:  # surfaced below: a thread's exception is otherwise lost
            fouten.append(fout)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(aantal)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert not fouten
    assert len(resultaten) == aantal
    # The counts are the rows each sweep changed itself: together exactly the due rows, nothing twice.
    assert sum(r.verlopen for r in resultaten) == 150
    assert sum(r.nadert for r in resultaten) == 50
    assert Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).count() == 150
    assert Signaal.objects.filter(soort=SignaalSoort.NADERT).count() == 50
    assert not Termijn.objects.filter(status=TermijnStatus.OPEN, fatale_datum__lt=VANDAAG).exists()
    assert services.termijnen_sweep() == services.SweepResultaat(verlopen=0, nadert=0)


def _analyses() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT coalesce(sum(analyze_count), 0) FROM pg_stat_user_tables WHERE relname = ANY(%s)",
                       [[Termijn._meta.db_table, Signaal._meta.db_table]])
        return cursor.fetchone()[0]


@postgres
@pytest.mark.django_db(transaction=True)
def test_a_big_sweep_analyzes_the_touched_tables_and_a_small_one_does_not():
    TermijnFactory.create_batch(6, verlopen_gisteren=True)
    voor = _analyses()

    klein = services.termijnen_sweep(analyse_vanaf=7)

    assert not klein.geanalyseerd
    assert _analyses() == voor

    TermijnFactory.create_batch(3, verlopen_gisteren=True)
    TermijnFactory.create_batch(2, nadert=True)

    groot = services.termijnen_sweep(analyse_vanaf=5)

    assert groot.geanalyseerd and (groot.verlopen, groot.nadert) == (3, 2)
    assert _analyses() == voor + 2  # both tables


@postgres
@pytest.mark.django_db(transaction=True)
def test_a_sweep_with_many_due_rows_analyzes_before_its_chunks_as_well_as_after():
    # Before: a bulk load or restore may have left no statistics, and the chunks' plans depend on them.
    TermijnFactory.create_batch(6, verlopen_gisteren=True)
    voor = _analyses()

    resultaat = services.termijnen_sweep(analyse_vanaf=5, batch=2)

    assert resultaat.geanalyseerd and resultaat.verlopen == 6
    assert _analyses() == voor + 4  # both tables, before the chunks and after the sweep


def test_the_default_threshold_is_a_big_sweep():
    assert services.ANALYSE_VANAF >= 1000


@pytest.mark.django_db
def test_sqlite_and_postgres_paths_give_the_same_result():
    """The portable ORM path (SQLite) and the set-based one store the same rows."""
    TermijnFactory.create_batch(3, verlopen_gisteren=True)
    TermijnFactory(nadert=True)
    peildatum = VANDAAG
    burger = list(soorten_van(Eigenaar.BURGER))

    resultaat = services._sweep_orm(peildatum, burger, 2)

    assert (resultaat.verlopen, resultaat.nadert) == (3, 1)
    assert sorted(Signaal.objects.values_list("soort", "urgentie")) == [("nadert", 1)] + [("verlopen", 0)] * 3
    assert services.termijnen_sweep() == services.SweepResultaat(verlopen=0, nadert=0)
