"""Demo appointments (manage.py demo_data): the demo werkcoach's week and the next, on their own dossiers."""

from datetime import date, datetime, time, timedelta
from itertools import cycle

from django.db import transaction
from django.utils import timezone

from cases.models import ACTIEVE_FASEN, Afspraak, AfspraakSoort, Dossier
from inburgering.accounts.models import User

TIJDEN = (time(9, 0), time(10, 30), time(13, 0), time(14, 30))
SOORTEN = (AfspraakSoort.VOORTGANGSGESPREK, AfspraakSoort.DRIEGESPREK, AfspraakSoort.INTAKE,
           AfspraakSoort.VOORTGANGSGESPREK, AfspraakSoort.HOORZITTING)


@transaction.atomic
def demo_afspraken(opdracht) -> str:
    werkcoach = User.objects.filter(username="werkcoach").first()
    consulent = User.objects.filter(username="consulent").first()
    if werkcoach is None:
        return "geen afspraken: de demowerkcoach ontbreekt"
    dossiers = list(Dossier.objects.filter(werkcoach=werkcoach, fase__in=ACTIEVE_FASEN).order_by("pk")[:12])
    maandag: date = opdracht.vandaag - timedelta(days=opdracht.vandaag.weekday())
    werkdagen = [maandag + timedelta(days=i) for i in range(14) if (maandag + timedelta(days=i)).weekday() < 5]
    momenten = cycle([(dag, tijd) for dag in werkdagen for tijd in TIJDEN[::2]])
    aantal = 0
    for dossier, soort in zip(dossiers, cycle(SOORTEN)):
        dag, tijd = next(momenten)
        start = timezone.make_aware(datetime.combine(dag, tijd))
        afspraak = Afspraak.objects.create(
            dossier=dossier, soort=soort, start=start, eind=start + timedelta(hours=1), locatie="Stadskantoor Delfzijl",
            externe_deelnemers="Taalschool Noord (docent)" if soort == AfspraakSoort.DRIEGESPREK else "",
            vastgelegd_door=werkcoach,
        )
        afspraak.medewerkers.set([werkcoach, consulent] if soort == AfspraakSoort.HOORZITTING and consulent
                                 else [werkcoach])
        aantal += 1
    return f"{aantal} afspraken in de agenda van de demowerkcoach"
