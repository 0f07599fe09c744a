"""Issue 12 item 3: tamper-evident logs. A hash chain over the inzagelog and the security log that
`manage.py logboek_controleren` verifies; on PostgreSQL a trigger refuses UPDATE and DELETE outside the
retention function. The PostgreSQL tests are skipped on SQLite; CI runs PostgreSQL."""

import threading
from datetime import timedelta
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

import pytest

from inburgering.audit.controle import keten_controleren
from inburgering.audit.keten import bereken_hash
from inburgering.audit.models import Beveiligingslog, Gebeurtenis, InzageLog, Ketencontrolepunt, Ketenkop

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="de trigger en de bewaarfunctie bestaan alleen op PostgreSQL (CI draait PostgreSQL)",
)


def _inzage(gebruiker, dossier_id=1, pagina="overzicht"):
    return InzageLog.objects.create(gebruiker=gebruiker, dossier_id=dossier_id, pagina=pagina, pad=f"/dossiers/{dossier_id}/")


def _controleren() -> tuple[str, str]:
    uit, fout = StringIO(), StringIO()
    try:
        call_command("logboek_controleren", stdout=uit, stderr=fout)
    except CommandError as e:
        return uit.getvalue(), fout.getvalue() + str(e)
    return uit.getvalue(), ""


def test_each_row_chains_on_the_previous_one(werkcoach):
    eerste, tweede = _inzage(werkcoach), _inzage(werkcoach, pagina="pip")
    log = Beveiligingslog.objects.create(gebeurtenis=Gebeurtenis.INLOG_GELUKT, gebruiker=werkcoach,
                                         details={"b": 1, "a": [1, 2]})

    eerste.refresh_from_db()
    tweede.refresh_from_db()
    log.refresh_from_db()
    assert eerste.vorige_hash == ""
    assert tweede.vorige_hash == eerste.hash
    assert len(eerste.hash) == 64
    assert eerste.hash == bereken_hash(eerste)  # the same after a round trip through the database
    assert log.hash == bereken_hash(log)
    assert Ketenkop.objects.get(logboek="inzagelog").laatste_hash == tweede.hash


def test_the_command_reports_intact_chains(werkcoach):
    _inzage(werkcoach)
    _inzage(werkcoach)
    Beveiligingslog.objects.create(gebeurtenis=Gebeurtenis.UITGELOGD, gebruiker=werkcoach)

    uit, fout = _controleren()

    assert fout == ""
    assert "inzagelog: 2 regels, keten intact." in uit
    assert "beveiligingslog: 1 regels, keten intact." in uit


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger de wijziging al")
def test_a_row_changed_with_raw_sql_is_found_by_the_command(werkcoach):
    _inzage(werkcoach, dossier_id=1)
    tweede = _inzage(werkcoach, dossier_id=2)
    _inzage(werkcoach, dossier_id=3)

    _raw("UPDATE audit_inzagelog SET dossier_id = 4 WHERE id = %s", [tweede.pk])
    uit, fout = _controleren()

    assert f"inzagelog: regel {tweede.pk}: inhoud gewijzigd" in fout
    assert "Logboek gewijzigd" in fout
    assert "beveiligingslog: 0 regels, keten intact." in uit


@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger het verwijderen al")
def test_a_deleted_row_in_the_middle_or_at_the_end_is_found(werkcoach):
    regels = [_inzage(werkcoach, dossier_id=i) for i in range(4)]

    _raw("DELETE FROM audit_inzagelog WHERE id = %s", [regels[3].pk])
    assert "de laatste regel" in str(keten_controleren(InzageLog)[1])

    _raw("DELETE FROM audit_inzagelog WHERE id = %s", [regels[1].pk])
    aantal, breuk = keten_controleren(InzageLog)
    assert aantal == 1
    assert breuk.regel_id == regels[2].pk
    assert "sluit niet aan" in breuk.reden


def test_a_recomputed_hash_on_a_changed_row_still_breaks_the_next_link(werkcoach):
    """Whoever changes a row and recomputes its hash must rewrite every later row too."""
    eerste, tweede = _inzage(werkcoach, dossier_id=1), _inzage(werkcoach, dossier_id=2)
    eerste.dossier_id = 9
    nieuwe_hash = bereken_hash(eerste)
    if connection.vendor == "postgresql":
        pytest.skip("op PostgreSQL weigert de trigger de wijziging al")
    _raw("UPDATE audit_inzagelog SET dossier_id = 9, hash = %s WHERE id = %s", [nieuwe_hash, eerste.pk])

    assert keten_controleren(InzageLog)[1].regel_id == tweede.pk


@alleen_postgresql
@pytest.mark.parametrize("tabel", ["audit_inzagelog", "audit_beveiligingslog"])
def test_postgresql_refuses_update_and_delete_with_raw_sql(werkcoach, tabel):
    _inzage(werkcoach)
    Beveiligingslog.objects.create(gebeurtenis=Gebeurtenis.UITGELOGD, gebruiker=werkcoach)

    for sql in (f"UPDATE {tabel} SET pad = 'x'", f"DELETE FROM {tabel}"):
        with pytest.raises(DatabaseError, match="kan alleen worden aangevuld"), transaction.atomic():
            _raw(sql, [])
    with pytest.raises(DatabaseError, match="kan alleen worden aangevuld"), transaction.atomic():
        InzageLog._base_manager.all()._raw_delete(InzageLog._base_manager.db)


