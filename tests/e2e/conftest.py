"""Browser tests: Playwright (pytest-playwright) driving the system Chromium against pytest-django's live_server.

Every page a test visits is scanned with axe-core (WCAG 2.1 A/AA) via `assert_geen_axe_fouten(page)`.
axe-core comes from node_modules (package.json pins it); Chromium from the OS (`CHROMIUM_PATH`).
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

E2E_MAP = Path(__file__).parent
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WACHTWOORD = "geheim-wachtwoord"  # tests/factories.py
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


GEEN_CHROMIUM = "geen Chromium voor de browsertests"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """`make test` on a machine without Chromium: say at the end, where it is read, how many browser tests
    were skipped and how to get them (the skip reasons alone scroll by unnoticed)."""
    overgeslagen = [r for r in terminalreporter.stats.get("skipped", []) if GEEN_CHROMIUM in str(r.longrepr)]
    if not overgeslagen:
        return
    pad = chromium_pad()
    terminalreporter.write_sep("=", f"{len(overgeslagen)} browsertests overgeslagen", yellow=True, bold=True)
    terminalreporter.write_line(
        f"Er is geen Chromium op {pad}, dus de browsertests (tests/e2e: toetsenbord, axe-scan) zijn niet gedraaid.\n"
        "Installeer Chromium en draai `make test` opnieuw:\n"
        "    sudo apt-get install chromium        (Debian/Ubuntu)\n"
        "of wijs CHROMIUM_PATH naar een Chromium of Chrome die er al is: make test CHROMIUM_PATH=/pad/naar/chromium"
    )


def chromium_pad() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    # Without Chromium every browser test is skipped before its fixtures (live server, database) start.
    zonder_chromium = not Path(chromium_pad()).is_file()
    for item in items:
        if E2E_MAP in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))
            if zonder_chromium:
                item.add_marker(pytest.mark.skip(reason=f"{GEEN_CHROMIUM}: {chromium_pad()} bestaat niet (CHROMIUM_PATH)"))


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live_server, but always serving static files through the staticfiles finders.

    pytest-django only does that when the literal "django.contrib.staticfiles" is in INSTALLED_APPS; this
    project lists its own AppConfig subclass of it, and the CSS from node_modules would then answer 404.
    """
    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(addr, start=False)
    server.thread.static_handler = StaticFilesHandler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[Browser]:
    """Overrides pytest-playwright's browser: the OS Chromium, never a downloaded one."""
    pad = chromium_pad()
    if not Path(pad).is_file():
        pytest.skip(f"{GEEN_CHROMIUM}: {pad} bestaat niet (CHROMIUM_PATH)")
    playwright = request.getfixturevalue("playwright")
    browser = playwright.chromium.launch(executable_path=pad, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam",
            "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(context: BrowserContext) -> BrowserContext:
    context.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    return context


@pytest.fixture
def page(page: Page, live_server) -> Iterator[Page]:
    """The page, failing the test on any static file or page that answers 4xx/5xx and on JavaScript errors."""
    problemen: list[str] = []
    page.on("pageerror", lambda fout: problemen.append(f"JavaScript-fout: {fout}"))
    page.on(
        "response",
        lambda antwoord: problemen.append(f"HTTP {antwoord.status}: {antwoord.url}")
        if antwoord.status >= 400 and antwoord.url.startswith(live_server.url) else None,
    )
    yield page
    assert not problemen, "\n".join(problemen)


@pytest.fixture
def inloggen(page: Page, live_server) -> Callable:
    """Log in through the real login form; returns the page, now on the user's start page."""

    def _inloggen(user, wachtwoord: str = WACHTWOORD, *, axe: bool = False) -> Page:
        page.goto(f"{live_server.url}/inloggen/")
        if axe:
            assert_geen_axe_fouten(page, "inlogpagina")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(wachtwoord)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        return page

    return _inloggen


def assert_geen_axe_fouten(page: Page, context: str | None = None) -> None:
    """Run axe-core (WCAG 2.1 A and AA) on the current page; fail listing every violation and its nodes."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP (script-src
        # 'self', issue 12) would block add_script_tag, and must stay on while the pages are tested.
        page.evaluate(f"() => {{ {AXE_JS.read_text()}\n}}")
    resultaat = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    fouten = resultaat["violations"]
    if not fouten:
        return
    regels = [f"axe: {len(fouten)} overtreding(en) op {context or page.url}:"]
    for fout in fouten:
        regels.append(f"- [{fout['impact']}] {fout['id']}: {fout['help']} ({fout['helpUrl']})")
        for node in fout["nodes"]:
            regels.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    pytest.fail("\n".join(regels), pytrace=False)


def printbatch_posten(page: Page, gepost_op) -> None:
    """As the logged-in postkamer: compose the print batch, confirm it as posted on `gepost_op`, log out."""
    page.get_by_role("button", name="Printbatch samenstellen").click()
    expect(page.get_by_role("status")).to_contain_text("De printbatch is samengesteld")
    page.get_by_role("link", name="Verzending bevestigen").click()
    page.get_by_label(re.compile(r"^Gepost op( \(verplicht\))?$")).fill(gepost_op.isoformat())
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("status")).to_contain_text("De verzending is bevestigd")
    page.get_by_role("button", name="Uitloggen").click()
