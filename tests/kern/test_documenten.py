"""Documents (inburgering.documenten): PDF/A-2a rendering checked with pypdf, and the immutable store.

The PDF tests need no browser (WeasyPrint, not Chromium): they are not marked e2e, so they run in
every `make test`, including `-m "not e2e"`. One render is shared per module because WeasyPrint is slow.
"""

import hashlib
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

from django.contrib.admin.sites import site
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject

from inburgering.accounts.models import User
from inburgering.documenten.models import Document, DocumentOnveranderlijk
from inburgering.documenten.pdf import FONTS_MAP, FOUT_GEEN_GEMEENTE, _alleen_eigen_bestanden, render_pdf
from inburgering.documenten.services import DocumentGemanipuleerd, document_inhoud, document_opslaan
from inburgering.documenten.views import document_response
from inburgering.instellingen.models import GemeenteInstellingen

TEMPLATE = "documenten/test_voorbeeld.html"
TITEL = "Beschikking persoonlijk plan inburgering en participatie"
GEMEENTE = SimpleNamespace(naam="Gemeente Eemsdelta", briefhoofd="Postbus 0000\n9930 AA Delfzijl")
CONTEXT = {"gemeente": GEMEENTE, "aanhef": "heer Jansen", "leerroute": "B1-route", "kenmerk": "PIP-2026-0042"}


