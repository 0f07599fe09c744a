"""Render the test document 20 times and print the median and p90 render time.

    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_pdf.py [aantal]

Measures `render_pdf` (template + WeasyPrint, PDF/A-2a) without database or storage. The first render
(which also imports WeasyPrint and loads the fonts) is reported separately and left out of the figures.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from inburgering.documenten.pdf import render_pdf  # noqa: E402

CONTEXT = {
    "gemeente": SimpleNamespace(naam="Gemeente Eemsdelta", briefhoofd="Postbus 0000\n9930 AA Delfzijl"),
    "aanhef": "heer Jansen",
    "leerroute": "B1-route",
    "kenmerk": "PIP-2026-0042",
}


def _render() -> tuple[float, int]:
    start = time.perf_counter()
    _html, pdf = render_pdf(
        template_naam="documenten/test_voorbeeld.html", context=CONTEXT, titel="Beschikking persoonlijk plan"
    )
    return time.perf_counter() - start, len(pdf)


def main(aantal: int = 20) -> None:
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # the progress log is 8 lines per render
    eerste, grootte = _render()
    tijden = sorted(_render()[0] for _ in range(aantal))
    p90 = tijden[max(0, round(0.9 * len(tijden)) - 1)]
    print(f"eerste render (koud): {eerste:.3f} s, {grootte} bytes")
    print(f"{aantal} renders: mediaan {statistics.median(tijden):.3f} s, p90 {p90:.3f} s, max {tijden[-1]:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
