"""The retention rules (Besluit inburgering 2021 art. 9.9), pure."""

from datetime import date

import pytest

from cases.bewaartermijn import Bewaartermijnen, kern_bewaren_tot, uiterste_einddatum, vernietigen_vanaf
from cases.models import EindReden

STANDAARD = Bewaartermijnen()


@pytest.mark.parametrize(("reden", "einde", "overleden", "vanaf"), [
    (EindReden.VOLDAAN, date(2020, 6, 1), None, date(2025, 6, 1)),
    (EindReden.ONTHEFFING, date(2020, 6, 1), None, date(2025, 6, 1)),
    (EindReden.AOW, date(2020, 2, 29), None, date(2025, 2, 28)),  # leap day: the month's last day
    (EindReden.OVERLEDEN, date(2024, 1, 10), date(2024, 1, 10), date(2024, 1, 10)),  # death: at once
    (EindReden.OVERLEDEN, date(2024, 1, 10), None, date(2024, 1, 10)),
    (EindReden.VOLDAAN, date(2022, 1, 1), date(2024, 5, 5), date(2024, 5, 5)),  # died after the plicht ended
    (EindReden.VOLDAAN, None, None, None),  # still running
])
def test_destruction_date(reden, einde, overleden, vanaf):
    assert vernietigen_vanaf(eind_reden=reden, eind_datum=einde, overleden_op=overleden,
                             termijnen=STANDAARD) == vanaf


def test_a_moved_dossier_uses_the_policy_setting():
    termijnen = Bewaartermijnen(jaren=5, verhuisd_jaren=2, kern_jaren=50)
    assert vernietigen_vanaf(eind_reden=EindReden.VERHUISD, eind_datum=date(2020, 1, 1), overleden_op=None,
                             termijnen=termijnen) == date(2022, 1, 1)


def test_the_core_is_kept_at_most_fifty_years():
    assert kern_bewaren_tot(eind_datum=date(2020, 1, 1), termijnen=STANDAARD) == date(2070, 1, 1)
    assert kern_bewaren_tot(eind_datum=None, termijnen=STANDAARD) is None


def test_the_query_bound_never_misses_a_leap_day():
    # 29-2-2020 + 5 years = 28-2-2025: on that day the bound must include 29-2-2020.
    assert uiterste_einddatum(peildatum=date(2025, 2, 28), jaren=5) >= date(2020, 2, 29)
