"""Issue 18: the demo generator writes a million dossiers with COPY on PostgreSQL. The rows must be the
ones the bulk_create path (SQLite) writes from the same seed — persons, dossiers, termijnen and each
one's creation row in the history — and the sweep must find and sort them as any other."""

from io import StringIO
from itertools import islice

from django.core.management import CommandError, call_command
from django.db import connection
from django.forms.models import model_to_dict

import pytest

from cases import demo, demo_bulk
from cases.demo import maak_dossiers, synthetische_bsns
from cases.management.commands import demo_data as demo_data_commando
from cases.models import Dossier, Inburgeraar, Signaal, SignaalSoort, Termijn
from cases.rules import bsn_is_geldig
from cases.termijnen.services import termijnen_sweep
from tests.werkvoorraad.maak import vandaag

OVERSLAAN = {"id", "inburgeraar", "dossier", "aangemaakt_op", "gewijzigd_op", "bijgewerkt_op"}


# --- unit ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("start", [900_000_000, 912_345_678, 999_998_000])
def test_the_computed_check_digit_gives_exactly_the_numbers_that_pass_the_elfproef(start):
    gezocht = [f"{n:09d}" for n in range(start, min(start + 3000, 1_000_000_000)) if bsn_is_geldig(f"{n:09d}")]

    assert list(islice(synthetische_bsns(start), len(gezocht))) == gezocht


def test_the_last_synthetic_bsn_ends_the_range():
    assert list(synthetische_bsns(999_999_980)) == ["999999989", "999999990"]  # then the 9-range is done


# --- service (PostgreSQL) ------------------------------------------------------------------------------
def _gemaakt() -> list[tuple]:
    """Everything the generator wrote, without keys and timestamps: person, dossier and termijnen."""
    uitkomst = []
    for d in Dossier.objects.select_related("inburgeraar").prefetch_related("termijnen").order_by("inburgeraar__bsn"):
        persoon = {k: v for k, v in model_to_dict(d.inburgeraar).items() if k not in OVERSLAAN}
        dossier = {k: v for k, v in model_to_dict(d).items() if k not in OVERSLAAN}
        termijnen = sorted(tuple(sorted((k, str(v)) for k, v in model_to_dict(t).items() if k not in OVERSLAAN))
                           for t in d.termijnen.all())
        uitkomst.append((tuple(sorted(persoon.items())), tuple(sorted(dossier.items())), tuple(termijnen)))
    return uitkomst


def _wissen() -> None:
    Termijn.objects.all().delete()
    Dossier.objects.all().delete()
    Inburgeraar.objects.all().delete()
    for model in (Termijn, Dossier, Inburgeraar):
        model.history.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's (psycopg 3)")
def test_copy_writes_the_same_rows_as_bulk_create_from_the_same_seed(werkcoach, collega, monkeypatch):
    assert demo_bulk.met_copy(), "these tests run on PostgreSQL with psycopg 3"
    maak_dossiers(40, seed=7, vandaag=vandaag(), batch=15, kennisgeving_dagen=(7, 300))
    met_copy = _gemaakt()
    _wissen()
    monkeypatch.setattr(demo_bulk, "met_copy", lambda: False)

    maak_dossiers(40, seed=7, vandaag=vandaag(), batch=15, kennisgeving_dagen=(7, 300))

    assert len(met_copy) == 40
    assert sum(len(t) for _p, _d, t in met_copy) > 0
    assert _gemaakt() == met_copy


def test_every_row_written_by_copy_has_its_creation_row_in_the_history(werkcoach):
    maak_dossiers(12, seed=3, vandaag=vandaag(), batch=5, kennisgeving_dagen=(7, 300))

    for model, reden in ((Inburgeraar, demo.DEMO_REDEN), (Dossier, demo.DEMO_REDEN), (Termijn, "Berekend (bulk)")):
        historie = {h.id: h for h in model.history.all()}
        assert len(historie) == model.objects.count() > 0
        for obj in model.objects.all():
            h = historie[obj.pk]
            assert (h.history_type, h.history_change_reason, h.history_user_id) == ("+", reden, None)
            assert {f.attname: getattr(h, f.attname) for f in model.history.model.tracked_fields} == {
                f.attname: getattr(obj, f.attname) for f in model.history.model.tracked_fields}


def test_after_copy_the_tables_sequences_go_on_past_the_rows_written(werkcoach, dossier):
    maak_dossiers(6, seed=4, vandaag=vandaag(), kennisgeving_dagen=(7, 300))
    hoogste = Dossier.objects.order_by("-pk").first().pk

    nieuw = Dossier.objects.create(inburgeraar=Inburgeraar.objects.create(
        bsn="111222333", voornamen="Test", geslachtsnaam="Persoon", geboortedatum=vandaag().replace(year=1990)),
        doelgroep=dossier.doelgroep, datum_kennisgeving=vandaag(), werkcoach=werkcoach, team=werkcoach.team)

    assert nieuw.pk > hoogste
    assert Dossier.objects.filter(aangemaakt_op__isnull=True).count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ANALYZE and pg_class are PostgreSQL's")
def test_a_bulk_load_leaves_the_planner_statistics_of_its_tables_up_to_date(werkcoach):
    # ANALYZE of a small table samples every row: its row estimate is then exact. ANALYZE writes pg_class in
    # place (not undone by the test's rollback), so the number is one no other test leaves behind.
    maak_dossiers(37, seed=6, vandaag=vandaag(), kennisgeving_dagen=(7, 300))

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relname = ANY(%s)",
                       [["cases_dossier", "cases_inburgeraar", "cases_historicaldossier"]])
        schattingen = dict(cursor.fetchall())
    assert schattingen == {"cases_dossier": 37, "cases_inburgeraar": 37, "cases_historicaldossier": 37}
    assert Dossier.objects.count() == 37


def test_the_sweep_signals_the_overdue_termijnen_of_copied_dossiers_with_their_worklist_sort_key(werkcoach):
    maak_dossiers(30, seed=5, vandaag=vandaag(), kennisgeving_dagen=(200, 400))  # nearly every PIP termijn overdue

    resultaat = termijnen_sweep(peildatum=vandaag())

    signalen = list(Signaal.objects.select_related("termijn"))
    soorten = [s.soort for s in signalen]
    assert soorten.count(SignaalSoort.VERLOPEN) == resultaat.verlopen > 20
    assert soorten.count(SignaalSoort.NADERT) == resultaat.nadert
    assert all(s.urgentie == (0 if s.soort == SignaalSoort.VERLOPEN else 1) for s in signalen)
    assert all(s.sorteer_fatale_datum == s.termijn.fatale_datum for s in signalen)


def test_demo_data_reports_its_progress_on_large_runs_and_checks_max_dagen(db, monkeypatch):
    monkeypatch.setattr(demo_data_commando, "VOORTGANG_VANAF", 10)
    uit = StringIO()

    call_command("demo_data", dossiers=20, max_dagen=900, stdout=uit)

    regels = uit.getvalue().splitlines()  # one batch of 5000: one line, at the end
    assert [r.split(" (")[0] for r in regels if " van 20 dossiers (" in r] == ["20 van 20 dossiers"]
    oudste = Dossier.objects.filter(fase="aangemeld").order_by("datum_kennisgeving").first()  # not avg's closed ones
    assert (vandaag() - oudste.datum_kennisgeving).days > 120  # up to 900 days ago, not the default 120
    with pytest.raises(CommandError, match="--max-dagen"):
        call_command("demo_data", dossiers=1, max_dagen=6)
