"""Render the real PIP beschikking 20 times and print the median and p90 render time.

    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_beschikking.py [aantal]

Like `bench_pdf.py`, but with `pip_plans/beschikking.html` and a realistic PIP built from unsaved model
instances (no database, no storage): template + WeasyPrint, PDF/A-2a. The first (cold) render is reported
separately and left out of the figures.
"""

import logging
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from cases.models import Dossier, Inburgeraar  # noqa: E402
from inburgering.accounts.models import User  # noqa: E402
from inburgering.documenten.pdf import render_pdf  # noqa: E402
from inburgering.instellingen.models import GemeenteInstellingen  # noqa: E402
from inburgering.kalender import datums  # noqa: E402
from pip_plans.instellingen import PipInstellingen  # noqa: E402
from pip_plans.models import Pip  # noqa: E402
from pip_plans.services import BESCHIKKING_TEMPLATE  # noqa: E402

TEKST = "Wij hebben samen afgesproken dat u drie dagdelen per week les volgt en daarnaast oefent met een taalmaatje."


def _context() -> dict:
    gemeente = GemeenteInstellingen()  # unsaved: the model's defaults (Eemsdelta)
    pip_instellingen = PipInstellingen()
    inburgeraar = Inburgeraar(bsn="999993653", voornamen="Yusuf", geslachtsnaam="Al-Haddad",
                              geboortedatum=date(1990, 3, 4), straat="Molenstraat", huisnummer="12",
                              postcode="9934 AB", woonplaats="Delfzijl")
    dossier = Dossier(pk=4242, inburgeraar=inburgeraar, doelgroep="Asielstatushouder",
                      datum_kennisgeving=date(2026, 1, 5))
    consulent = User(username="consulent", first_name="Sanne", last_name="de Boer")
    pip = Pip(
        dossier=dossier, versie=1, leerroute="B", niveau="B1", alfabetisering="AA", b1_intensiteit=1200,
        aanbieder="Taalschool Noord (keurmerk Blik op Werk)", leerroute_afspraken=TEKST, periode_maanden=30,
        pvt_vorm="groep", pvt_intensiteit="4 bijeenkomsten van 3 uur", pvt_geplande_start=date(2026, 9, 1),
        map_vorm="werkplek", map_intensiteit="2 uur per week", knm_afspraken=TEKST, ontzorgen=True,
        ontzorgen_start=date(2026, 2, 1), ontzorgen_vaste_lasten=["huur", "stroom", "zorgverzekering"],
        maatschappelijke_begeleiding=TEKST, participatie=TEKST, participatiewet=TEKST, kinderopvang=TEKST,
        vve_afspraken=TEKST, aantal_voortgangsgesprekken=8, dagtekening=date(2026, 3, 10),
        bekendmaking=date(2026, 3, 11), bezwaar_einde=date(2026, 4, 22), termijn_start=date(2026, 3, 11),
        vastgesteld_door=consulent,
    )
    return {
        "pip": pip, "dossier": dossier, "inburgeraar": inburgeraar, "gemeente": gemeente,
        "pip_instellingen": pip_instellingen,
        "termijn": datums.inburgeringstermijn(pip.termijn_start),
        "consulent": consulent, "bezwaar_weken": datums.BEZWAAR_WEKEN, "inburgeringstermijn_jaren": 3,
    }


def _render(context: dict) -> tuple[float, int]:
    start = time.perf_counter()
    _html, pdf = render_pdf(template_naam=BESCHIKKING_TEMPLATE, context=context,
                            titel="Beschikking PIP Yusuf Al-Haddad versie 1")
    return time.perf_counter() - start, len(pdf)


def main(aantal: int = 20) -> None:
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    context = _context()
    eerste, grootte = _render(context)
    tijden = sorted(_render(context)[0] for _ in range(aantal))
    p90 = tijden[max(0, round(0.9 * len(tijden)) - 1)]
    print(f"eerste render (koud): {eerste:.3f} s, {grootte} bytes")
    print(f"{aantal} renders: mediaan {statistics.median(tijden):.3f} s, p90 {p90:.3f} s, max {tijden[-1]:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
