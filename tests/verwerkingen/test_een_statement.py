"""A read barely writes (issue 18): on PostgreSQL the Logboek Dataverwerkingen row of a request — the row,
its place in the hash chain and its dossier rows — is ONE statement, and the chain it builds is the one
`logboek_controleren` verifies in Python, also for text that JSON must escape."""

import threading

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from inburgering.audit.controle import keten_controleren
from inburgering.audit.keten import bereken_hash
from inburgering.audit.models import Dataverwerking, DataverwerkingDossier, Ketenkop
from inburgering.audit.verwerkingen import queries_per_verwerking, verwerking, verwerking_vastleggen
from tests.factories import DossierFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="the one-statement path is PostgreSQL's; SQLite goes through the model")


@pytest.mark.django_db
def test_writing_a_row_with_its_dossiers_is_one_statement():
    Ketenkop.objects.get_or_create(logboek=Dataverwerking.KETEN)
    with CaptureQueriesContext(connection) as ctx, verwerking(activiteit="dossierbeheer", naam="test") as v:
        v.toevoegen("raadplegen", [3, 1, 2])

    assert len(ctx.captured_queries) == queries_per_verwerking() == 1
    regel = Dataverwerking.objects.get()
    assert regel.dossier_ids == [1, 2, 3]
    assert sorted(DataverwerkingDossier.objects.values_list("dossier_id", flat=True)) == [1, 2, 3]
    assert regel.hash == bereken_hash(regel)
    kop = Ketenkop.objects.get(logboek=Dataverwerking.KETEN)
    assert (kop.laatste_id, kop.laatste_hash) == (regel.pk, regel.hash)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ['aanhalings"teken \\ en\nnieuwe regel\t', "Zoë’s café — ü ∑ 日本", "\x01\x1f"])
def test_the_database_hash_is_the_python_hash_for_text_json_escapes(naam):
    for i in range(3):
        with verwerking(activiteit="dossierbeheer", naam=f"{naam}{i}") as v:
            v.toevoegen("raadplegen", [i + 1])

    regels = list(Dataverwerking.objects.order_by("id"))
    assert [r.naam for r in regels] == [f"{naam}{i}" for i in range(3)]
    assert all(r.hash == bereken_hash(r) for r in regels)
    assert [r.vorige_hash for r in regels[1:]] == [r.hash for r in regels[:-1]]
    assert keten_controleren(Dataverwerking)[1] is None


def test_a_list_page_writes_its_read_in_one_statement(client, werkcoach):
    DossierFactory.create_batch(3, werkcoach=werkcoach)
    client.force_login(werkcoach)
    client.get(reverse("cases:dossier_lijst"))  # the chain head exists after the first row

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("cases:dossier_lijst")).status_code == 200

    schrijven = [q["sql"] for q in ctx.captured_queries if "audit_dataverwerking" in q["sql"]]
    assert len(schrijven) == 1 and schrijven[0].lstrip().startswith("WITH kop AS")
    laatste = Dataverwerking.objects.order_by("-id").first()
    assert len(laatste.dossier_ids) == 3
    assert keten_controleren(Dataverwerking)[1] is None


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_keep_one_unbroken_chain_with_time_and_id_in_order():
    Ketenkop.objects.get_or_create(logboek=Dataverwerking.KETEN)
    start = threading.Barrier(4)
    fouten = []

    def schrijf(nummer):
        try:
            start.wait(timeout=10)
            for i in range(15):
                verwerking_vastleggen("raadplegen", dossier_ids=[nummer * 100 + i])
        except Exception as fout:  # surfaced below: a thread's exception is otherwise lost
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)

    assert not fouten
    assert keten_controleren(Dataverwerking) == (60, None)
    tijden = list(Dataverwerking.objects.order_by("id").values_list("tijdstip", flat=True))
    assert tijden == sorted(tijden)  # the tijdstip is taken inside the chain's lock
    assert DataverwerkingDossier.objects.count() == 60
