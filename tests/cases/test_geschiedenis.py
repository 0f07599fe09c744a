"""The Geschiedenis tab (issue 19 item 2): Dutch labels instead of codes, the events of the PIP, the
traject, contact and handhaving (registered by the apps above cases), paginated at a fixed query count,
and the read logged."""

from datetime import date

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases import geschiedenis
from cases.models import Contactmoment, Dossier, Fase, Inburgeraar
from inburgering.audit.models import InzageLog
from inburgering.audit.verwerkingen import queries_per_verwerking
from leerroutes.models import LeerroutesInstellingen
from tests.factories import (
    ContactmomentFactory,
    DossierFactory,
    HandhavingszaakFactory,
    InschrijvingFactory,
)

pytestmark = pytest.mark.django_db

# Every request: session, user, the user's groups = 3; the dossier page: the dossier with its FKs = 1;
# the inzagelog row (chain head, row, head update, savepoint and release) = 5; the page: capped count
# and the UNION page = 2; per source on the page its records (with user and previous id) and the
# previous records = 2; the Logboek Dataverwerkingen row of the read (savepoint, chain head, row, head
# update, release, the dossier row) = 6.
QUERIES_GESCHIEDENIS_EEN_BRON = 3 + 1 + 5 + 2 + 2 + queries_per_verwerking()


def _pagina(client, dossier: Dossier, **params) -> str:
    response = client.get(reverse("cases:dossier_geschiedenis", args=[dossier.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_phase_change_reads_as_labels_not_codes(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    dossier.start_pip()
    dossier.save()
    client.force_login(werkcoach)

    html = _pagina(client, dossier)

    assert "Dossier gewijzigd" in html
    assert "Fase: Brede intake" in html
    assert "PIP in opstelling" in html
    assert "pip_in_opstelling" not in html
    assert "intake →" not in html


def test_the_pip_traject_contact_and_handhaving_events_are_listed(client, werkcoach):
    inschrijving = InschrijvingFactory(pip__dossier__werkcoach=werkcoach)  # with its vastgesteld PIP
    dossier = inschrijving.dossier
    ContactmomentFactory(dossier=dossier)
    HandhavingszaakFactory(dossier=dossier)
    ander = ContactmomentFactory(dossier__werkcoach=werkcoach, deelnemers="iemand anders")
    client.force_login(werkcoach)

    html = _pagina(client, dossier)

    for wat in ("PIP aangemaakt", "Inschrijving leerroute aangemaakt", "Contactmoment aangemaakt",
                "Handhavingszaak aangemaakt"):
        assert wat in html
    assert "Contactmoment aangemaakt" not in _pagina(client, DossierFactory(werkcoach=werkcoach))
    assert ander.dossier_id != dossier.pk


def test_a_change_shows_the_fields_choice_labels_and_dates_in_words(client, werkcoach):
    contact = ContactmomentFactory(dossier__werkcoach=werkcoach, soort="voortgangsgesprek", datum=date(2026, 3, 2))
    contact.soort = "no_show"
    contact.datum = date(2026, 3, 9)
    contact.save()
    client.force_login(werkcoach)

    html = _pagina(client, contact.dossier)

    assert "Contactmoment gewijzigd" in html
    soort = Contactmoment._meta.get_field("soort")
    oud, nieuw = (str(dict(soort.flatchoices)[c]) for c in ("voortgangsgesprek", "no_show"))
    assert f"{oud} <span aria-hidden=\"true\">→</span>" in html
    assert nieuw in html
    assert "2 maart 2026" in html and "9 maart 2026" in html


def test_the_read_is_logged_as_for_every_dossier_page(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)

    _pagina(client, dossier)

    assert InzageLog.objects.filter(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="geschiedenis").count() == 1


def _queries(client, dossier: Dossier, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        _pagina(client, dossier, **params)
    return len(ctx.captured_queries)


def test_the_page_costs_the_same_queries_for_5_and_80_events_and_pages(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    dossier.history.all().delete()  # only contact events: one source on every page
    dossier.inburgeraar.history.all().delete()
    client.force_login(werkcoach)
    _pagina(client, dossier)  # the first request after login touches the session
    contact = ContactmomentFactory(dossier=dossier)
    for i in range(4):
        contact.deelnemers = f"ronde {i}"
        contact.save()
    bij_5 = _queries(client, dossier)

    for i in range(75):
        contact.deelnemers = f"ronde {i + 4}"
        contact.save()
    bij_80 = _queries(client, dossier)
    html = _pagina(client, dossier, pagina=2)

    assert bij_5 == bij_80 == QUERIES_GESCHIEDENIS_EEN_BRON
    assert "Pagina 2 van 4" in html
    assert _queries(client, dossier, pagina=4) == QUERIES_GESCHIEDENIS_EEN_BRON


def test_the_value_in_words():
    fase = Dossier._meta.get_field("fase")
    assert geschiedenis.waarde_in_woorden(fase, "pip_in_opstelling") == "PIP in opstelling"
    assert geschiedenis.waarde_in_woorden(fase, "") == "—"
    assert geschiedenis.waarde_in_woorden(fase, None) == "—"
    assert geschiedenis.waarde_in_woorden(fase, "onbekend") == "onbekend"  # a removed choice keeps its code
    geboortedatum = Inburgeraar._meta.get_field("geboortedatum")
    assert geschiedenis.waarde_in_woorden(geboortedatum, date(2026, 1, 5)) == "5 januari 2026"
    telt_mee = LeerroutesInstellingen._meta.get_field("z_route_telt_intake_uren")
    assert geschiedenis.waarde_in_woorden(telt_mee, True) == "ja"
    assert geschiedenis.waarde_in_woorden(telt_mee, False) == "nee"


def test_a_source_registers_once_and_must_have_a_history():
    with pytest.raises(ImproperlyConfigured):
        geschiedenis.registreer_geschiedenisbron(code="dossier", model=Dossier, dossier=lambda d: None)
    with pytest.raises(ImproperlyConfigured):
        geschiedenis.registreer_geschiedenisbron(code="nieuw", model=InzageLog, dossier=lambda d: None)


def test_the_apps_above_cases_register_their_sources():
    codes = {bron.code for bron in geschiedenis.bronnen()}
    assert {"dossier", "persoon", "contactmoment", "pip", "inschrijving", "handhavingszaak"} <= codes