@alleen_postgresql
def test_postgresql_refuses_a_checkpoint_written_outside_the_retention_function(werkcoach):
    with pytest.raises(DatabaseError, match="kan alleen worden aangevuld"), transaction.atomic():
        Ketencontrolepunt.objects.create(logboek="inzagelog", tot=timezone.now(), laatste_id=1,
                                         laatste_hash="0" * 64, verwijderd=1)


@alleen_postgresql
def test_the_retention_function_prunes_and_leaves_a_checkpoint_the_chain_verifies_from(werkcoach):
    oud = [_inzage(werkcoach, dossier_id=i) for i in range(3)]
    grens = timezone.now()
    nieuw = _inzage(werkcoach, dossier_id=7)
    Beveiligingslog.objects.create(gebeurtenis=Gebeurtenis.UITGELOGD, gebruiker=werkcoach)

    with connection.cursor() as cursor:
        cursor.execute("SELECT audit_snoeien('inzagelog', %s)", [grens])  # one log per call
        verwijderd = cursor.fetchone()[0]

    assert verwijderd == 3
    assert list(InzageLog.objects.values_list("id", flat=True)) == [nieuw.pk]
    punt = Ketencontrolepunt.objects.get(logboek="inzagelog")
    assert (punt.laatste_id, punt.verwijderd) == (oud[-1].pk, 3)
    assert not Ketencontrolepunt.objects.filter(logboek="beveiligingslog").exists()
    assert _controleren()[1] == ""
    # The flag was transaction-local: after the function, a raw DELETE is refused again.
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("DELETE FROM audit_inzagelog", [])


@alleen_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_chain_stays_valid_under_concurrent_inserts(django_user_model):
    from tests.factories import WerkcoachFactory

    gebruiker = WerkcoachFactory(username="gelijktijdig")
    start = threading.Barrier(8)
    fouten: list[BaseException] = []

    def schrijven(n: int) -> None:
        try:
            start.wait()
            for i in range(10):
                _inzage(gebruiker, dossier_id=n * 100 + i)
        except BaseException as e:  # pragma: no cover - reported below
            fouten.append(e)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijven, args=(n,)) for n in range(8)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()

    assert fouten == []
    assert InzageLog.objects.count() == 80
    assert keten_controleren(InzageLog) == (80, None)


def test_the_log_paths_hold_ids_not_personal_data(client, werkcoach, dossier):
    """InzageLog.pad is the request path: ids only, no BSN or name (documented in audit/models.py)."""
    client.force_login(werkcoach)
    client.get(f"/dossiers/{dossier.pk}/", {"q": dossier.inburgeraar.geslachtsnaam})

    regel = InzageLog.objects.get()
    assert regel.pad == f"/dossiers/{dossier.pk}/"
    assert dossier.inburgeraar.bsn not in regel.pad
    assert dossier.inburgeraar.geslachtsnaam not in regel.pad
    assert regel.tijdstip <= timezone.now() < regel.tijdstip + timedelta(minutes=1)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger de wijziging al")
def test_the_daily_task_logs_a_broken_chain_as_an_error(werkcoach, caplog, settings):
    from inburgering.audit.tasks import logboek_controleren_taak

    assert "audit.logboek_controleren" in {t["task"] for t in settings.CELERY_BEAT_SCHEDULE.values()}
    regel = _inzage(werkcoach)
    assert logboek_controleren_taak() == []

    _raw("UPDATE audit_inzagelog SET pagina = 'anders' WHERE id = %s", [regel.pk])

    assert logboek_controleren_taak() == [f"inzagelog: regel {regel.pk}: inhoud gewijzigd (hash klopt niet)"]
    assert "Logboek gewijzigd" in caplog.text


def test_the_hash_definition_is_pinned():
    """Changing what is hashed (or how) breaks every existing chain: this value must never change."""
    from datetime import UTC, datetime

    regel = InzageLog(gebruiker_id=7, dossier_id=42, pagina="overzicht", pad="/dossiers/42/", ip_adres="10.0.0.1",
                      tijdstip=datetime(2026, 11, 30, 10, 0, tzinfo=UTC), vorige_hash="a" * 64)

    assert bereken_hash(regel) == "c96233862200f29f019fd2c2e1422e8d2e3021194fe2268c3f7c10116a6a8f45"


@pytest.mark.parametrize("model", [InzageLog, Beveiligingslog])
def test_every_column_of_a_log_is_hashed_or_deliberately_not(model):
    """A new column needs a decision: into the hash (a new chain or a checkpoint) or documented as unhashed."""
    from inburgering.audit.keten import VELDEN

    kolommen = {f.attname for f in model._meta.concrete_fields} - {"id", "hash"}
    assert set(VELDEN[model._meta.db_table]) == kolommen
