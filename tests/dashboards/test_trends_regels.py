"""The pure rules of the trends page: months, buckets, median, percentage."""

from datetime import date

import pytest

from dashboards import trends_regels as regels


def test_twelve_months_up_to_the_current_one_oldest_first_across_a_year():
    maanden = regels.maanden(date(2026, 3, 31))
    assert len(maanden) == 12
    assert maanden[0] == date(2025, 4, 1) and maanden[-1] == date(2026, 3, 1)
    assert maanden[8:11] == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_the_period_ends_on_the_first_day_after_the_last_month():
    assert regels.periode(regels.maanden(date(2026, 12, 5))) == (date(2026, 1, 1), date(2027, 1, 1))


@pytest.mark.parametrize(("datum", "maand"), [
    (date(2026, 1, 1), date(2026, 1, 1)), (date(2026, 1, 31), date(2026, 1, 1)), (date(2024, 2, 29), date(2024, 2, 1)),
])
def test_a_date_counts_in_its_month(datum, maand):
    assert regels.maand_van(datum) == maand


@pytest.mark.parametrize(("tekst", "maand"), [
    ("2026-05", date(2026, 5, 1)), ("2026-13", None), ("2026-5", None), ("26-05", None), ("mei", None),
    ("2026-05-01", None), ("", None),
])
def test_a_month_in_a_link(tekst, maand):
    assert regels.maand_lezen(tekst) == maand


@pytest.mark.parametrize(("waarden", "mediaan"), [
    ([], None), ([7], 7.0), ([9, 1, 5], 5.0), ([1, 2, 3, 10], 2.5), ([4, 4], 4.0), ([30, 10], 20.0),
])
def test_the_median_is_the_middle_or_the_mean_of_the_two_middle_values(waarden, mediaan):
    assert regels.mediaan(waarden) == mediaan


@pytest.mark.parametrize(("deel", "geheel", "uitkomst"), [(0, 0, None), (1, 3, 33.3), (2, 2, 100.0), (0, 5, 0.0)])
def test_percentage(deel, geheel, uitkomst):
    assert regels.percentage(deel, geheel) == uitkomst


def test_days_between():
    assert regels.dagen(date(2026, 2, 27), date(2026, 3, 1)) == 2
