"""The screenshots of the manual (issue 20 item 5), made by this test so they stay current.

It loads the demo data, logs in as each demo role through the login form, visits the pages the manual
describes and writes one PNG per entry of OPNAMES into static/handleiding/ (committed, so the manual shows
them). Then it checks the manual against what it made: the set of <img> sources on the manual's pages is
exactly the set of files this test wrote, and static/handleiding/ holds no other PNG.

A normal test run writes the screenshots to a temporary folder and compares them, by name, with the committed
ones (so `make test` leaves the working tree clean); `HANDLEIDING_BIJWERKEN=1` writes them into
static/handleiding/ to commit: `make handleiding`.

A new section with a screenshot: add its `{% include "handleiding/_afbeelding.html" with bestand=... %}`
to the section's template and one `Opname` here.
"""

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from PIL import Image
from playwright.sync_api import Locator, Page, expect

from avg.models import Vernietigingslijst
from cases.models import Dossier, Fase
from cases.termijnen.services import termijnen_sweep
from inburgering.handleiding.secties import ROLHANDLEIDINGEN
from pip_plans.models import Pip

MAP = Path(settings.BASE_DIR) / "static" / "handleiding"
BIJWERKEN = os.environ.get("HANDLEIDING_BIJWERKEN") == "1"
VIEWPORT = {"width": 1000, "height": 700}
MAX_HOOGTE = 700  # px: a tall region is cut off below this
KLEUREN = 64  # a palette of 64 colours keeps screenshots of text small and sharp
MAX_TOTAAL = 2 * 1024 * 1024


def _dossier(**filters) -> Dossier:
    """The demo werkcoach's first dossier in the wanted state, else his first dossier: the demo data may
    change, the screenshot is still made."""
    eigen = Dossier.objects.filter(werkcoach__username="werkcoach").order_by("pk")
    return eigen.filter(**filters).first() or eigen.first()


def _pip_formulier() -> str:
    """The PIP form of a werkcoach's dossier: a concept if there is one, else a new PIP."""
    concept = Pip.objects.filter(dossier__werkcoach__username="werkcoach", status="concept").first()
    if concept:
        return reverse("pip_plans:pip_bewerken", args=[concept.pk])
    dossier = _dossier(fase__in=[Fase.PIP_IN_OPSTELLING, Fase.INTAKE])
    return reverse("pip_plans:pip_nieuw", args=[dossier.pk])


def _main(page: Page) -> Locator:
    return page.locator("main")


def _fieldset(legend: str) -> Callable[[Page], Locator]:
    return lambda page: page.locator("fieldset", has=page.locator("legend", has_text=legend)).first


@dataclass(frozen=True)
class Opname:
    bestand: str
    gebruiker: str  # a demo user (manage.py demo_data), logged in with password "demo"
    pad: Callable[[], str]
    regio: Callable[[Page], Locator] = _main


OPNAMES = [
    Opname("werkcoach-werkvoorraad.png", "werkcoach", lambda: reverse("werkvoorraad:lijst")),
    Opname("werkcoach-dossier-aanmaken.png", "werkcoach", lambda: reverse("cases:dossier_nieuw")),
    Opname("werkcoach-dossier.png", "werkcoach",
           lambda: reverse("cases:dossier_detail", args=[_dossier(fase=Fase.IN_UITVOERING).pk])),
    Opname("werkcoach-brede-intake.png", "werkcoach",
           lambda: reverse("intake:intake_bewerken", args=[_dossier(fase=Fase.INTAKE).pk]),
           _fieldset("Leerbaarheidstoets")),
    Opname("werkcoach-pip.png", "werkcoach", _pip_formulier, _fieldset("Leerroute (DUO)")),
    Opname("werkcoach-brieven.png", "werkcoach",
           lambda: reverse("cases:documenten", args=[_dossier(fase=Fase.IN_UITVOERING).pk])),
    Opname("werkcoach-voortgangsgesprek.png", "werkcoach",
           lambda: reverse("contact:contacten", args=[_dossier(fase=Fase.IN_UITVOERING).pk])),
    Opname("consulent-pip-beoordelen.png", "consulent", lambda: reverse("pip_plans:te_beoordelen")),
    Opname("consulent-handhaving.png", "consulent", lambda: reverse("handhaving:zaken")),
    Opname("manager-dashboard.png", "manager", lambda: reverse("dashboards:dashboard")),
    Opname("beheerder-instellingen.png", "beheerder", lambda: reverse("admin:index"),
           lambda page: page.locator("#content")),
    Opname("privacy-inzageverzoek.png", "privacy", lambda: reverse("inzage:start")),
    Opname("privacy-vernietiging.png", "privacy",
           lambda: reverse("avg:lijst", args=[Vernietigingslijst.objects.order_by("-pk").first().pk])),
    Opname("privacy-logboek.png", "privacy", lambda: reverse("verwerkingen:logboek")),
    Opname("koppelbeheer-duo-berichten.png", "koppelbeheer", lambda: reverse("duo:outbox")),
    Opname("koppelbeheer-meldingen.png", "koppelbeheer", lambda: reverse("duo_koppeling:meldingen")),
    Opname("postkamer-printbatch.png", "postkamer", lambda: reverse("post:post")),
]