def _lees(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


@pytest.fixture(scope="module")
def weergave():
    """One render, recording which URLs WeasyPrint fetched (to prove the shipped fonts were used)."""
    from weasyprint.urls import URLFetcher

    opgehaald: list[str] = []
    origineel = URLFetcher.fetch

    def fetch(self, url, headers=None):
        opgehaald.append(url)
        return origineel(self, url, headers)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(URLFetcher, "fetch", fetch)
        html, pdf = render_pdf(template_naam=TEMPLATE, context=CONTEXT, titel=TITEL)
    return SimpleNamespace(html=html, pdf=pdf, reader=_lees(pdf), opgehaald=opgehaald)


# --- render_pdf: content, PDF/A-2a, tags, language, fonts ----------------------------------------


def test_the_pdf_contains_the_dutch_text_of_the_template(weergave):
    tekst = weergave.reader.pages[0].extract_text()
    for verwacht in (
        TITEL,
        "Geachte heer Jansen,",
        "U volgt de B1-route.",
        "binnen zes weken bezwaar maken",
        "Kenmerk PIP-2026-0042",
        "Gemeente Eemsdelta",
        "9930 AA Delfzijl",
        "Pagina 1 van 1",
    ):
        assert verwacht in tekst


def test_the_rendered_html_is_returned_in_dutch_with_a_title(weergave):
    assert '<html lang="nl">' in weergave.html
    assert f"<title>{TITEL}</title>" in weergave.html
    assert "U volgt de <strong>B1-route</strong>." in weergave.html


def test_the_xmp_metadata_declares_pdfa_part_2_conformance_a(weergave):
    xmp = weergave.reader.xmp_metadata
    assert xmp.pdfaid_part == "2"
    assert xmp.pdfaid_conformance == "A"
    assert xmp.dc_title == {"x-default": TITEL}
    assert xmp.dc_creator == ["Gemeente Eemsdelta"]


def test_the_document_info_matches_the_xmp_metadata(weergave):
    info = weergave.reader.metadata
    assert info.title == TITEL
    assert info.author == "Gemeente Eemsdelta"


def test_the_pdf_is_tagged(weergave):
    catalogus = weergave.reader.trailer["/Root"]
    assert catalogus["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert catalogus["/StructTreeRoot"]["/Type"] == "/StructTreeRoot"


def _structuurtypen(knoop) -> set[str]:
    knoop = knoop.get_object()
    if isinstance(knoop, ArrayObject):
        return set().union(*(_structuurtypen(kind) for kind in knoop))
    if not isinstance(knoop, DictionaryObject):
        return set()  # a marked-content id
    eigen = {knoop["/S"]} if "/S" in knoop else set()
    return eigen | (_structuurtypen(knoop["/K"]) if "/K" in knoop else set())


def test_the_structure_tree_holds_the_headings_paragraphs_and_table(weergave):
    typen = _structuurtypen(weergave.reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/Document", "/H1", "/H2", "/P", "/Table", "/TH", "/TD"} <= typen


def test_the_pdf_has_an_srgb_output_intent_and_an_id_for_pdfa(weergave):
    assert weergave.reader.pdf_header == "%PDF-1.7"
    assert len(weergave.reader.trailer["/ID"]) == 2
    assert not weergave.reader.is_encrypted
    (intent,) = weergave.reader.trailer["/Root"]["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    assert "/DestOutputProfile" in intent


def test_the_document_language_is_dutch(weergave):
    assert weergave.reader.trailer["/Root"]["/Lang"] == "nl"


def test_the_fonts_are_the_shipped_dejavu_fonts_and_embedded(weergave):
    fonts = weergave.reader.pages[0]["/Resources"]["/Font"]
    namen = set()
    for verwijzing in fonts.values():
        font = verwijzing.get_object()
        (descendant,) = font["/DescendantFonts"]
        beschrijving = descendant.get_object()["/FontDescriptor"]
        assert "/FontFile2" in beschrijving, "PDF/A requires every font to be embedded"
        assert "/ToUnicode" in font, "conformance A requires Unicode text"
        namen.add(font["/BaseFont"].split("+", 1)[-1])
    assert namen == {"DejaVu-Sans", "DejaVu-Sans-Bold"}
    assert (FONTS_MAP / "DejaVuSans.ttf").as_uri() in weergave.opgehaald
    assert (FONTS_MAP / "DejaVuSans-Bold.ttf").as_uri() in weergave.opgehaald


def test_the_font_licence_is_shipped_with_the_fonts():
    assert "Bitstream" in (FONTS_MAP / "LICENSE").read_text()


def test_pages_are_numbered_pagina_x_van_y():
    context = {**CONTEXT, "extra_alineas": ["Een lange alinea over de leerroute."] * 60}
    _html, pdf = render_pdf(template_naam=TEMPLATE, context=context, titel=TITEL)
    pagina_s = _lees(pdf).pages
    totaal = len(pagina_s)
    assert totaal > 1
    for nummer, pagina in enumerate(pagina_s, start=1):
        assert f"Pagina {nummer} van {totaal}" in pagina.extract_text()


def test_render_pdf_refuses_a_context_without_gemeente():
    with pytest.raises(ValueError, match="gemeente"):
        render_pdf(template_naam=TEMPLATE, context={}, titel=TITEL)
    assert "gemeente" in FOUT_GEEN_GEMEENTE


@pytest.mark.parametrize("url", ["file:///etc/hostname", "https://example.org/logo.png", "http://127.0.0.1/"])
def test_the_renderer_fetches_nothing_but_the_shipped_fonts(url):
    with pytest.raises(ValueError, match="geweigerd"):
        _alleen_eigen_bestanden().fetch(url)


def test_the_renderer_refuses_to_climb_out_of_the_fonts_directory():
    with pytest.raises(ValueError, match="geweigerd"):
        _alleen_eigen_bestanden().fetch(FONTS_MAP.as_uri() + "/../models.py")


# --- services: storing, immutability, tampering ---------------------------------------------------


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def opslaan(werkcoach):
    def _opslaan(**overschreven) -> Document:
        argumenten = {
            "template_naam": TEMPLATE,
            "template_versie": "2026-1",
            "context": {**CONTEXT, "gemeente": GemeenteInstellingen.huidig()},
            "titel": TITEL,
            "soort": "pip_beschikking",
            "by": werkcoach,
        } | overschreven
        return document_opslaan(**argumenten)

    return _opslaan


def _pdf_bestanden(media: Path) -> list[Path]:
    return list(media.rglob("*.pdf")) if media.exists() else []


def test_document_opslaan_stores_the_file_its_sha256_and_the_html(media, opslaan, werkcoach):
    document = opslaan()

    document.refresh_from_db()
    inhoud = Path(document.bestand.path).read_bytes()
    assert inhoud.startswith(b"%PDF-1.7")
    assert document.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert document.grootte == len(inhoud)
    assert "Geachte heer Jansen," in document.html
    assert (document.soort, document.template_naam, document.template_versie) == (
        "pip_beschikking",
        TEMPLATE,
        "2026-1",
    )
    assert document.mime_type == "application/pdf"
    assert document.aangemaakt_door == werkcoach
    # upload_to dates by the local (Amsterdam) clock, as a user sees the month; aangemaakt_op is stored in UTC
    assert document.bestand.name.startswith(f"documenten/{timezone.localtime(document.aangemaakt_op):%Y/%m}/pip_beschikking-")
    assert _pdf_bestanden(media) == [Path(document.bestand.path)]


def test_the_letterhead_comes_from_the_gemeente_instellingen(media, opslaan):
    instellingen = GemeenteInstellingen.huidig()
    instellingen.naam = "Gemeente Proefdorp"
    instellingen.save()

    document = opslaan()

    assert "Gemeente Proefdorp" in _lees(document_inhoud(document)).pages[0].extract_text()


def test_a_stored_document_cannot_be_changed(media, opslaan):
    document = opslaan()
    document.titel = "Andere titel"

    with pytest.raises(DocumentOnveranderlijk, match="kan niet worden gewijzigd"):
        document.save()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=document.pk).update(titel="Andere titel")
    kopie = Document.objects.get(pk=document.pk)
    kopie._state.adding = True  # a new instance carrying an existing pk would UPDATE that row
    with pytest.raises(DocumentOnveranderlijk):
        kopie.save()
    assert Document.objects.get(pk=document.pk).titel == TITEL


def test_a_stored_document_cannot_be_deleted(media, opslaan):
    document = opslaan()

    with pytest.raises(DocumentOnveranderlijk, match="kan niet worden verwijderd"):
        document.delete()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=document.pk).delete()
    assert Document.objects.filter(pk=document.pk).exists()
    assert Path(document.bestand.path).exists()


@pytest.fixture
def kapotte_templates(settings, tmp_path):
    map_ = tmp_path / "templates" / "documenten"
    map_.mkdir(parents=True)
    (map_ / "kapot.html").write_text('{% extends "documenten/basis.html" %}{% block inhoud %}{% if %}{% endblock %}')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]


@pytest.mark.parametrize(
    ("template_naam", "fout"),
    [("documenten/kapot.html", TemplateSyntaxError), ("documenten/bestaat_niet.html", TemplateDoesNotExist)],
)
def test_a_template_error_saves_nothing(media, opslaan, kapotte_templates, template_naam, fout):
    with pytest.raises(fout):
        opslaan(template_naam=template_naam)

    assert Document.objects.count() == 0
    assert _pdf_bestanden(media) == []


def test_a_failed_database_write_removes_the_file_again(media, opslaan):
    niet_opgeslagen = User(username="bestaat_niet")

    with pytest.raises(ValueError, match="unsaved related object"):
        opslaan(by=niet_opgeslagen)

    assert Document.objects.count() == 0
    assert _pdf_bestanden(media) == []


def test_document_inhoud_returns_the_verified_pdf(media, opslaan):
    document = opslaan()

    assert document_inhoud(document) == Path(document.bestand.path).read_bytes()


def test_document_inhoud_detects_a_tampered_file(media, opslaan):
    document = opslaan()
    pad = Path(document.bestand.path)
    pad.write_bytes(pad.read_bytes().replace(b"B1-route", b"Z-route!", 1) + b"\n")

    with pytest.raises(DocumentGemanipuleerd, match="gewijzigd"):
        document_inhoud(document)


# --- download and admin ---------------------------------------------------------------------------


def test_document_response_is_a_pdf_attachment_named_after_the_titel(media, opslaan):
    document = opslaan(titel="Beschikking PIP: J. Jansen / 2026")

    response = document_response(document)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Beschikking PIP  J. Jansen   2026.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == document_inhoud(document)


def test_document_response_refuses_a_tampered_file(media, opslaan):
    document = opslaan()
    Path(document.bestand.path).write_bytes(b"%PDF-1.7 vervalst")

    with pytest.raises(DocumentGemanipuleerd):
        document_response(document)


def test_documents_are_not_in_the_admin_because_they_hold_personal_data():
    assert not site.is_registered(Document)
