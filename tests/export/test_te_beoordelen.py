"""Te beoordelen with deadlines (issue 20 item 4): each PIP's fatale datum of the PIP-termijn, sorted by
it, filtered by team; a fixed number of queries, also for the download."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pip_plans import selectors
from tests.factories import PipFactory, TeamFactory, TermijnFactory, WerkcoachFactory


def wachtende_pip(*, dagen: int | None, team=None, status="open", **kwargs):
    werkcoach = WerkcoachFactory(team=team) if team else WerkcoachFactory()
    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach, dossier__team=werkcoach.team, **kwargs)
    if dagen is not None:
        TermijnFactory(dossier=pip.dossier, fatale_datum=date.today() + timedelta(days=dagen), status=status)
    return pip


def test_the_queue_sorts_by_the_fatale_datum_nearest_first_without_a_running_termijn_last(consulent):
    laat = wachtende_pip(dagen=40)
    geen = wachtende_pip(dagen=None)
    verlopen = wachtende_pip(dagen=-2, status="verlopen")
    gehaald = wachtende_pip(dagen=5, status="gehaald")  # a later version: the termijn no longer runs
    vroeg = wachtende_pip(dagen=3)

    rijen = list(selectors.te_beoordelen(user=consulent))

    assert [p.pk for p in rijen[:3]] == [verlopen.pk, vroeg.pk, laat.pk]
    assert {p.pk for p in rijen[3:]} == {geen.pk, gehaald.pk}
    assert rijen[0].fatale_datum == date.today() - timedelta(days=2) and rijen[0].termijn_status == "verlopen"
    assert rijen[3].fatale_datum is None
    achteruit = list(selectors.te_beoordelen(user=consulent, sorteer="-fatale_datum"))
    assert [p.pk for p in achteruit[:3]] == [laat.pk, vroeg.pk, verlopen.pk]


def test_the_queue_filters_by_team(consulent):
    noord, zuid = TeamFactory(naam="Team Noord"), TeamFactory(naam="Team Zuid")
    in_noord = wachtende_pip(dagen=10, team=noord)
    wachtende_pip(dagen=5, team=zuid)

    assert [p.pk for p in selectors.te_beoordelen(user=consulent, team=noord.pk)] == [in_noord.pk]


def test_the_page_shows_the_fatale_datum_the_days_left_and_the_team_filter(client, consulent):
    noord = TeamFactory(naam="Team Noord")
    pip = wachtende_pip(dagen=-4, team=noord, status="verlopen")
    wachtende_pip(dagen=12, team=TeamFactory(naam="Team Zuid"))
    client.force_login(consulent)

    response = client.get(reverse("pip_plans:te_beoordelen"), {"team": noord.pk, "sorteer": "fatale_datum"})

    html = response.content.decode()
    assert response.status_code == 200
    assert [r.pip.pk for r in response.context["regels"]] == [pip.pk]
    assert (date.today() - timedelta(days=4)).strftime("%-d-%-m-%Y") in html
    assert "4 dagen verlopen" in html
    assert 'aria-sort="ascending"' in html
    assert f"{reverse('pip_plans:te_beoordelen_export', args=['csv'])}?team={noord.pk}" in html.replace("&amp;", "&")


def test_an_invalid_team_or_sort_is_ignored(client, consulent):
    pip = wachtende_pip(dagen=3)
    client.force_login(consulent)
    response = client.get(reverse("pip_plans:te_beoordelen"), {"team": "abc", "sorteer": "bsn"})
    assert [r.pip.pk for r in response.context["regels"]] == [pip.pk]


def queries(client, url, params=None, *, stream=False) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
        if stream:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_page_costs_the_same_queries_for_3_and_30_pips_with_termijnen(client, consulent):
    team = TeamFactory()
    client.force_login(consulent)
    url = reverse("pip_plans:te_beoordelen")
    for i in range(3):
        wachtende_pip(dagen=i, team=team)
    bij_3 = queries(client, url, {"team": team.pk})
    for i in range(27):
        wachtende_pip(dagen=i, team=team)
    bij_30 = queries(client, url, {"team": team.pk})
    assert bij_3 == bij_30


def test_the_queue_download_costs_the_same_queries_for_3_and_30_pips(client, consulent):
    client.force_login(consulent)
    url = reverse("pip_plans:te_beoordelen_export", args=["csv"])
    for i in range(3):
        wachtende_pip(dagen=i)
    bij_3 = queries(client, url, stream=True)
    for i in range(27):
        wachtende_pip(dagen=i)
    bij_30 = queries(client, url, stream=True)
    assert bij_3 == bij_30
