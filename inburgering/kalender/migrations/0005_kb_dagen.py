"""Make the table of equated days exactly the Royal Decrees in force (Algemene termijnenwet art. 3
lid 3; DOMAIN.md §8): 2023–2028 as listed there (the earlier seed had only the Fridays after
Hemelvaartsdag and missed the bridge days 28-04-2023, 27-12-2024, 02-01-2026 and 28-04-2028), and
2029–2035 the expected Fridays after Hemelvaartsdag marked "verwacht, nog geen KB" until the
beheerder enters the KB. Rows that are not in that list (2022, guessed days) are removed.

The Easter function is copied on purpose: a migration must keep working when `datums` changes.
"""

from datetime import date, timedelta

from django.db import migrations

KB_DAGEN = {
    date(2023, 4, 28): "vrijdag na Koningsdag (KB, Atw art. 3 lid 3)",
    date(2023, 5, 19): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
    date(2024, 5, 10): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
    date(2024, 12, 27): "vrijdag na tweede Kerstdag (KB, Atw art. 3 lid 3)",
    date(2025, 5, 30): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
    date(2026, 1, 2): "vrijdag na Nieuwjaarsdag (KB, Atw art. 3 lid 3)",
    date(2026, 5, 15): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
    date(2027, 5, 7): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
    date(2028, 4, 28): "vrijdag na Koningsdag (KB, Atw art. 3 lid 3)",
    date(2028, 5, 26): "vrijdag na Hemelvaartsdag (KB, Atw art. 3 lid 3)",
}
VERWACHT_JAREN = range(2029, 2036)


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


def gewenst():
    dagen = {datum: (omschrijving, False) for datum, omschrijving in KB_DAGEN.items()}
    for jaar in VERWACHT_JAREN:
        dagen[_pasen(jaar) + timedelta(days=40)] = ("vrijdag na Hemelvaartsdag", True)
    return dagen


def kb_dagen(apps, schema_editor):
    GelijkgesteldeDag = apps.get_model("kalender", "GelijkgesteldeDag")
    dagen = gewenst()
    GelijkgesteldeDag.objects.exclude(datum__in=list(dagen)).delete()
    for datum, (omschrijving, verwacht) in dagen.items():
        GelijkgesteldeDag.objects.update_or_create(
            datum=datum, defaults={"omschrijving": omschrijving, "verwacht": verwacht}
        )


class Migration(migrations.Migration):
    dependencies = [("kalender", "0004_gelijkgestelde_dag_verwacht")]

    operations = [migrations.RunPython(kb_dagen, migrations.RunPython.noop)]
