"""The nightly reconciliation (issue 17 item 4): for every running dossier with a vastgesteld PIP, the gemeente's
facts (PIP dagtekening, leerroute and niveau; the inburgeringstermijn's start and end; the hours) against DUO's
answers. The differences replace the dossier's previous list, for the koppelbeheerder (`/duo/verschillen/`)."""

import logging

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cases.models import ACTIEVE_FASEN, Dossier
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender import datums
from leerroutes.models import Uren
from pip_plans import termijnen as pip_termijnen
from pip_plans.models import Pip, PipStatus

from . import raadplegen as duo
from . import rules
from .models import DuoVerschil
from .rules import Raadpleging

logger = logging.getLogger(__name__)


def _d(waarde) -> str:
    return waarde.isoformat() if waarde else ""


def feiten_gemeente(dossier: Dossier) -> dict[str, str]:
    pip = Pip.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).order_by("-versie").first()
    feiten = {"pip_dagtekening": _d(pip.dagtekening), "pip_leerroute": pip.leerroute, "pip_niveau": pip.niveau} \
        if pip else {}
    termijn = pip_termijnen.inburgeringstermijn(dossier)
    if termijn:
        feiten["termijn_start"] = _d(termijn.basisdatum)
        feiten["termijn_einde"] = _d(datums.inclusief_naar_duo_einddatum(termijn.fatale_datum))
    uren = Uren.objects.filter(dossier=dossier).aggregate(totaal=Sum("aantal"))["totaal"]
    feiten["uren"] = str(int(uren)) if uren else ""
    return feiten


def feiten_duo(bsn: str, *, gemeentecode: str) -> dict[str, str]:
    feiten: dict[str, str] = {}
    pips = duo.raadplegen(bsn, Raadpleging.PIP) or []
    eigen = [p for p in (pips if isinstance(pips, list) else [pips]) if p.get("gemeentecode") == gemeentecode]
    if eigen:
        pip = eigen[-1].get("pip") or {}
        feiten.update(pip_dagtekening=pip.get("dagtekeningPip", ""), pip_leerroute=pip.get("leerroute", ""),
                      pip_niveau=pip.get("niveau", ""))
    termijn = duo.raadplegen(bsn, Raadpleging.TERMIJN) or {}
    feiten["termijn_start"] = termijn.get("startdatum", "")
    feiten["termijn_einde"] = termijn.get("einddatum", "")
    uren = duo.uren(bsn) or []
    per_gemeente = [u for u in (uren if isinstance(uren, list) else [uren]) if u.get("gemeentecode") == gemeentecode]
    totaal = sum((u.get(soort) or {}).get("uren", 0) for u in per_gemeente
                 for soort in ("ParticipatieAlsTaalles", "ParticipatieactiviteitenBredeIntake",
                               "TaallesEnKnmBredeIntake"))
    feiten["uren"] = str(totaal) if totaal else ""
    return feiten


def te_vergelijken():
    return (Dossier.objects.filter(fase__in=ACTIEVE_FASEN, pips__status=PipStatus.VASTGESTELD)
            .select_related("inburgeraar").distinct().order_by("pk"))


@transaction.atomic
def dossier_afstemmen(dossier: Dossier, *, gemeentecode: str) -> list[DuoVerschil]:
    gevonden = rules.verschillen(gemeente=feiten_gemeente(dossier),
                                 duo=feiten_duo(dossier.inburgeraar.bsn, gemeentecode=gemeentecode))
    verwerking_vastleggen(Handeling.ONTVANGEN, dossier_ids=[dossier.pk], activiteit="duo-gegevensuitwisseling")
    DuoVerschil.objects.filter(dossier=dossier).delete()
    nu = timezone.now()
    return DuoVerschil.objects.bulk_create(
        DuoVerschil(dossier=dossier, veld=veld, gemeente=ons[:200], duo=hun[:200], gevonden_op=nu)
        for veld, ons, hun in gevonden)


def afstemmen() -> dict:
    """All running dossiers with a vastgesteld PIP; one dossier at a time, so a DUO outage halfway keeps what
    was compared. Nothing to do without a connection (DUO_URL empty)."""
    if not duo.koppeling_aan():
        return {"overgeslagen": "geen DUO_URL"}
    gemeentecode = GemeenteInstellingen.huidig().gemeentecode
    uitkomst = {"vergeleken": 0, "verschillen": 0, "onbereikbaar": 0}
    with verwerking(activiteit="duo-gegevensuitwisseling", naam="duo_notificaties.afstemmen"):
        for dossier in te_vergelijken():
            try:
                verschillen = dossier_afstemmen(dossier, gemeentecode=gemeentecode)
            except duo.DuoOnbereikbaar:
                uitkomst["onbereikbaar"] += 1
                continue
            uitkomst["vergeleken"] += 1
            uitkomst["verschillen"] += len(verschillen)
    logger.info("DUO-afstemming: %s", uitkomst)
    return uitkomst