def _opslaan(png: bytes, pad: Path) -> None:
    """Only the region, at most MAX_HOOGTE high, in a small palette, optimised."""
    beeld = Image.open(io.BytesIO(png)).convert("RGB")
    beeld = beeld.crop((0, 0, beeld.width, min(beeld.height, MAX_HOOGTE)))
    beeld = beeld.quantize(colors=KLEUREN, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    beeld.save(pad, format="PNG", optimize=True)


def _afbeeldingen_in_de_handleiding(page: Page, live_server) -> dict[str, str]:
    """Every <img> on the manual's role pages: file name → alt text."""
    gevonden: dict[str, str] = {}
    for rol in ROLHANDLEIDINGEN:
        page.goto(f"{live_server.url}{reverse('handleiding:rol', args=[rol.slug])}")
        for img in page.locator("main img").all():
            bron = img.get_attribute("src")
            assert bron.startswith(f"{settings.STATIC_URL}handleiding/"), bron
            gevonden[bron.rsplit("/", 1)[1]] = img.get_attribute("alt") or ""
    return gevonden


def _inloggen(page: Page, live_server, gebruikersnaam: str) -> None:
    """The real login form, as the demo user; the beheerder lands in the admin, the others in the app."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/inloggen/"))


def test_the_manual_shows_exactly_the_screenshots_this_test_makes(page: Page, live_server, tmp_path):
    call_command("demo_data", dossiers=30)
    termijnen_sweep()  # signals on the werkvoorraad, as `make run` does once
    page.set_viewport_size(VIEWPORT)
    doel = MAP if BIJWERKEN else tmp_path
    doel.mkdir(parents=True, exist_ok=True)

    gemaakt: set[str] = set()
    ingelogd = None
    for opname in OPNAMES:
        if opname.gebruiker != ingelogd:
            _inloggen(page, live_server, opname.gebruiker)
            ingelogd = opname.gebruiker
        page.goto(f"{live_server.url}{opname.pad()}")
        regio = opname.regio(page)
        expect(regio).to_be_visible()
        _opslaan(regio.screenshot(animations="disabled"), doel / opname.bestand)
        gemaakt.add(opname.bestand)

    assert len(gemaakt) == len(OPNAMES), "two entries write the same file"
    in_handleiding = _afbeeldingen_in_de_handleiding(page, live_server)
    assert set(in_handleiding) == gemaakt, (
        f"in de handleiding maar niet gemaakt: {sorted(set(in_handleiding) - gemaakt)}; "
        f"gemaakt maar niet in de handleiding: {sorted(gemaakt - set(in_handleiding))}")
    assert {p.name for p in MAP.glob("*.png")} == gemaakt, (
        "static/handleiding/ does not hold exactly the screenshots this test makes: run `make handleiding`")
    assert all(len(alt) > 20 and re.search(r"\b(de|het|een|met)\b", alt) for alt in in_handleiding.values())
    totaal = sum((doel / naam).stat().st_size for naam in gemaakt)
    assert totaal < MAX_TOTAAL, f"{totaal} bytes"
