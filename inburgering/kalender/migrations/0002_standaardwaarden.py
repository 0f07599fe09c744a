"""Seed data: the AtwInstelling row, and the Friday after Hemelvaartsdag 2022–2035 as a day equated
with a holiday (Algemene termijnenwet art. 3 lid 3; DOMAIN.md §8). Functioneel beheer edits the table
when a new Royal Decree appears (bridge days included).

The Easter function is copied on purpose: a migration must keep working when `datums` changes.
"""

from datetime import date, timedelta

from django.db import migrations

JAREN = range(2022, 2036)


def _pasen(jaar):
    """Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def standaardwaarden(apps, schema_editor):
    apps.get_model("kalender", "AtwInstelling").objects.get_or_create(pk=1)
    GelijkgesteldeDag = apps.get_model("kalender", "GelijkgesteldeDag")
    for jaar in JAREN:
        vrijdag = _pasen(jaar) + timedelta(days=40)  # Hemelvaartsdag is Easter + 39 days, a Thursday
        GelijkgesteldeDag.objects.get_or_create(
            datum=vrijdag, defaults={"omschrijving": "vrijdag na Hemelvaartsdag"}
        )


class Migration(migrations.Migration):
    dependencies = [("kalender", "0001_initial")]

    operations = [migrations.RunPython(standaardwaarden, migrations.RunPython.noop)]
