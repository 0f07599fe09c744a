"""HTML template -> PDF/A-2a (PDF/A-2 with tags), the format in which beschikkingen are archived.

The rendered HTML is returned next to the PDF: it is stored with the document so tests and audits can
read what was written without parsing PDF. WeasyPrint is imported inside the function (STYLE habit 10;
ruff bans a module-level import) because it pulls in Pango and takes a while to load.

Fonts come from this repository (`fonts/`, DejaVu Sans, Bitstream Vera licence), never from the
system, so a document looks the same on every machine; PDF/A requires every font to be embedded.
"""

from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation

FONTS_MAP = Path(__file__).resolve().parent / "fonts"
PDF_VARIANT = "pdf/a-2a"  # PDF/A-2, conformance A: tagged structure, Unicode text, embedded fonts

_FONT_CSS = f"""
@font-face {{
  font-family: "DejaVu Sans";
  font-weight: normal;
  font-style: normal;
  src: url("{(FONTS_MAP / "DejaVuSans.ttf").as_uri()}");
}}
@font-face {{
  font-family: "DejaVu Sans";
  font-weight: bold;
  font-style: normal;
  src: url("{(FONTS_MAP / "DejaVuSans-Bold.ttf").as_uri()}");
}}
html {{ font-family: "DejaVu Sans"; }}
"""

FOUT_GEEN_GEMEENTE = "De context voor een document mist 'gemeente' (naam en briefhoofd)."


def render_pdf(*, template_naam: str, context: dict, titel: str) -> tuple[str, bytes]:
    """Render `template_naam` (extending documenten/basis.html) to HTML and then to PDF/A-2a.

    Always in Dutch (`lang="nl"`): a beschikking is written in the bestuurstaal (Awb 2:6), whatever the
    language of the person clicking the button. Returns `(html, pdf_bytes)`.

    `context` must hold `gemeente` (naam, briefhoofd: `GemeenteInstellingen.huidig()`) for the letterhead;
    `titel`, `aangemaakt_op` and `aangemaakt_op_w3c` are set here and override the context.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    if "gemeente" not in context:
        raise ValueError(FOUT_GEEN_GEMEENTE)
    nu = timezone.localtime()
    basis = {"titel": titel, "aangemaakt_op": nu, "aangemaakt_op_w3c": nu.isoformat(timespec="seconds")}
    with translation.override("nl"):
        html = render_to_string(template_naam, {**context, **basis})
    fetcher = _alleen_eigen_bestanden()
    font_config = FontConfiguration()
    fonts = CSS(string=_FONT_CSS, font_config=font_config, url_fetcher=fetcher)
    pdf = HTML(string=html, base_url=FONTS_MAP.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        stylesheets=[fonts], font_config=font_config, pdf_variant=PDF_VARIANT
    )
    return html, pdf


def render_pdf_bundel(htmls: list[str]) -> bytes:
    """Several rendered letters (their stored HTML) as one PDF/A-2a, each starting on its own page: the
    daily print batch (issue 15). The same fonts and fetcher as one letter."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _alleen_eigen_bestanden()
    font_config = FontConfiguration()
    fonts = CSS(string=_FONT_CSS, font_config=font_config, url_fetcher=fetcher)
    gerenderd = [HTML(string=html, base_url=FONTS_MAP.as_uri() + "/", url_fetcher=fetcher).render(
        stylesheets=[fonts], font_config=font_config) for html in htmls]
    paginas = [pagina for document in gerenderd for pagina in document.pages]
    return gerenderd[0].copy(paginas).write_pdf(pdf_variant=PDF_VARIANT)


def _alleen_eigen_bestanden():
    return _fetcher_klasse()(allowed_protocols={"file"}, fail_on_errors=True)


@cache
def _fetcher_klasse():
    from weasyprint.urls import URLFetcher

    toegestaan = FONTS_MAP.as_uri() + "/"

    class EigenBestandenFetcher(URLFetcher):
        """Fetches only the shipped fonts: no network, no other local files, whatever a template says."""

        def fetch(self, url, headers=None):
            if not url.startswith(toegestaan) or "/../" in url:
                raise ValueError(f"Bron buiten {toegestaan} geweigerd: {url}")
            return super().fetch(url, headers)

    return EigenBestandenFetcher
