"""Retention: one function prunes one log and leaves a checkpoint the hash chain verifies from; the daily
task prunes the inzagelog and the dataverwerkingen log. SQLite does it in Python, PostgreSQL in the
database function `audit_snoeien(logboek, tot)`, the only DELETE the trigger allows (PostgreSQL tests
skip on SQLite; CI runs PostgreSQL)."""

from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

import pytest

from inburgering.audit.bewaren import logboek_snoeien
from inburgering.audit.controle import keten_controleren
from inburgering.audit.models import (
    Dataverwerking,
    DataverwerkingDossier,
    InzageLog,
    Ketencontrolepunt,
)
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen

alleen_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                       reason="de trigger en de bewaarfunctie bestaan alleen op PostgreSQL")


def _verwerking(*dossier_ids, op=None):
    with mock.patch("django.utils.timezone.now", return_value=op or timezone.now()), \
            verwerking(activiteit="dossierbeheer", naam="test"):
        verwerking_vastleggen("raadplegen", dossier_ids=dossier_ids)
    return Dataverwerking.objects.order_by("-id").first()


def _controleren() -> str:
    uit = StringIO()
    call_command("logboek_controleren", stdout=uit)  # raises CommandError on a break
    return uit.getvalue()


def test_pruning_removes_the_old_rows_and_their_dossiers_and_leaves_a_checkpoint(db):
    oud = [_verwerking(i, i + 100) for i in range(1, 4)]
    grens = timezone.now()
    nieuw = _verwerking(7)

    assert logboek_snoeien("dataverwerkingen", grens) == 3

    assert list(Dataverwerking.objects.values_list("id", flat=True)) == [nieuw.pk]
    assert list(DataverwerkingDossier.objects.values_list("dossier_id", flat=True)) == [7]
    punt = Ketencontrolepunt.objects.get(logboek="dataverwerkingen")
    assert (punt.laatste_id, punt.laatste_hash, punt.verwijderd) == (oud[-1].pk, oud[-1].hash, 3)
    assert "dataverwerkingen: 1 regels, keten intact." in _controleren()
    # Idempotent: nothing older left, no second checkpoint.
    assert logboek_snoeien("dataverwerkingen", grens) == 0
    assert Ketencontrolepunt.objects.filter(logboek="dataverwerkingen").count() == 1
    # New rows keep chaining on.
    _verwerking(8)
    assert keten_controleren(Dataverwerking) == (2, None)


def test_pruning_everything_still_verifies(db):
    _verwerking(1)
    _verwerking(2)

    assert logboek_snoeien("dataverwerkingen", timezone.now() + timedelta(seconds=1)) == 2

    assert keten_controleren(Dataverwerking) == (0, None)
    _verwerking(3)
    assert keten_controleren(Dataverwerking) == (1, None)


def test_an_unknown_log_is_refused(db):
    with pytest.raises(ValueError, match="Onbekend logboek"):
        logboek_snoeien("dossiers", timezone.now())


def test_the_daily_task_prunes_both_logs_by_their_retention(werkcoach, settings):
    from inburgering.audit.tasks import logboeken_snoeien_taak

    assert "audit.logboeken_snoeien" in {t["task"] for t in settings.CELERY_BEAT_SCHEDULE.values()}
    instellingen = GemeenteInstellingen.huidig()
    instellingen.logboek_bewaartermijn_jaren = 2
    instellingen.save()
    nu = timezone.now()
    zes_jaar_geleden, drie_jaar_geleden = nu - timedelta(days=6 * 366), nu - timedelta(days=3 * 366)
    heel_oud = _verwerking(1, op=zes_jaar_geleden)
    wat_oud = _verwerking(2, op=drie_jaar_geleden)
    recent = _verwerking(3)
    with mock.patch("django.utils.timezone.now", return_value=zes_jaar_geleden):
        InzageLog.objects.create(gebruiker=werkcoach, dossier_id=1, pagina="overzicht", pad="/dossiers/1/")
    with mock.patch("django.utils.timezone.now", return_value=drie_jaar_geleden):
        inzage_wat_oud = InzageLog.objects.create(gebruiker=werkcoach, dossier_id=2, pagina="overzicht",
                                                  pad="/dossiers/2/")

    # The inzagelog keeps its own term when the setting says so.
    settings.INZAGELOG_BEWAARTERMIJN_JAREN = 5
    assert logboeken_snoeien_taak() == {"inzagelog": 1, "dataverwerkingen": 2}
    assert logboeken_snoeien_taak() == {"inzagelog": 0, "dataverwerkingen": 0}  # idempotent

    assert list(Dataverwerking.objects.values_list("id", flat=True)) == [recent.pk]
    assert list(InzageLog.objects.values_list("id", flat=True)) == [inzage_wat_oud.pk]
    assert heel_oud.pk < wat_oud.pk
    assert "keten intact" in _controleren() and "gebroken" not in _controleren()


@alleen_postgresql
@pytest.mark.parametrize("tabel", ["audit_dataverwerking", "audit_dataverwerkingdossier"])
def test_postgresql_refuses_update_and_delete_on_the_new_tables(db, tabel):
    _verwerking(1)

    for sql in (f"UPDATE {tabel} SET id = id", f"DELETE FROM {tabel}"):
        with pytest.raises(DatabaseError, match="kan alleen worden aangevuld"), transaction.atomic(), \
                connection.cursor() as cursor:
            cursor.execute(sql)


@alleen_postgresql
def test_postgresql_prunes_through_the_database_function_only(db):
    _verwerking(1)
    grens = timezone.now()
    _verwerking(2)

    with connection.cursor() as cursor:
        cursor.execute("SELECT audit_snoeien('dataverwerkingen', %s)", [grens])
        assert cursor.fetchone()[0] == 1
    assert Ketencontrolepunt.objects.get(logboek="dataverwerkingen").verwijderd == 1
    assert "dataverwerkingen: 1 regels, keten intact." in _controleren()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_dataverwerkingdossier")  # the flag was local to the function


@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger de wijziging al")
def test_a_changed_dossier_row_breaks_the_chain_check(db):
    regel = _verwerking(1)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_dataverwerkingdossier SET dossier_id = 99 WHERE verwerking_id = %s", [regel.pk])

    _aantal, breuk = keten_controleren(Dataverwerking)
    assert breuk is not None and breuk.regel_id == regel.pk
    assert "dossierregels" in breuk.reden
