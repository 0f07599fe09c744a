"""The beschikking's summary in plain language (issue 15): in Dutch, and in the person's language through the
catalogues in locale/ (English; Arabic, right to left); the Dutch text stays the legal decision; the UI stays
Dutch whatever the browser asks."""

import gettext
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

import pytest
from fontTools.ttLib import TTFont

from cases import services as cases_services
from cases.forms import InburgeraarForm
from cases.models import Bron, Inburgeraar
from inburgering.documenten.pdf import FONTS_MAP
from inburgering.documenten.talen import brief_taal, correspondentietaal_keuzes
from pip_plans import services
from pip_plans.rules import Leerroute, Niveau
from tests import versies
from tests.factories import BredeIntakeFactory
from tests.pip_plans import test_beschikking_pdf
from tests.pip_plans.test_beschikking_pdf import nederlands, pdf_lezen, tekst

pytestmark = pytest.mark.django_db

KOP = "Samenvatting in eenvoudige taal"
RECHTSGELDIG = "Deze samenvatting is een hulpmiddel. Alleen de Nederlandse tekst van dit besluit is rechtsgeldig."
KOP_EN = "Summary in plain language"
RECHTSGELDIG_EN = "Only the Dutch text of this decision is legally valid."
KOP_AR = "ملخص بلغة بسيطة"
RECHTSGELDIG_AR = "النص الهولندي لهذا القرار هو وحده النص الملزم قانونيًا"
ROUTE_AR = "المسار التعليمي"
BEZWAAR_AR = "تقديم اعتراض"
ARABISCH = re.compile(r"[\u0600-\u06FF]")
LOCALE = Path(settings.BASE_DIR) / "locale"
ENGELSE_MAANDEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"]


def engels(d: date) -> str:
    return f"{d.day} {ENGELSE_MAANDEN[d.month - 1]} {d.year}"


def vaststellen(werkcoach, consulent, taal: str = "", leerroute: str = Leerroute.ONDERWIJS):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__inburgeraar__voornamen="Yusuf",
                                 dossier__inburgeraar__geslachtsnaam="Al-Haddad",
                                 dossier__inburgeraar__correspondentietaal=taal).dossier
    pip = services.pip_opstellen(dossier_id=dossier.pk, by=werkcoach, gegevens={
        "leerroute": leerroute, "niveau": Niveau.B1, "aanbieder": "Noorderpoort"})
    services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    # the module's attributes, not imported names: they are set anew for every test (tests/klok.py)
    return services.pip_vaststellen(pip_id=pip.pk, dagtekening=test_beschikking_pdf.DAGTEKENING,
                                    bekendmaking=test_beschikking_pdf.BEKENDMAKING, versie=versies.van(pip), by=consulent)


def paginas(pip) -> list[str]:
    return [" ".join((pagina.extract_text() or "").split()) for pagina in pdf_lezen(pip).pages]


class Secties(HTMLParser):
    """The attributes of every <section class="samenvatting"> of the stored HTML, with its text."""

    def __init__(self):
        super().__init__()
        self.secties: list[dict] = []
        self._diepte = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "samenvatting":
            self.secties.append({"attrs": attrs, "tekst": ""})
            self._diepte = 1
        elif tag == "section" and self._diepte:
            self._diepte += 1

    def handle_endtag(self, tag):
        if tag == "section" and self._diepte:
            self._diepte -= 1

    def handle_data(self, data):
        if self._diepte:
            self.secties[-1]["tekst"] += data


def secties(pip) -> list[dict]:
    parser = Secties()
    parser.feed(pip.document.html)
    return parser.secties


# --- Dutch -------------------------------------------------------------------------------------------------


