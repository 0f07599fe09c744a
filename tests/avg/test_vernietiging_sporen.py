"""After destruction nothing of the person can be found (issue 13): a search of every table — history
tables included — and of the media folder for the BSN and the name finds only the core.

The dossier has a row in every model the walk can reach (tests/avg/vullen.py, made from the model
graph), each text holding the name and BSN, with files on disk, history rows, and a row that exists only
in a history table (deleted earlier). Run on SQLite and on PostgreSQL (CI)."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

import pytest

from avg import persoonsgegevens, services
from avg.models import Kerngegevens
from cases.models import Dossier, EindReden, Fase, Inburgeraar
from inburgering.documenten.models import Document
from tests.avg.vullen import _te_vullen, alles_vullen
from tests.factories import DossierFactory, InburgeraarFactory

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999990019"
VOORNAAM = "Zwaantje"
ACHTERNAAM = "Vernietigtest"
TELEFOON = "0612398745"


def _tekstkolommen():
    """(table, column) of every text-like column in the database."""
    tekst = ("char", "text", "json", "clob", "varchar")
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names(cursor):
            for kolom in connection.introspection.get_table_description(cursor, tabel):
                soort = str(kolom.type_code).lower() if connection.vendor == "sqlite" else ""
                if connection.vendor == "sqlite" and not any(t in soort for t in tekst):
                    continue
                yield tabel, kolom.name


def vindplaatsen(*termen: str) -> dict[str, int]:
    """table.column → rows in which any of the terms occurs (case-insensitive, cast to text)."""
    gevonden = {}
    with connection.cursor() as cursor:
        for tabel, kolom in _tekstkolommen():
            q = connection.ops.quote_name
            cast = f"CAST({q(kolom)} AS TEXT)"
            voorwaarden = " OR ".join([f"LOWER({cast}) LIKE %s"] * len(termen))
            cursor.execute(f"SELECT COUNT(*) FROM {q(tabel)} WHERE {voorwaarden}",
                           [f"%{t.lower()}%" for t in termen])
            aantal = cursor.fetchone()[0]
            if aantal:
                gevonden[f"{tabel}.{kolom}"] = aantal
    return gevonden


def media_met(*termen: bytes) -> list[str]:
    wortel = Path(settings.MEDIA_ROOT)
    return [str(p) for p in wortel.rglob("*") if p.is_file() and any(t in p.read_bytes() for t in termen)]


@pytest.fixture(autouse=True)
def eigen_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the scan of the media folder sees this test's files only


@pytest.fixture
def volledig(werkcoach):
    persoon = InburgeraarFactory(bsn=BSN, voornamen=VOORNAAM, geslachtsnaam=ACHTERNAAM, telefoon=TELEFOON,
                                 straat="Kernstraat", huisnummer="1", postcode="9934AB", woonplaats="Delfzijl")
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.AFGEROND,
                             eind_reden=EindReden.VOLDAAN, eind_datum=date(2019, 3, 1),
                             eind_toelichting=f"{VOORNAAM} {ACHTERNAAM} heeft alles gehaald")
    gemaakt = alles_vullen(dossier, gebruiker=werkcoach)
    # A row that now lives only in a history table: deleted, as a werkcoach deletes a werkervaring.
    werkervaring = next(o for m, o in gemaakt.items() if m._meta.label == "cases.Werkervaring")
    type(werkervaring).objects.create(**{
        f.name: getattr(werkervaring, f.name) for f in type(werkervaring)._meta.concrete_fields if not f.primary_key
    }).delete()
    return dossier, gemaakt


def test_the_fixture_reaches_every_model_the_walk_knows(volledig):
    dossier, _gemaakt = volledig
    verzameling = persoonsgegevens.verzamelen(dossier_ids=[dossier.pk], inburgeraar_id=dossier.inburgeraar_id)
    bereikt = {m._meta.label for m in verzameling.modellen()}
    assert {m._meta.label for m in _te_vullen()} <= bereikt | {"documenten.Document"}
    assert Document in verzameling.modellen()


def test_after_destruction_only_the_core_holds_the_bsn_and_the_name(volledig, werkcoach):
    dossier, _gemaakt = volledig
    voor = vindplaatsen(BSN, ACHTERNAAM)
    assert len(voor) > 40  # the fill reached the history tables and the documents too
    bestanden = [d.bestand.path for d in Document.objects.all()]
    assert bestanden and all(Path(p).exists() for p in bestanden)
    assert media_met(BSN.encode())

    with transaction.atomic():
        services.dossier_vernietigen(dossier.pk, peildatum=date.today())

    na = vindplaatsen(BSN, ACHTERNAAM)
    assert na == {"cases_inburgeraar.bsn": 1, "cases_inburgeraar.geslachtsnaam": 1}
    assert vindplaatsen(TELEFOON, VOORNAAM) == {"cases_inburgeraar.voornamen": 1}
    assert not media_met(BSN.encode(), ACHTERNAAM.encode())
    assert not any(Path(p).exists() for p in bestanden)
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    persoon = Inburgeraar.objects.get(bsn=BSN)
    assert (persoon.telefoon, persoon.straat, persoon.woonplaats) == ("", "Kernstraat", "Delfzijl")
    assert not persoon.history.exists()
    kern = Kerngegevens.objects.get(dossier_nummer=dossier.pk)
    assert (kern.eind_reden, kern.eind_datum, kern.bewaren_tot) == (EindReden.VOLDAAN, date(2019, 3, 1),
                                                                   date(2069, 3, 1))


def test_another_dossier_of_the_person_keeps_the_person_level_data(werkcoach):
    persoon = InburgeraarFactory(bsn=BSN, voornamen=VOORNAAM, geslachtsnaam=ACHTERNAAM, telefoon=TELEFOON)
    oud = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.BEEINDIGD,
                         eind_reden=EindReden.VERHUISD, eind_datum=date(2018, 1, 1))
    nieuw = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach)

    with transaction.atomic():
        services.dossier_vernietigen(oud.pk, peildatum=date.today())

    persoon.refresh_from_db()
    assert persoon.telefoon == TELEFOON
    assert Dossier.objects.filter(pk=nieuw.pk).exists()


def test_the_core_goes_after_its_term_and_then_the_person(werkcoach):
    persoon = InburgeraarFactory(bsn=BSN, voornamen=VOORNAAM, geslachtsnaam=ACHTERNAAM)
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.AFGEROND,
                             eind_reden=EindReden.VOLDAAN, eind_datum=date(2019, 3, 1))
    with transaction.atomic():
        services.dossier_vernietigen(dossier.pk, peildatum=date.today())
        services.kern_vernietigen(dossier.pk)

    assert vindplaatsen(BSN, ACHTERNAAM) == {}
    assert not Kerngegevens.objects.exists()
