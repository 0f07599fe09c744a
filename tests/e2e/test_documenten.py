"""Issue 15, the Documenten tab in the browser: a werkcoach uploads a document, finds it listed next to the
PIP beschikking, and downloads it; every page passes axe."""

import hashlib

from django.core.files.base import ContentFile

from playwright.sync_api import Page, expect

from cases.models import DossierBijlage
from inburgering.audit.models import InzageLog
from inburgering.documenten.models import Document
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, PipFactory, TeamFactory, WerkcoachFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _beschikking(dossier) -> Document:
    """A vastgesteld PIP with its beschikking (stored as `pip_plans.services` does, without rendering)."""
    document = Document.objects.create(
        titel="Beschikking PIP versie 1", soort="pip_beschikking", bestand=ContentFile(PDF, name="b.pdf"),
        sha256=hashlib.sha256(PDF).hexdigest(), html="<p>Beschikking</p>", template_naam="pip_plans/beschikking.html",
        template_versie="1", grootte=len(PDF), aangemaakt_door=dossier.werkcoach, dossier_id=dossier.pk)
    PipFactory(vastgesteld=True, dossier=dossier, document=document)
    return document


def test_werkcoach_voegt_een_document_toe_en_downloadt_het(page: Page, live_server, inloggen, tmp_path):
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach",
                                 team=TeamFactory(naam="Team Noord"))
    dossier = DossierFactory(werkcoach=werkcoach)
    _beschikking(dossier)
    inloggen(werkcoach)

    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="Documenten").click()
    expect(page.get_by_role("heading", name="Documenten", level=2)).to_be_visible()
    expect(page.get_by_role("link", name="Beschikking PIP versie 1")).to_be_visible()
    expect(page.get_by_role("cell", name="Beschikking PIP", exact=True)).to_be_visible()
    assert_geen_axe_fouten(page, "Documenten-tab met de beschikking")

    page.get_by_role("link", name="Document toevoegen").click()
    expect(page.get_by_role("heading", name="Document toevoegen", level=1)).to_be_visible()
    assert_geen_axe_fouten(page, "Document toevoegen")
    page.get_by_label("Diploma of certificaat").check()
    page.get_by_label("Datum van het document").fill("2024-03-15")
    page.get_by_label("Omschrijving").fill("Diploma Staatsexamen NT2")
    bestand = tmp_path / "Diploma van Wendy's klant.pdf"
    bestand.write_bytes(PDF)
    page.get_by_label("Bestand").set_input_files(str(bestand))
    page.get_by_role("button", name="Toevoegen").click()

    expect(page.get_by_text("Het document “Diploma Staatsexamen NT2” is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("link", name="Diploma Staatsexamen NT2")).to_be_visible()
    expect(page.get_by_role("cell", name="Diploma of certificaat")).to_be_visible()
    expect(page.get_by_role("link", name="Beschikking PIP versie 1")).to_be_visible()
    assert_geen_axe_fouten(page, "Documenten-tab met de upload")
    bijlage = DossierBijlage.objects.get()
    assert "Diploma" not in bijlage.bestand.name  # stored under a random name

    with page.expect_download() as info:
        page.get_by_role("link", name="Diploma Staatsexamen NT2").click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename == "Diploma van Wendy's klant.pdf"
    with open(download.path(), "rb") as gedownload:
        assert gedownload.read() == PDF
    assert InzageLog.objects.filter(dossier_id=dossier.pk, pagina="document", gebruiker=werkcoach).count() == 1