def test_the_dutch_summary_follows_the_legal_text_on_its_own_page(werkcoach, consulent):
    pip = vaststellen(werkcoach, consulent)
    bladzijden = paginas(pip)
    nummer = next(i for i, b in enumerate(bladzijden) if KOP in b)
    assert nummer > 0
    assert all("Met vriendelijke groet" not in b for b in bladzijden[nummer:])  # after the legal text
    samenvatting = " ".join(bladzijden[nummer:])
    assert samenvatting.index(KOP) < 5 * len(KOP)  # the page starts with it (after the running header, if any)
    assert "U volgt de onderwijsroute." in samenvatting
    assert f"Doe dat uiterlijk op {nederlands(pip.bezwaar_einde)}." in samenvatting
    assert "De laatste dag is" in samenvatting
    assert "participatieverklaringstraject (PVT)" in samenvatting
    assert "(MAP)" not in samenvatting  # the onderwijsroute has no MAP (Wet 8 lid 3)
    assert "Neem contact op met uw werkcoach" in samenvatting
    assert RECHTSGELDIG in samenvatting
    assert KOP_EN not in samenvatting and not ARABISCH.search(samenvatting)
    assert len(secties(pip)) == 1


def test_the_dutch_summary_names_the_deadline_and_the_map_of_another_route(werkcoach, consulent):
    pip = vaststellen(werkcoach, consulent, leerroute=Leerroute.B1)
    inhoud = tekst(pdf_lezen(pip))
    laatste_dag = inhoud.split(KOP, 1)[1]
    assert "U volgt de B1-route." in laatste_dag
    assert "Module Arbeidsmarkt en Participatie (MAP)" in laatste_dag
    assert "Het doel is Nederlands op niveau B1." in laatste_dag
    start = nederlands(pip.termijn_start)
    assert f"Uw inburgeringstermijn begint op {start}." in laatste_dag


def test_the_template_version_was_raised_for_the_summary(werkcoach, consulent):
    pip = vaststellen(werkcoach, consulent)
    assert pip.document.template_versie == services.BESCHIKKING_TEMPLATE_VERSIE != "2026.3"


# --- English -----------------------------------------------------------------------------------------------


def test_with_english_the_summary_follows_in_english(werkcoach, consulent):
    pip = vaststellen(werkcoach, consulent, taal="en")
    inhoud = tekst(pdf_lezen(pip))
    assert inhoud.index(KOP) < inhoud.index(KOP_EN)
    engels_deel = inhoud.split(KOP_EN, 1)[1]
    assert "You follow the education route (onderwijsroute)." in engels_deel
    assert f"Do this by {engels(pip.bezwaar_einde)} at the latest." in engels_deel
    assert RECHTSGELDIG_EN in engels_deel
    assert RECHTSGELDIG in inhoud  # the Dutch statement stays
    nl, en = secties(pip)
    assert "lang" not in nl["attrs"]  # the document's own lang="nl"
    assert en["attrs"]["lang"] == "en" and "dir" not in en["attrs"]


# --- Arabic ------------------------------------------------------------------------------------------------


@pytest.fixture
def arabisch(werkcoach, consulent):
    return vaststellen(werkcoach, consulent, taal="ar")


def test_with_arabic_the_summary_follows_in_arabic_read_back_from_the_pdf(arabisch):
    inhoud = tekst(pdf_lezen(arabisch))
    assert ARABISCH.search(inhoud)
    assert inhoud.index(KOP) < inhoud.index(KOP_AR)
    arabisch_deel = inhoud.split(KOP_AR, 1)[1]
    for woorden in (ROUTE_AR, BEZWAAR_AR, RECHTSGELDIG_AR):
        assert woorden in arabisch_deel  # real text, in reading order: not boxes, not blanks
    assert RECHTSGELDIG in inhoud  # and the Dutch statement
    assert "\ufffd" not in inhoud


def test_the_arabic_section_is_marked_right_to_left_in_arabic(arabisch):
    nl, ar = secties(arabisch)
    assert ar["attrs"]["lang"] == "ar"
    assert ar["attrs"]["dir"] == "rtl"
    assert KOP_AR in ar["tekst"] and KOP_AR not in nl["tekst"]
    assert "dir" not in nl["attrs"]
    assert re.search(r'<section class="samenvatting" lang="ar" dir="rtl">\s*<h2>' + KOP_AR, arabisch.document.html)


