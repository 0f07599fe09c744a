"""issue 18: the dossier list filtered on a termijn and its status reads its page from the termijn side
(index termijn_lijst_volgorde on the termijn's copy of the dossier's datum_kennisgeving). Same rows in the
same order as the subquery it replaces; the copy follows the dossier's date."""

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases import selectors, services
from cases.models import Termijn, TermijnStatus
from cases.selectors import Bereik, DossierFilter, dossier_lijst
from cases.termijnen.bulk import termijnen_bulk_aanmaken
from cases.termijnen.services import termijnen_herberekenen
from cases.termijnen.soorten import een_per_dossier
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.cases.test_querycount import QUERIES_LIJST
from tests.factories import DossierFactory, TermijnFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


PIP = PipTermijn.PIP_VASTSTELLEN


def _oud(monkeypatch, user, **filter) -> list[int]:
    """The list as before issue 18: the termijn as a subquery, the dossier's own sort key."""
    with monkeypatch.context() as m:
        m.setattr(selectors, "een_per_dossier", lambda code: False)
        return [d.pk for d in dossier_lijst(user=user, filter=DossierFilter(**filter))]


def _met_pip_termijn(werkcoach, dagen: int):
    """A dossier whose dates give it a PIP deadline (the pip_plans calculator computes a termijn)."""
    begin = VANDAAG - timedelta(days=dagen)
    return DossierFactory(werkcoach=werkcoach, datum_kennisgeving=begin, datum_koppeling=begin,
                          datum_huisvesting=begin, datum_brp_vestiging=begin)


def _nieuw(user, **filter) -> list[int]:
    return [d.pk for d in dossier_lijst(user=user, filter=DossierFilter(**filter))]


@pytest.fixture
def gemengd(werkcoach, collega):
    """Dossiers on 4 dates (3 on the same day: the tie on id), with PIP termijnen in several statuses,
    other kinds, and two bezwaartermijnen (a kind with sleutels) in one dossier."""
    statussen = [TermijnStatus.VERLOPEN, TermijnStatus.OPEN, TermijnStatus.VERLOPEN, TermijnStatus.GEHAALD]
    dossiers = []
    for i in range(12):
        d = DossierFactory(werkcoach=werkcoach if i % 3 else collega,
                           datum_kennisgeving=VANDAAG - timedelta(days=[5, 40, 40, 40, 90, 200][i % 6]))
        dossiers.append(d)
        if i != 7:  # one dossier without a PIP termijn
            TermijnFactory(dossier=d, soort=PIP, status=statussen[i % 4])
        if i % 2:
            TermijnFactory(dossier=d, soort=PipTermijn.INBURGERINGSTERMIJN, status=TermijnStatus.VERLOPEN)
    for sleutel in ("pip-1", "pip-2"):
        TermijnFactory(dossier=dossiers[3], soort=PipTermijn.BEZWAAR, sleutel=sleutel, status=TermijnStatus.VERSTREKEN)
    return dossiers


def test_pip_vaststellen_is_one_per_dossier_and_bezwaar_is_not():
    assert een_per_dossier(PIP)
    assert not een_per_dossier(PipTermijn.BEZWAAR)
    assert not een_per_dossier("onbekend")


@pytest.mark.parametrize("sorteer", ["-kennisgeving", "kennisgeving"])
@pytest.mark.parametrize("status", [TermijnStatus.VERLOPEN, TermijnStatus.OPEN, TermijnStatus.GEHAALD])
def test_the_filtered_list_has_the_same_rows_in_the_same_order(monkeypatch, gemengd, manager, werkcoach, sorteer,
                                                               status):
    for user, bereik in [(manager, Bereik.ALLE), (werkcoach, Bereik.MIJN), (werkcoach, Bereik.TEAM)]:
        filter = {"bereik": bereik, "termijn": PIP, "termijnstatus": status, "sorteer": sorteer}
        verwacht = _oud(monkeypatch, user, **filter)
        assert verwacht, filter  # the fixture has rows for each case
        assert _nieuw(user, **filter) == verwacht, filter
    # the expected order itself: kennisgeving, then id, descending or ascending
    rijen = list(dossier_lijst(user=manager, filter=DossierFilter(bereik=Bereik.ALLE, termijn=PIP,
                                                                  termijnstatus=status, sorteer=sorteer)))
    sleutels = [(d.datum_kennisgeving, d.pk) for d in rijen]
    assert sleutels == sorted(sleutels, reverse=sorteer.startswith("-"))
    assert all(d.termijnen.filter(soort=PIP, status=status).exists() for d in rijen)


