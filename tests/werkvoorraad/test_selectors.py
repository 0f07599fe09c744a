"""The werkvoorraad selector against the real database: urgency order, what is open, who sees what."""

from datetime import timedelta

from django.utils import timezone

import pytest

from cases.models import SignaalSoort
from cases.selectors import Bereik
from cases.termijnen.selectors import SignaalFilter, bereiken_voor, regels, werkcoach_home, werkvoorraad
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, InburgeraarFactory

from .maak import aandachtspunt, nadert, termijn, vandaag, verlopen

pytestmark = pytest.mark.django_db


def _lijst(user, **filter):
    return list(werkvoorraad(user=user, filter=SignaalFilter(**filter), peildatum=vandaag()))


def test_signals_are_sorted_verlopen_first_then_nearest_fatale_datum_then_aandachtspunten(werkcoach):
    d = DossierFactory(werkcoach=werkcoach)
    punt = aandachtspunt(d)
    later = nadert(d, dagen=9, soort=PipTermijn.BEZWAAR)
    kort_verlopen = verlopen(d, dagen=-2, soort=PipTermijn.VOORTGANGSGESPREK)
    eerst = nadert(d, dagen=1, soort=PipTermijn.SCHAKELEN)
    lang_verlopen = verlopen(d, dagen=-40)

    assert _lijst(werkcoach) == [lang_verlopen, kort_verlopen, eerst, later, punt]


def test_handled_and_snoozed_signals_leave_the_worklist_and_a_snooze_ends_on_its_date(werkcoach):
    d = DossierFactory(werkcoach=werkcoach)
    open_ = verlopen(d)
    afgehandeld = aandachtspunt(d)
    afgehandeld.afgehandeld_op = timezone.now()
    afgehandeld.save()
    weg = aandachtspunt(d, "weg tot morgen")
    weg.gesnoozed_tot = vandaag() + timedelta(days=1)
    weg.save()
    terug = aandachtspunt(d, "weg tot vandaag")
    terug.gesnoozed_tot = vandaag()
    terug.save()

    assert set(_lijst(werkcoach)) == {open_, terug}


def test_a_werkcoach_sees_own_signals_by_default_and_the_team_on_request(werkcoach, collega, werkcoach_ander_team):
    eigen = aandachtspunt(DossierFactory(werkcoach=werkcoach))
    van_collega = aandachtspunt(DossierFactory(werkcoach=collega))
    aandachtspunt(DossierFactory(werkcoach=werkcoach_ander_team))

    assert _lijst(werkcoach) == [eigen]
    assert set(_lijst(werkcoach, bereik=Bereik.TEAM)) == {eigen, van_collega}
    # Asking for everything does not widen a werkcoach's reach.
    assert set(_lijst(werkcoach, bereik=Bereik.ALLE)) == {eigen, van_collega}


def test_consulent_and_manager_see_every_signal_and_can_narrow_to_a_werkcoach(
    werkcoach, werkcoach_ander_team, consulent, manager, beheerder
):
    eigen = aandachtspunt(DossierFactory(werkcoach=werkcoach))
    ander = aandachtspunt(DossierFactory(werkcoach=werkcoach_ander_team))

    assert set(_lijst(consulent, bereik=Bereik.ALLE)) == {eigen, ander}
    assert _lijst(consulent, bereik=Bereik.TEAM) == [eigen]  # the consulent is in team Noord
    assert set(_lijst(manager, bereik=Bereik.ALLE)) == {eigen, ander}
    assert _lijst(manager, bereik=Bereik.ALLE, werkcoach=werkcoach_ander_team.pk) == [ander]
    assert _lijst(beheerder, bereik=Bereik.ALLE) == []


def test_default_scopes_per_role(werkcoach, consulent, manager):
    assert bereiken_voor(werkcoach) == [Bereik.MIJN, Bereik.TEAM]
    assert bereiken_voor(consulent) == [Bereik.TEAM, Bereik.ALLE]
    assert bereiken_voor(manager) == [Bereik.ALLE]