def test_the_arabic_glyphs_come_from_the_embedded_font_that_has_them(arabisch):
    """Every font in the PDF is the shipped DejaVu Sans, embedded; it has a glyph for every Arabic letter of
    the summary (no fallback to a system font, no missing glyph drawn as a box)."""
    reader = pdf_lezen(arabisch)
    fonts = set()
    for pagina in reader.pages:
        for font in pagina["/Resources"]["/Font"].values():
            font = font.get_object()
            beschrijving = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            assert "/FontFile2" in beschrijving or "/FontFile3" in beschrijving  # embedded (PDF/A)
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts <= {"DejaVu-Sans", "DejaVu-Sans-Bold"}
    _, ar = secties(arabisch)
    letters = {t for t in ar["tekst"] if ARABISCH.match(t)}
    assert len(letters) > 20
    for bestand in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(FONTS_MAP / bestand).getBestCmap()
        assert not [t for t in letters if ord(t) not in cmap], bestand


def test_with_arabic_the_beschikking_is_still_pdf_a_2a(arabisch):
    xmp = pdf_lezen(arabisch).xmp_metadata
    assert xmp is not None
    assert xmp.pdfaid_part == "2"
    assert xmp.pdfaid_conformance == "A"
    assert '<html lang="nl">' in arabisch.document.html


def test_a_language_no_longer_offered_gives_the_dutch_summary_only(werkcoach, consulent, settings):
    settings.BRIEF_TALEN = [("en", "English")]
    pip = vaststellen(werkcoach, consulent, taal="ar")
    assert len(secties(pip)) == 1
    assert not ARABISCH.search(pip.document.html.split(KOP, 1)[1])


# --- The catalogues ----------------------------------------------------------------------------------------


def catalogus(mo: Path) -> dict:
    with mo.open("rb") as bestand:
        return dict(gettext.GNUTranslations(bestand)._catalog)


@pytest.mark.parametrize("taal", [code for code, _ in settings.BRIEF_TALEN])
def test_every_letter_language_has_a_committed_current_catalogue(taal, tmp_path):
    po = LOCALE / taal / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert po.is_file() and mo.is_file(), f"{taal}: django.po and django.mo must be committed (make vertalingen)"
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    vers = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check-format", "-o", str(vers), str(po)], check=True, capture_output=True)
    assert catalogus(mo) == catalogus(vers), f"{mo} is older than its .po: run `make vertalingen` and commit"


@pytest.mark.parametrize("taal", [code for code, _ in settings.BRIEF_TALEN])
def test_every_summary_text_is_translated(taal):
    vertaald = catalogus(LOCALE / taal / "LC_MESSAGES" / "django.mo")
    with translation.override(taal):
        assert translation.gettext(KOP) != KOP
        assert translation.gettext(RECHTSGELDIG) != RECHTSGELDIG
    msgids = [m for m in vertaald if m]
    assert len(msgids) >= 20 and all(vertaald[m].strip() for m in msgids)


@pytest.mark.parametrize("taal", [code for code, _ in settings.BRIEF_TALEN])
def test_the_shipped_font_has_every_character_of_the_translation(taal):
    """render_pdf embeds only the shipped DejaVu Sans: a language whose script it lacks would print boxes."""
    tekens = {t for msgstr in catalogus(LOCALE / taal / "LC_MESSAGES" / "django.mo").values() for t in msgstr
              if not t.isspace() and unicodedata.category(t) != "Cf"}
    for bestand in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = TTFont(FONTS_MAP / bestand).getBestCmap()
        assert not sorted(t for t in tekens if ord(t) not in cmap), (taal, bestand)


def teksten_van_de_samenvatting() -> set[str]:
    """The msgids of templates/pip_plans/samenvatting/tekst.html, as makemessages writes them."""
    sjabloon = (Path(settings.BASE_DIR) / "templates" / "pip_plans" / "samenvatting" / "tekst.html").read_text()
    enkel = set(re.findall(r'{% translate "([^"]+)" %}', sjabloon))
    blokken = re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", sjabloon, re.S)
    return enkel | {re.sub(r"{{ (\w+) }}", r"%(\1)s", blok) for blok in blokken}


