"""Issue 15, the Documenten tab: uploads under the upload rules, the list of letters and uploads, the
downloads looked up through the dossier, logged, and verified against their sha256."""

import hashlib
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases.bijlage.services import DOSSIER_AFGESLOTEN, bijlage_toevoegen
from cases.models import BijlageCategorie, DossierBijlage
from inburgering.audit.models import InzageLog
from inburgering.audit.verwerkingen import queries_per_verwerking
from inburgering.documenten.models import Document
from inburgering.documenten.uploads import FOUT_SOORT
from tests import klok
from tests.factories import DossierFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.CLAMD_ADDRESS = ""


def upload(inhoud: bytes = PDF, naam: str = "Verblijfsvergunning Jansen.pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def toevoegen(dossier, by, **anders):
    gegevens = {"categorie": BijlageCategorie.IDENTITEIT, "datum": date(2024, 3, 1),
                "omschrijving": "Verblijfsvergunning", "bestand": upload(), **anders}
    return bijlage_toevoegen(dossier_id=dossier.pk, by=by, **gegevens)


def brief(dossier, *, titel="Beschikking PIP", soort="pip_beschikking", inhoud=PDF):
    return Document.objects.create(
        titel=titel, soort=soort, bestand=ContentFile(inhoud, name="brief.pdf"),
        sha256=hashlib.sha256(inhoud).hexdigest(), html="<p>brief</p>", template_naam="t.html",
        template_versie="1", grootte=len(inhoud), aangemaakt_door=dossier.werkcoach, dossier_id=dossier.pk,
    )


def bestanden(tmp_path) -> list:
    return [p for p in tmp_path.rglob("*") if p.is_file()]


# --- the service --------------------------------------------------------------------------------------


def test_an_upload_is_stored_under_a_random_name_with_its_sha256(dossier, werkcoach, tmp_path):
    bijlage = toevoegen(dossier, werkcoach)

    bijlage.refresh_from_db()
    assert bijlage.dossier == dossier and bijlage.toegevoegd_door == werkcoach
    assert bijlage.originele_naam == "Verblijfsvergunning Jansen.pdf"
    assert "Jansen" not in bijlage.bestand.name and bijlage.bestand.name.endswith(".pdf")
    assert bijlage.bestand.name.startswith("dossiers/bijlagen/")
    assert (bijlage.mime_type, bijlage.grootte) == ("application/pdf", len(PDF))
    assert bijlage.sha256 == hashlib.sha256(PDF).hexdigest()
    assert bijlage.bestand.read() == PDF
    assert bijlage.history.get().history_change_reason.startswith("Document toegevoegd")


def test_a_file_of_a_type_not_allowed_is_refused_next_to_the_field_and_nothing_is_saved(dossier, werkcoach, tmp_path):
    with pytest.raises(ValidationError) as fout:
        toevoegen(dossier, werkcoach, bestand=upload(b"MZ\x90\x00 programma", "brief.pdf"))

    assert fout.value.message_dict == {"bestand": [str(FOUT_SOORT)]}
    assert not DossierBijlage.objects.exists()
    assert bestanden(tmp_path) == []


def test_a_file_that_is_too_large_is_refused_and_nothing_is_saved(settings, dossier, werkcoach, tmp_path):
    settings.UPLOAD_MAX_BYTES = 20

    with pytest.raises(ValidationError) as fout:
        toevoegen(dossier, werkcoach)

    assert "groter dan" in fout.value.message_dict["bestand"][0]
    assert not DossierBijlage.objects.exists()
    assert bestanden(tmp_path) == []


def test_an_infected_file_is_refused(settings, dossier, werkcoach, monkeypatch, tmp_path):
    settings.CLAMD_ADDRESS = "tcp://127.0.0.1:1"
    monkeypatch.setattr("inburgering.documenten.uploads.clamd_scan", lambda *a, **k: "Eicar-Test-Signature")

    with pytest.raises(ValidationError) as fout:
        toevoegen(dossier, werkcoach)

    assert "virus" in fout.value.message_dict["bestand"][0]
    assert not DossierBijlage.objects.exists() and bestanden(tmp_path) == []


@pytest.mark.parametrize(("veld", "waarde"), [
    ("categorie", "geheim"), ("datum", None), pytest.param("datum", lambda: date.today() + timedelta(days=1), id="datum-morgen"),
    ("datum", date(1899, 12, 31)), ("omschrijving", "   "), ("bestand", None),
])
def test_each_missing_or_implausible_field_is_refused_next_to_it(dossier, werkcoach, veld, waarde, tmp_path):
    with pytest.raises(ValidationError) as fout:
        toevoegen(dossier, werkcoach, **{veld: klok.invullen(waarde)})

    assert set(fout.value.message_dict) == {veld}
    assert not DossierBijlage.objects.exists() and bestanden(tmp_path) == []


def test_a_failed_row_write_removes_the_written_file(dossier, werkcoach, monkeypatch, tmp_path):
    def kapot(obj, **kwargs):
        obj.bestand.save(obj.bestand.name, obj.bestand.file, save=False)  # the file is written ...
        raise RuntimeError("schijf vol")  # ... and then the row fails

    monkeypatch.setattr("cases.bijlage.services.opslaan", kapot)
    with pytest.raises(RuntimeError):
        toevoegen(dossier, werkcoach)

    assert not DossierBijlage.objects.exists()
    assert bestanden(tmp_path) == []


def test_only_who_may_edit_the_dossier_adds_a_document(dossier, manager, werkcoach_ander_team, collega, consulent):
    with pytest.raises(PermissionDenied):
        toevoegen(dossier, manager)
    with pytest.raises(DossierBijlage.dossier.field.related_model.DoesNotExist):
        toevoegen(dossier, werkcoach_ander_team)  # another team's dossier does not exist for them
    toevoegen(dossier, collega)
    toevoegen(dossier, consulent)
    assert DossierBijlage.objects.count() == 2


def test_a_closed_dossier_takes_no_documents(werkcoach):
    beeindigd = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    with pytest.raises(ValidationError, match=str(DOSSIER_AFGESLOTEN)):
        toevoegen(beeindigd, werkcoach)


def test_a_stale_dossier_version_is_refused_when_one_is_sent(dossier, werkcoach):
    with pytest.raises(ValidationError) as fout:
        toevoegen(dossier, werkcoach, versie=dossier.versie + 5)
    assert fout.value.code == "versie"
    assert not DossierBijlage.objects.exists()
    toevoegen(dossier, werkcoach, versie=dossier.versie)  # the current version passes


# --- the pages ----------------------------------------------------------------------------------------


def test_the_tab_lists_letters_and_uploads_newest_first(client, dossier, werkcoach):
    brief(dossier)
    toevoegen(dossier, werkcoach, omschrijving="Diploma A2", categorie=BijlageCategorie.DIPLOMA)
    brief(DossierFactory(werkcoach=werkcoach), titel="Brief van een ander dossier")
    client.force_login(werkcoach)

    response = client.get(reverse("cases:documenten", args=[dossier.pk]))

    tekst = response.content.decode()
    assert response.status_code == 200
    rijen = response.context["pagina"].object_list
    assert [r.soort for r in rijen] == ["bijlage", "brief"]
    assert "Diploma A2" in tekst and "Diploma of certificaat" in tekst
    assert "Beschikking PIP" in tekst and "Brief van een ander dossier" not in tekst
    assert reverse("cases:document_toevoegen", args=[dossier.pk]) in tekst
    assert InzageLog.objects.get().pagina == "documenten"


def test_the_upload_form_saves_and_goes_back_to_the_tab(client, dossier, werkcoach):
    client.force_login(werkcoach)
    url = reverse("cases:document_toevoegen", args=[dossier.pk])
    pagina = client.get(url)
    assert 'enctype="multipart/form-data"' in pagina.content.decode()

    response = client.post(url, {"categorie": "medisch", "datum": "01-02-2024", "omschrijving": "Verklaring arts",
                                 "bestand": upload(naam="arts.pdf")})

    assert response.status_code == 302 and response.url == reverse("cases:documenten", args=[dossier.pk])
    assert DossierBijlage.objects.get().omschrijving == "Verklaring arts"


def test_the_upload_form_shows_a_refused_file_next_to_the_field(client, dossier, werkcoach):
    client.force_login(werkcoach)
    response = client.post(reverse("cases:document_toevoegen", args=[dossier.pk]), {
        "categorie": "medisch", "datum": "01-02-2024", "omschrijving": "Verklaring arts",
        "bestand": SimpleUploadedFile("arts.exe", b"MZ\x90\x00")})

    assert response.status_code == 200
    assert response.context["form"].errors["bestand"] == [str(FOUT_SOORT)]
    assert 'value="Verklaring arts"' in response.content.decode()  # the typed text stays
    assert not DossierBijlage.objects.exists()


def test_a_download_is_logged_and_named_after_the_users_file(client, dossier, werkcoach):
    bijlage = toevoegen(dossier, werkcoach)
    client.force_login(werkcoach)

    response = client.get(reverse("cases:bijlage_download", args=[dossier.pk, bijlage.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "Verblijfsvergunning Jansen.pdf" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rij = InzageLog.objects.get()
    assert (rij.dossier_id, rij.pagina, rij.gebruiker) == (dossier.pk, "document", werkcoach)


def test_a_letter_download_is_logged(client, dossier, werkcoach):
    document = brief(dossier)
    client.force_login(werkcoach)

    response = client.get(reverse("cases:brief_download", args=[dossier.pk, document.pk]))

    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert InzageLog.objects.get().pagina == "document"


def test_a_changed_upload_gives_the_dutch_error_page(client, dossier, werkcoach):
    bijlage = toevoegen(dossier, werkcoach)
    with open(bijlage.bestand.path, "ab") as bestand:
        bestand.write(b"gewijzigd")
    client.force_login(werkcoach)
    client.raise_request_exception = False

    response = client.get(reverse("cases:bijlage_download", args=[dossier.pk, bijlage.pk]))

    assert response.status_code == 500
    assert "gewijzigd" in response.content.decode() and PDF not in response.content


def test_a_changed_letter_gives_the_dutch_error_page(client, dossier, werkcoach):
    document = brief(dossier)
    with open(document.bestand.path, "ab") as bestand:
        bestand.write(b"gewijzigd")
    client.force_login(werkcoach)
    client.raise_request_exception = False

    response = client.get(reverse("cases:brief_download", args=[dossier.pk, document.pk]))

    assert response.status_code == 500


@pytest.mark.parametrize("naam", ["brief_download", "bijlage_download"])
def test_a_document_of_another_dossier_under_this_dossiers_url_is_404_and_not_logged(client, werkcoach, naam):
    eigen, ander = DossierFactory(werkcoach=werkcoach), DossierFactory(werkcoach=werkcoach)
    kind = brief(ander) if naam == "brief_download" else toevoegen(ander, werkcoach)
    client.force_login(werkcoach)

    assert client.get(reverse(f"cases:{naam}", args=[eigen.pk, kind.pk])).status_code == 404
    assert client.get(reverse(f"cases:{naam}", args=[ander.pk, kind.pk])).status_code == 200
    assert list(InzageLog.objects.values_list("dossier_id", flat=True)) == [ander.pk]


@pytest.mark.parametrize("naam", ["documenten", "document_toevoegen"])
def test_another_teams_dossier_is_404(client, werkcoach_ander_team, dossier, naam):
    client.force_login(werkcoach_ander_team)
    assert client.get(reverse(f"cases:{naam}", args=[dossier.pk])).status_code == 404
    assert not InzageLog.objects.exists()


# --- query count: the tab costs the same, however many documents ----------------------------------------

# Every request: session, user, groups = 3 (no session save: inburgering.accounts.sessies).
# The tab: the dossier with its FKs (1); the inzage log row (savepoint, chain head, insert, head update,
# release = 5); the count, one page of keys, the page's letters and its uploads, each with its user
# joined (4); the Logboek Dataverwerkingen row (one statement on PostgreSQL; on SQLite savepoint, chain
# head, row, head update, release, dossier rows = 6) = 14 or 19.
QUERIES_TAB = 13 + queries_per_verwerking()


def _aantal(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_tab_costs_the_same_queries_for_2_and_60_documents(client, werkcoach, collega):
    dossier = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    url = reverse("cases:documenten", args=[dossier.pk])
    brief(dossier)
    toevoegen(dossier, werkcoach)
    bij_2 = _aantal(client, url)
    for i in range(29):
        brief(dossier, titel=f"Brief {i}")
        toevoegen(dossier, collega if i % 2 else werkcoach, omschrijving=f"Stuk {i}")
    bij_60 = _aantal(client, url)

    assert bij_2 == bij_60 == QUERIES_TAB


# --- the data migration that fills dossier_id for the letters made before it existed -------------------


def test_the_data_migration_fills_the_dossier_of_existing_letters(werkcoach):
    import importlib

    from django.db import connection as verbinding
    from django.db.migrations.loader import MigrationLoader

    from handhaving.models import Handhavingszaak
    from pip_plans.models import Pip
    from tests.factories import HandhavingszaakFactory, PipFactory

    migratie = importlib.import_module("handhaving.migrations.0008_document_dossier_id_vullen")
    dossier, ander = DossierFactory(werkcoach=werkcoach), DossierFactory(werkcoach=werkcoach)
    beschikking, waarschuwing, besluit, los = (brief(dossier) for _ in range(4))
    with verbinding.cursor() as cursor:  # the rows are immutable: a raw update makes them rows of before
        cursor.execute("UPDATE documenten_document SET dossier_id = NULL")
    pip = PipFactory(dossier=dossier)
    Pip.objects.filter(pk=pip.pk).update(document=beschikking)
    zaak = HandhavingszaakFactory(dossier=ander)
    Handhavingszaak.objects.filter(pk=zaak.pk).update(waarschuwing_document=waarschuwing, besluit_document=besluit)

    staat = MigrationLoader(verbinding).project_state(("handhaving", "0008_document_dossier_id_vullen"))
    migratie.vullen(staat.apps, None)

    assert dict(Document.objects.values_list("pk", "dossier_id")) == {
        beschikking.pk: dossier.pk, waarschuwing.pk: ander.pk, besluit.pk: ander.pk, los.pk: None}


def test_who_may_not_edit_sees_the_list_without_the_upload_link(client, dossier, manager, werkcoach):
    toevoegen(dossier, werkcoach)
    beeindigd = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    for gebruiker, doel in ((manager, dossier), (werkcoach, beeindigd)):
        client.force_login(gebruiker)
        response = client.get(reverse("cases:documenten", args=[doel.pk]))
        assert response.status_code == 200
        assert reverse("cases:document_toevoegen", args=[doel.pk]) not in response.content.decode()
        assert client.get(reverse("cases:document_toevoegen", args=[doel.pk])).status_code == 403