def test_other_kinds_and_filters_keep_their_rows(monkeypatch, gemengd, manager):
    for filter in [
        {"termijn": PipTermijn.INBURGERINGSTERMIJN, "termijnstatus": TermijnStatus.VERLOPEN},
        {"termijn": PipTermijn.BEZWAAR, "termijnstatus": TermijnStatus.VERSTREKEN},  # sleutels: the subquery
        {"termijn": PIP, "termijnstatus": "tijdig"},
        {"termijn": PIP},
        {"termijnstatus": TermijnStatus.VERLOPEN},
        {"termijn": PIP, "termijnstatus": TermijnStatus.VERLOPEN, "sorteer": "naam"},
        {"termijn": PIP, "termijnstatus": TermijnStatus.VERLOPEN, "sorteer": "onzin"},
    ]:
        assert _nieuw(manager, bereik=Bereik.ALLE, **filter) == _oud(monkeypatch, manager, bereik=Bereik.ALLE, **filter)
    bezwaar = _nieuw(manager, bereik=Bereik.ALLE, termijn=PipTermijn.BEZWAAR, termijnstatus=TermijnStatus.VERSTREKEN)
    assert bezwaar == [gemengd[3].pk]  # two bezwaartermijnen, listed once


def test_the_copy_follows_a_changed_datum_kennisgeving(werkcoach):
    dossier = _met_pip_termijn(werkcoach, 30)
    termijnen_herberekenen(dossier_id=dossier.pk)
    eigen = TermijnFactory(dossier=dossier, soort="test_soort")  # a bron no calculator owns
    assert dossier.termijnen.filter(bron="pip_plans").exists()
    assert set(dossier.termijnen.values_list("dossier_kennisgeving", flat=True)) == {dossier.datum_kennisgeving}

    nieuw = dossier.datum_kennisgeving - timedelta(days=10)
    p = dossier.inburgeraar
    services.dossier_bijwerken(
        dossier_id=dossier.pk, versie=1,
        persoon={"bsn": p.bsn, "voornamen": p.voornamen, "geslachtsnaam": p.geslachtsnaam,
                 "geboortedatum": p.geboortedatum},
        dossier={"doelgroep": dossier.doelgroep, "datum_kennisgeving": nieuw}, by=werkcoach,
    )

    assert set(dossier.termijnen.values_list("dossier_kennisgeving", flat=True)) == {nieuw}
    eigen.refresh_from_db()
    assert eigen.dossier_kennisgeving == nieuw


def test_unchanged_date_costs_no_extra_query(werkcoach):
    dossier = _met_pip_termijn(werkcoach, 30)
    termijnen_herberekenen(dossier_id=dossier.pk)
    assert dossier.termijnen.exists()
    with CaptureQueriesContext(connection) as ctx:
        termijnen_herberekenen(dossier_id=dossier.pk)
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]


def test_a_new_termijn_and_the_bulk_path_get_the_copy(werkcoach):
    d = DossierFactory(werkcoach=werkcoach, datum_kennisgeving=VANDAAG - timedelta(days=77))
    assert TermijnFactory(dossier=d).dossier_kennisgeving == d.datum_kennisgeving  # save() fills it
    e = _met_pip_termijn(werkcoach, 33)
    assert termijnen_bulk_aanmaken(dossiers=[e], vandaag=VANDAAG) > 0
    assert set(Termijn.objects.filter(dossier=e).values_list("dossier_kennisgeving", flat=True)) == {
        e.datum_kennisgeving}


def test_the_filtered_list_costs_the_same_queries_for_5_and_100_dossiers(client, manager, werkcoach):
    client.force_login(manager)
    url = reverse("cases:dossier_lijst")
    params = {"bereik": "alle", "termijn": PIP, "termijnstatus": "verlopen"}

    def queries() -> int:
        client.get(url, params)  # warm: the filter's option lists come from the cache after the first request
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, params).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        TermijnFactory(dossier=DossierFactory(werkcoach=werkcoach), soort=PIP, status=TermijnStatus.VERLOPEN)
    bij_5 = queries()
    for _ in range(95):
        TermijnFactory(dossier=DossierFactory(werkcoach=werkcoach), soort=PIP, status=TermijnStatus.VERLOPEN)
    assert bij_5 == queries() == QUERIES_LIJST


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL")
def test_the_page_is_read_from_the_termijn_index_in_the_lists_order(gemengd, manager):
    qs = dossier_lijst(user=manager, filter=DossierFilter(bereik=Bereik.ALLE, termijn=PIP,
                                                          termijnstatus=TermijnStatus.VERLOPEN))[:26]
    with connection.cursor() as cursor:
        # sequential scans and sorts off: the plan shows what the planner CAN do (a few test rows it would scan)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert re.search(r"Index (Only )?Scan using termijn_lijst_volgorde on cases_termijn", plan), plan
    assert "Semi Join" not in plan and "Sort" not in plan and "SubPlan" not in plan, plan
    assert plan.startswith("Limit"), plan
