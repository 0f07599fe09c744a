"""EXPLAIN of the retention queries on a large data set (issue 13: every new filter and sort has its index).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/explain_vernietiging.py 100000

Makes `n` dossiers (if the database has fewer), closes 20% of them with end dates spread over ten years,
puts the due ones on a list, and prints the plans of: the nightly candidates query, the lines of a list
in page order, and the past lists of the start page. Fails when a plan scans a whole table.
"""

import os
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402

from avg import services  # noqa: E402
from avg.models import OPEN_LIJST, Vernietigingslijst  # noqa: E402
from cases.demo import demo_gebruikers, maak_dossiers  # noqa: E402
from cases.models import Dossier, EindReden, Fase  # noqa: E402


def plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(r[0] for r in cursor.fetchall())


def main(n: int) -> None:
    if connection.vendor != "postgresql":
        raise SystemExit("Zet DATABASE_URL op een PostgreSQL-database.")
    if Dossier.objects.count() < n:
        demo_gebruikers()
        maak_dossiers(n - Dossier.objects.count(), vandaag=date.today())
        ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True)[: n // 5])
        for i, start in enumerate(range(0, len(ids), 1000)):
            Dossier.objects.filter(pk__in=ids[start:start + 1000]).update(
                fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                eind_datum=date.today() - timedelta(days=30 + (i * 397) % 3650))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    voorstel = services.voorstellen()
    print(f"{Dossier.objects.count()} dossiers; voorgesteld: {voorstel.toegevoegd}")
    vandaag = date.today()
    kandidaten = Dossier.objects.filter(fase__in=[Fase.AFGEROND, Fase.BEEINDIGD], eind_datum__isnull=False).filter(
        Q(eind_datum__lte=vandaag - timedelta(days=5 * 365)) | Q(eind_reden=EindReden.OVERLEDEN))
    lijst = Vernietigingslijst.objects.order_by("pk").first()
    plannen = {
        "kandidaten (nachtelijke job)": plan(kandidaten.values_list("pk", "eind_reden", "eind_datum")),
        "regels van een lijst (pagina)": plan(lijst.regels.order_by("vernietigen_vanaf", "dossier_nummer", "pk")[:25]),
        "eerdere lijsten (startpagina)": plan(Vernietigingslijst.objects.exclude(status__in=OPEN_LIJST)[:25]),
    }
    fout = False
    for naam, tekst in plannen.items():
        print(f"--- {naam}\n{tekst}\n")
        if "Seq Scan on cases_dossier" in tekst or "Seq Scan on avg_regel" in tekst:
            fout = True
    raise SystemExit(1 if fout else 0)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