@pytest.mark.parametrize("taal", [code for code, _ in settings.BRIEF_TALEN])
def test_the_catalogue_translates_exactly_the_summary_texts(taal):
    """Every text of the summary is translated (an untranslated or fuzzy one is left out of the .mo), and
    nothing else is: the UI stays Dutch."""
    msgids = {m for m in catalogus(LOCALE / taal / "LC_MESSAGES" / "django.mo") if m}
    teksten = teksten_van_de_samenvatting()
    assert len(teksten) >= 20
    assert not teksten - msgids, f"{taal}: not translated (run `make vertalingen`, translate, commit)"
    assert not msgids - teksten, f"{taal}: not a text of the summary"


# --- The UI stays Dutch ------------------------------------------------------------------------------------


@pytest.mark.parametrize("taal", ["ar", "en", "ar,en;q=0.9"])
def test_the_ui_stays_dutch_whatever_the_browser_asks(client, werkcoach, taal):
    client.force_login(werkcoach)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = taal.split(",")[0]
    response = client.get(reverse("cases:dossier_lijst"), HTTP_ACCEPT_LANGUAGE=taal)
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert 'lang="nl"' in response.content.decode()
    assert not ARABISCH.search(response.content.decode())
    assert all(code != "ar" and code != "en" for code, _ in settings.LANGUAGES)


# --- The person's language ---------------------------------------------------------------------------------


def test_the_choices_come_from_the_setting(settings):
    assert [c for c, _ in correspondentietaal_keuzes()] == ["", "en", "ar"]
    settings.BRIEF_TALEN = [("en", "English"), ("ar", "العربية"), ("ti", "ትግርኛ")]
    assert [c for c, _ in Inburgeraar._meta.get_field("correspondentietaal").choices] == ["", "en", "ar", "ti"]
    assert brief_taal("ar").rtl and not brief_taal("en").rtl and brief_taal("") is None


def test_the_person_form_offers_the_language_also_for_a_person_from_the_brp(werkcoach):
    persoon = BredeIntakeFactory(dossier__werkcoach=werkcoach).dossier.inburgeraar
    persoon.bron = Bron.BRP
    form = InburgeraarForm(instance=persoon)
    veld = form.fields["correspondentietaal"]
    assert not veld.disabled
    assert [c for c, _ in veld.choices] == ["", "en", "ar"]
    assert form.fields["voornamen"].disabled  # the BRP's own fields stay read-only


def test_the_language_is_saved_shown_and_checked(client, werkcoach):
    dossier = BredeIntakeFactory(dossier__werkcoach=werkcoach).dossier
    persoon = dossier.inburgeraar
    gegevens = {veld: getattr(persoon, veld) for veld in cases_services.PERSOON_VELDEN}
    dossiergegevens = {veld: getattr(dossier, veld) for veld in cases_services.DOSSIER_VELDEN}
    with pytest.raises(ValidationError) as fout:
        cases_services.dossier_bijwerken(dossier_id=dossier.pk, versie=versies.van(dossier), by=werkcoach,
                                         persoon={**gegevens, "correspondentietaal": "xx"}, dossier=dossiergegevens)
    assert "correspondentietaal" in fout.value.message_dict
    cases_services.dossier_bijwerken(dossier_id=dossier.pk, versie=versies.van(dossier), by=werkcoach,
                                     persoon={**gegevens, "correspondentietaal": "ar"}, dossier=dossiergegevens)
    persoon.refresh_from_db()
    assert persoon.correspondentietaal == "ar"
    client.force_login(werkcoach)
    pagina = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()
    assert "Taal van de samenvatting" in pagina
    assert '<span lang="ar">العربية</span>' in pagina
    formulier = client.get(reverse("cases:dossier_bewerken", args=[dossier.pk])).content.decode()
    assert re.search(r'<option value="ar" selected>العربية</option>', formulier)
    assert re.search(r'<option value="">alleen Nederlands</option>', formulier)


def test_a_new_person_reads_dutch_only():
    assert Inburgeraar._meta.get_field("correspondentietaal").default == ""
