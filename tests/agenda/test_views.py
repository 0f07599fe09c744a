"""The Afspraken tab, the agenda's day and week view and the iCalendar feed through the test client:
access, the form's Dutch errors, what the feed holds (initials and kenmerk, never a name or BSN), what
the logs hold (never the token), and a fixed number of queries however many appointments there are."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases.agenda import services, views
from cases.models import Afspraak, AgendaFeed
from inburgering.audit.models import Beveiligingslog, Dataverwerking, Gebeurtenis
from inburgering.audit.verwerkingen import queries_per_verwerking
from inburgering.kalender.selectors import vandaag
from tests.agenda.maak import afspraak, morgen_om
from tests.factories import DossierFactory, InburgeraarFactory

pytestmark = pytest.mark.django_db

# Measured; they must not grow with the number of appointments. The feed: the token, the fetch stamp, the
# appointments (one query, persons joined), the visibility rule inside it, and the Logboek Dataverwerkingen
# row of the dossiers read (6 queries, inburgering/audit/verwerkingen.py).
# The processing-log row is one statement on PostgreSQL and six on SQLite (queries_per_verwerking).
QUERIES_TAB = 12 + queries_per_verwerking()
QUERIES_AGENDA = 6 + queries_per_verwerking()
QUERIES_FEED = 4 + queries_per_verwerking()


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(url, params)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


# --- the Afspraken tab and the form ------------------------------------------------------------------------

def test_the_tab_lists_the_appointments_with_the_letter(client, dossier, werkcoach):
    a = afspraak(dossier, externe_deelnemers="Taalschool Noord")
    client.force_login(werkcoach)

    antwoord = client.get(reverse("agenda:afspraken", args=[dossier.pk]))

    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Taalschool Noord" in inhoud and a.kenmerk in inhoud and "Afspraak plannen" in inhoud
    assert reverse("agenda:afspraak_afzeggen", args=[dossier.pk, a.pk]) in inhoud


def test_the_form_plans_and_shows_dutch_errors_next_to_the_fields(client, dossier, werkcoach):
    client.force_login(werkcoach)
    url = reverse("agenda:afspraak_nieuw", args=[dossier.pk])
    assert client.get(url).status_code == 200
    data = {"soort": "intake", "datum": (vandaag() + timedelta(days=1)).isoformat(), "begintijd": "10:00",
            "eindtijd": "09:00", "locatie": "Stadskantoor", "medewerkers": [werkcoach.pk]}

    fout = client.post(url, data)

    assert fout.status_code == 200
    assert fout.context["form"].errors["eindtijd"] == ["De eindtijd moet na de begintijd liggen."]
    assert not Afspraak.objects.exists()

    goed = client.post(url, {**data, "eindtijd": "11:00"})

    assert goed.status_code == 302 and goed["Location"] == reverse("agenda:afspraken", args=[dossier.pk])
    assert Afspraak.objects.get().start == morgen_om(10)


def test_the_conflict_warning_is_next_to_the_confirmation_box(client, dossier, werkcoach):
    afspraak(DossierFactory(werkcoach=werkcoach), start=morgen_om(10))
    client.force_login(werkcoach)
    data = {"soort": "voortgangsgesprek", "datum": (vandaag() + timedelta(days=1)).isoformat(),
            "begintijd": "10:30", "eindtijd": "11:30", "locatie": "Stadskantoor", "medewerkers": [werkcoach.pk]}
    url = reverse("agenda:afspraak_nieuw", args=[dossier.pk])

    antwoord = client.post(url, data)

    assert "al een afspraak" in antwoord.context["form"].errors["toch_inplannen"][0]
    assert client.post(url, {**data, "toch_inplannen": "on"}).status_code == 302


def test_the_tab_costs_the_same_queries_for_3_and_40_appointments(client, dossier, werkcoach, collega):
    client.force_login(werkcoach)
    url = reverse("agenda:afspraken", args=[dossier.pk])
    for i in range(3):
        afspraak(dossier, medewerkers=[werkcoach, collega], start=morgen_om(8) + timedelta(days=i))
    weinig = _queries(client, url)
    for i in range(37):
        afspraak(dossier, medewerkers=[werkcoach, collega], start=morgen_om(8) + timedelta(days=10 + i))
    veel = _queries(client, url)
    assert weinig == veel == QUERIES_TAB


# --- the agenda ------------------------------------------------------------------------------------------

def test_the_week_shows_own_appointments_per_day_with_links(client, werkcoach, werkcoach_ander_team):
    persoon = InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad")
    eigen = afspraak(DossierFactory(werkcoach=werkcoach, inburgeraar=persoon), start=morgen_om(9))
    afspraak(DossierFactory(werkcoach=werkcoach_ander_team), start=morgen_om(11))  # not the user's
    client.force_login(werkcoach)
    morgen = vandaag() + timedelta(days=1)

    antwoord = client.get(reverse("agenda:agenda"), {"weergave": "week", "datum": morgen.isoformat()})

    inhoud = antwoord.content.decode()
    assert "Samira Haddad" in inhoud and reverse("agenda:afspraken", args=[eigen.dossier_id]) in inhoud
    assert inhoud.count('class="agenda__afspraak"') == 1
    assert len(antwoord.context["dagen"]) == 7
    assert f"datum={(morgen - timedelta(days=7)).isoformat()}" in inhoud  # previous week
    assert f"datum={(morgen + timedelta(days=7)).isoformat()}" in inhoud  # next week


def test_the_day_view_shows_that_day_only(client, dossier, werkcoach):
    afspraak(dossier, start=morgen_om(9))
    afspraak(dossier, start=morgen_om(9) + timedelta(days=1))
    client.force_login(werkcoach)

    antwoord = client.get(reverse("agenda:agenda"), {"weergave": "dag", "datum": (vandaag() + timedelta(days=1))})

    assert len(antwoord.context["dagen"]) == 1
    assert antwoord.content.decode().count('class="agenda__afspraak"') == 1


def test_an_appointment_of_a_dossier_no_longer_visible_is_not_shown(client, werkcoach, werkcoach_ander_team):
    dossier = DossierFactory(werkcoach=werkcoach)
    afspraak(dossier, start=morgen_om(9))
    dossier.werkcoach, dossier.team = werkcoach_ander_team, werkcoach_ander_team.team
    dossier.save()
    client.force_login(werkcoach)

    antwoord = client.get(reverse("agenda:agenda"), {"datum": (vandaag() + timedelta(days=1)).isoformat()})

    assert 'class="agenda__afspraak"' not in antwoord.content.decode()


def test_a_bad_date_falls_back_to_today(client, werkcoach):
    client.force_login(werkcoach)
    antwoord = client.get(reverse("agenda:agenda"), {"datum": "31-02-2026", "weergave": "maand"})
    assert antwoord.context["datum"] == vandaag() and antwoord.context["weergave"] == "week"


def test_the_agenda_costs_the_same_queries_for_3_and_40_appointments(client, werkcoach, collega):
    client.force_login(werkcoach)
    url = reverse("agenda:agenda")
    week = {"weergave": "week", "datum": (vandaag() + timedelta(days=1)).isoformat()}

    def maak(aantal):
        for i in range(aantal):
            afspraak(DossierFactory(werkcoach=werkcoach), medewerkers=[werkcoach, collega],
                     start=morgen_om(8) + timedelta(minutes=15 * i))

    maak(3)
    weinig = _queries(client, url, **week)
    maak(37)
    veel = _queries(client, url, **week)
    assert weinig == veel == QUERIES_AGENDA


@pytest.mark.parametrize("actor", ["beheerder"])
def test_roles_without_dossiers_have_no_agenda(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("agenda:agenda")).status_code == 403
    assert client.post(reverse("agenda:ical_vernieuwen")).status_code == 403


def test_the_agenda_needs_a_login(client):
    assert client.get(reverse("agenda:agenda")).status_code == 302


# --- the iCalendar feed ------------------------------------------------------------------------------------

def _link_maken(client, gebruiker) -> str:
    """Renew through the page, like the user; return the path of the feed shown once."""
    client.force_login(gebruiker)
    assert client.post(reverse("agenda:ical_vernieuwen")).status_code == 302
    inhoud = client.get(reverse("agenda:agenda")).content.decode()
    pad = re.search(r'value="http://testserver(/agenda/ical/[^"]+\.ics)"', inhoud).group(1)
    assert pad not in client.get(reverse("agenda:agenda")).content.decode()  # shown once
    client.logout()
    return pad


def test_the_feed_holds_initials_and_kenmerk_only_and_logs_no_token(client, werkcoach):
    persoon = InburgeraarFactory(voornamen="Amina", geslachtsnaam="Bakr", adresregel1="Oude Schans 12")
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar=persoon)
    a = afspraak(dossier, start=morgen_om(9), kenmerk_brief=f"VG-{dossier.pk}-4")
    pad = _link_maken(client, werkcoach)
    token = pad.removeprefix("/agenda/ical/").removesuffix(".ics")

    antwoord = client.get(pad)

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/calendar; charset=utf-8"
    inhoud = antwoord.content.decode("utf-8")
    assert inhoud.startswith("BEGIN:VCALENDAR\r\n")
    assert f"SUMMARY:Voortgangsgesprek – A.B. – VG-{dossier.pk}-4\r\n" in inhoud
    assert f"UID:afspraak-{a.pk}@testserver\r\n" in inhoud
    for persoonsgegeven in ("Amina", "Bakr", persoon.bsn, "Oude Schans"):
        assert persoonsgegeven not in inhoud
    regel = Dataverwerking.objects.order_by("-id").first()
    assert regel.pad == views.FEED_PAD and regel.gebruiker == werkcoach and regel.dossier_ids == [dossier.pk]
    assert not Dataverwerking.objects.filter(pad__contains=token).exists()
    assert not Beveiligingslog.objects.filter(pad__contains=token).exists()
    assert token not in str(list(Beveiligingslog.objects.values_list("details", flat=True)))


def test_renewing_logs_a_security_event_and_the_old_address_stops_at_once(client, werkcoach):
    oud = _link_maken(client, werkcoach)
    nieuw = _link_maken(client, werkcoach)

    assert client.get(oud).status_code == 404
    assert client.get(nieuw).status_code == 200
    acties = list(Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.AGENDALINK, gebruiker=werkcoach)
                  .order_by("id").values_list("details__actie", flat=True))
    assert acties == ["aangemaakt", "vernieuwd"]


def test_a_revoked_or_unknown_address_is_404(client, werkcoach):
    pad = _link_maken(client, werkcoach)
    client.force_login(werkcoach)
    client.post(reverse("agenda:ical_intrekken"))
    client.logout()
    assert client.get(pad).status_code == 404
    assert client.get(reverse("agenda:ical", args=["x" * 43])).status_code == 404


def test_fetching_again_within_the_interval_is_429(client, werkcoach, caplog):
    pad = _link_maken(client, werkcoach)
    assert client.get(pad).status_code == 200
    te_snel = client.get(pad)
    assert te_snel.status_code == 429 and te_snel["Retry-After"] == "30"
    client.force_login(werkcoach)
    client.post(reverse("agenda:ical_intrekken"))
    client.logout()
    assert client.get(pad).status_code == 404
    token = pad.removeprefix("/agenda/ical/").removesuffix(".ics")
    assert token not in caplog.text  # no "Not Found: /agenda/ical/<token>.ics" in the server log


def test_the_feed_costs_the_same_queries_for_3_and_60_appointments(client, werkcoach):
    pad = _link_maken(client, werkcoach)

    def maak(aantal):
        for i in range(aantal):
            afspraak(DossierFactory(werkcoach=werkcoach), start=morgen_om(8) + timedelta(hours=i))

    def ophalen():
        AgendaFeed.objects.update(laatst_opgehaald=None)
        return _queries(client, pad)

    maak(3)
    weinig = ophalen()
    maak(57)
    veel = ophalen()
    assert weinig == veel == QUERIES_FEED


def test_a_cancelled_appointment_is_cancelled_in_the_feed(client, dossier, werkcoach):
    a = afspraak(dossier, start=morgen_om(9))
    services.afspraak_afzeggen(dossier_id=dossier.pk, afspraak_id=a.pk, versie=a.versie, by=werkcoach)
    pad = _link_maken(client, werkcoach)

    inhoud = client.get(pad).content.decode()

    assert "STATUS:CANCELLED\r\n" in inhoud and "SEQUENCE:1\r\n" in inhoud


# eigen, team, ander (another team), consulent, manager, beheerder
TOEGANG = {
    "afspraak_nieuw": (200, 200, 404, 200, 403, 404),
    "afspraak_afzeggen": (200, 200, 404, 200, 403, 404),
}


@pytest.mark.parametrize("naam", sorted(TOEGANG))
@pytest.mark.parametrize("index,actor", enumerate(
    ["werkcoach", "collega", "werkcoach_ander_team", "consulent", "manager", "beheerder"]))
def test_access_to_the_forms(client, request, dossier, naam, index, actor):
    a = afspraak(dossier, start=morgen_om(9))
    client.force_login(request.getfixturevalue(actor))
    args = [dossier.pk] if naam == "afspraak_nieuw" else [dossier.pk, a.pk]
    assert client.get(reverse(f"agenda:{naam}", args=args)).status_code == TOEGANG[naam][index]