def test_filters_by_kind_and_by_name_or_bsn(werkcoach):
    amina = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Amina", geslachtsnaam="Haddad"))
    omar = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Omar", geslachtsnaam="Saleh"))
    v = verlopen(amina)
    p = aandachtspunt(omar)

    assert _lijst(werkcoach, soort=SignaalSoort.AANDACHTSPUNT) == [p]
    assert _lijst(werkcoach, soort=SignaalSoort.VERLOPEN) == [v]
    assert _lijst(werkcoach, zoek="hadd") == [v]
    assert _lijst(werkcoach, zoek=omar.inburgeraar.bsn) == [p]


def test_rows_carry_the_days_left_or_overdue(werkcoach):
    d = DossierFactory(werkcoach=werkcoach)
    verlopen(d, dagen=-12)
    nadert(d, dagen=4, soort=PipTermijn.BEZWAAR)
    aandachtspunt(d)

    rijen = regels(_lijst(werkcoach), peildatum=vandaag())

    assert [(r.dagen, r.dagen_over_tijd) for r in rijen] == [(-12, 12), (4, 0), (None, 0)]


def test_home_counts_dossiers_per_fase_open_signals_and_this_weeks_termijnen(werkcoach, collega):
    intake = DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, beeindigd=True)
    DossierFactory(werkcoach=collega, fase="intake")  # not in "mijn"
    verlopen(intake)
    aandachtspunt(intake)
    deze_week = termijn(intake, dagen=6, soort=PipTermijn.BEZWAAR)
    termijn(intake, dagen=8, soort=PipTermijn.SCHAKELEN)  # next week
    termijn(intake, dagen=-1, soort=PipTermijn.VOORTGANGSGESPREK)  # already passed

    thuis = werkcoach_home(user=werkcoach, bereik=Bereik.MIJN, peildatum=vandaag())

    per_fase = {t.fase: t.aantal for t in thuis.per_fase}
    assert per_fase["intake"] == 2 and per_fase["beeindigd"] == 1 and per_fase["aangemeld"] == 0
    assert thuis.lopend == 2
    assert (thuis.open_signalen, thuis.verlopen_signalen) == (2, 1)
    assert thuis.deze_week == [deze_week] and thuis.deze_week_aantal == 1
    team = werkcoach_home(user=werkcoach, bereik=Bereik.TEAM, peildatum=vandaag())
    assert {t.fase: t.aantal for t in team.per_fase}["intake"] == 3


def test_without_a_search_the_scope_on_the_joined_dossier_gives_the_dossier_lists_signals(team, werkcoach, consulent,
                                                                                          manager, beheerder):
    """Issue 18: without a search the worklist filters on the signal's own dossier instead of a subquery over the
    dossier list; for every role, scope, team and werkcoach filter it lists the same signals as that subquery."""
    from cases.models import Signaal
    from cases.selectors import DossierFilter, dossier_lijst
    from cases.termijnen.selectors import open_signaal_q
    from tests.factories import TeamFactory, WerkcoachFactory

    ander_team = TeamFactory(naam="Team Anders")
    collega = WerkcoachFactory(team=team)
    elders = WerkcoachFactory(team=ander_team)
    zonder_team = WerkcoachFactory(team=None)
    for coach, dossier_team in [(werkcoach, team), (collega, team), (elders, ander_team), (zonder_team, ander_team),
                                (collega, ander_team), (elders, team)]:
        d = DossierFactory(werkcoach=coach, team=dossier_team)
        verlopen(d)
        aandachtspunt(d)
    gebruikers = [werkcoach, collega, zonder_team, consulent, manager, beheerder]
    getoetst = 0
    for gebruiker in gebruikers:
        for bereik in [Bereik.MIJN, Bereik.TEAM, Bereik.ALLE]:
            for filters in [{}, {"team": team.pk}, {"team": ander_team.pk}, {"werkcoach": elders.pk},
                            {"werkcoach": werkcoach.pk, "team": team.pk}]:
                dossiers = dossier_lijst(user=gebruiker, filter=DossierFilter(bereik=bereik, **filters))
                verwacht = set(Signaal.objects.filter(open_signaal_q(vandaag()), dossier__in=dossiers.values("pk")))
                assert set(_lijst(gebruiker, bereik=bereik, **filters)) == verwacht, (gebruiker, bereik, filters)
                getoetst += bool(verwacht)
    assert getoetst > 20  # the comparison is not between empty lists
