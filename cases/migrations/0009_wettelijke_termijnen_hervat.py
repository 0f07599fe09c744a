"""Data corrections for who may move a termijn (DOMAIN.md §8; issue 10 items 8 and 10).

1. A statutory fatale datum (PIP deadline, inburgeringstermijn, bezwaar, zienswijze, verjaring, …)
   moves only on its legal ground, never by a free "opschorten". Termijnen of such a kind that are
   suspended today are resumed, and every free suspension of such a kind stops moving the date: the
   suspension stays in the ledger as a record (`verschuift` off) and the termijn goes back to its
   computed fatale datum. Each corrected termijn says so in its history.
2. The bezwaartermijn (and the zienswijzetermijn) is the citizen's term: its passing is no missed
   deadline of the gemeente. Such termijnen marked verlopen become verstreken, and their open
   "verlopen" signals are closed, each with a note and a history row.

The kinds are listed here on purpose (a migration must not depend on the registry of today's code).
"""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

VRIJ_OP_TE_SCHORTEN = {"voortgangsgesprek", "pvt_start"}  # the gemeente's own working terms
VAN_DE_BURGER = {"bezwaar", "zienswijze"}

REDEN_HERVAT = ("Hervat zonder verschuiving: een wettelijke termijn verschuift alleen op wettelijke grond, niet door "
                "vrij opschorten (DOMAIN §8, migratie)")
REDEN_VERSTREKEN = ("Verstreken: de termijn van de burger is geen gemiste termijn van de gemeente (DOMAIN §8, "
                    "migratie)")
NOTITIE_SIGNAAL = ("Gesloten: deze termijn is een termijn van de burger; het verstrijken ervan is geen gemiste "
                   "termijn van de gemeente (migratie).")


def _historie(model, obj, *, reden, nu):
    velden = {}
    for veld in model._meta.fields:
        if veld.name.startswith("history_"):
            continue
        if hasattr(obj, veld.attname):
            velden[veld.attname] = getattr(obj, veld.attname)
    model.objects.create(**velden, history_date=nu, history_type="~", history_change_reason=reden,
                         history_user=None)


def corrigeer(apps, schema_editor):
    Termijn = apps.get_model("cases", "Termijn")
    HistoricalTermijn = apps.get_model("cases", "HistoricalTermijn")
    TermijnOpschorting = apps.get_model("cases", "TermijnOpschorting")
    HistoricalTermijnOpschorting = apps.get_model("cases", "HistoricalTermijnOpschorting")
    Signaal = apps.get_model("cases", "Signaal")
    HistoricalSignaal = apps.get_model("cases", "HistoricalSignaal")
    nu = timezone.now()
    vandaag = timezone.localdate()

    opschortingen = TermijnOpschorting.objects.exclude(termijn__soort__in=VRIJ_OP_TE_SCHORTEN).filter(verschuift=True)
    for termijn in Termijn.objects.filter(pk__in=opschortingen.values("termijn_id")).order_by("pk"):
        for opschorting in opschortingen.filter(termijn=termijn):
            opschorting.verschuift = False
            if opschorting.tot is None:
                opschorting.tot = max(opschorting.van, vandaag)
            opschorting.save()
            _historie(HistoricalTermijnOpschorting, opschorting, reden=REDEN_HERVAT, nu=nu)
        termijn.streefdatum -= timedelta(days=termijn.opgeschorte_dagen)
        termijn.fatale_datum = termijn.berekende_fatale_datum
        termijn.opgeschorte_dagen = 0
        if termijn.status == "opgeschort":
            termijn.status = "open"  # the next sweep marks it verlopen when its date has passed
        termijn.nadert_gesignaleerd = False
        termijn.save()
        _historie(HistoricalTermijn, termijn, reden=REDEN_HERVAT, nu=nu)

    for termijn in Termijn.objects.filter(soort__in=VAN_DE_BURGER, status="verlopen").order_by("pk"):
        termijn.status = "verstreken"
        termijn.save()
        _historie(HistoricalTermijn, termijn, reden=REDEN_VERSTREKEN, nu=nu)
    for signaal in Signaal.objects.filter(termijn__soort__in=VAN_DE_BURGER, soort="verlopen",
                                          afgehandeld_op__isnull=True).order_by("pk"):
        signaal.afgehandeld_op = nu
        signaal.notitie = NOTITIE_SIGNAAL
        signaal.save()
        _historie(HistoricalSignaal, signaal, reden="Afgehandeld: " + NOTITIE_SIGNAAL, nu=nu)


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_termijn_eigenaar")]

    operations = [migrations.RunPython(corrigeer, migrations.RunPython.noop)]
