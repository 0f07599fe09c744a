"""Processing a stored notification into its effect (rules.GEBEURTENISSEN), and taking up an inflow item.

A worker *claims* a row (a lease in `bezig_tot`, committed on its own), then does the whole effect in one
transaction that also marks the row processed. A worker killed halfway rolls its transaction back: the row is
still `ontvangen`, and once the lease runs out the safety net processes it again, from scratch. A row that is
not `ontvangen` is never processed twice, so the same notification has one effect.

After a notification the gemeente asks DUO what changed (raadplegingen, `rules.Regel.raadplegen`); DUO's facts
win over the gemeente's and are kept per dossier with their source and time (`DuoGegeven`); where DUO's fact
differs from what the gemeente had, the werkcoach gets a signal."""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from cases.models import ACTIEVE_FASEN, Dossier, EindReden
from cases.services import (
    dossier_afronden_uit_bron,
    dossier_beeindigen_uit_bron,
)
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen
from inburgering.kalender import datums
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan
from pip_plans import rules as pip_rules
from pip_plans.models import Pip, PipStatus, TermijnVerlengingDuo

from . import raadplegen as duo
from . import rules
from .access import mag_koppeling_zien
from .feiten import ACTIVITEIT, gegevens_vastleggen, signaal_maken
from .instroom import Onverwerkbaar, instroom_bijwerken
from .models import DuoNotificatie, NotificatieStatus
from .rules import Actie, Raadpleging, Regel

logger = logging.getLogger(__name__)

MAX_POGINGEN = 6  # then status fout, shown to the koppelbeheerder (retry by hand)
GEEN_DOSSIER = "Geen lopend dossier voor deze persoon"


@dataclass
class Uitkomst:
    status: str = NotificatieStatus.VERWERKT
    resultaat: str = ""
    dossier: Dossier | None = None
    signalen: list[str] = field(default_factory=list)


# --- claiming and the safety net -----------------------------------------------------------------------------
def _claimen(notificatie_id: int) -> bool:
    """Claim an unprocessed row whose lease is free; "0 rows updated" means another worker has it or it is done."""
    nu = timezone.now()
    return DuoNotificatie.objects.filter(
        Q(bezig_tot__isnull=True) | Q(bezig_tot__lt=nu), pk=notificatie_id, status=NotificatieStatus.ONTVANGEN,
    ).update(bezig_tot=nu + timedelta(seconds=settings.DUO_NOTIFICATIE_LEASE_SECONDEN),
             pogingen=F("pogingen") + 1) == 1


def te_verwerken(*, limiet: int = 500) -> list[int]:
    """What the safety net processes: unprocessed rows whose lease is free (never claimed, or abandoned)."""
    nu = timezone.now()
    return list(DuoNotificatie.objects.filter(Q(bezig_tot__isnull=True) | Q(bezig_tot__lt=nu),
                                              status=NotificatieStatus.ONTVANGEN)
                .order_by("ontvangen_op", "pk").values_list("pk", flat=True)[:limiet])


def notificatie_verwerken(*, notificatie_id: int) -> str | None:
    """Process one notification, once. Returns its new status, or None when there was nothing to do."""
    if not _claimen(notificatie_id):
        return None
    notificatie = DuoNotificatie.objects.get(pk=notificatie_id)
    try:
        with verwerking(activiteit=ACTIVITEIT, naam="duo_notificaties.verwerken"), transaction.atomic():
            uitkomst = _verwerken(notificatie)
            DuoNotificatie.objects.filter(pk=notificatie.pk).update(
                status=uitkomst.status, resultaat=uitkomst.resultaat[:300], dossier=uitkomst.dossier,
                verwerkt_op=timezone.now(), bezig_tot=None, fout="")
    except Exception as fout:
        # No BSN in the log: the exception's type and our row id only; the text goes to the row (koppelbeheer).
        logger.warning("DUO-notificatie %s: verwerken mislukt (%s), poging %s", notificatie.pk,
                       type(fout).__name__, notificatie.pogingen)
        opgeven = notificatie.pogingen >= MAX_POGINGEN or isinstance(fout, Onverwerkbaar)
        DuoNotificatie.objects.filter(pk=notificatie.pk).update(
            fout=f"{type(fout).__name__}: {fout}"[:1000],
            status=NotificatieStatus.FOUT if opgeven else NotificatieStatus.ONTVANGEN,
            bezig_tot=None if opgeven else timezone.now() + timedelta(minutes=2 ** notificatie.pogingen))
        return NotificatieStatus.FOUT if opgeven else NotificatieStatus.ONTVANGEN
    return uitkomst.status


@transaction.atomic
def notificatie_opnieuw(*, notificatie_id: int, by: User) -> None:
    """The koppelbeheerder sends a failed row back to the queue (after fixing the cause)."""
    if not mag_koppeling_zien(by):
        raise PermissionDenied
    DuoNotificatie.objects.filter(pk=notificatie_id, status=NotificatieStatus.FOUT).update(
        status=NotificatieStatus.ONTVANGEN, bezig_tot=None, pogingen=0)


# --- the effect of one notification ---------------------------------------------------------------------------
def _dossier_van(notificatie: DuoNotificatie) -> Dossier | None:
    persoon = Q(inburgeraar__bsn=notificatie.bsn) if notificatie.bsn else Q(inburgeraar__v_nummer=notificatie.v_nummer)
    if not (notificatie.bsn or notificatie.v_nummer):
        return None
    return Dossier.objects.select_related("inburgeraar").filter(persoon, fase__in=ACTIEVE_FASEN).first()


def _verwerken(notificatie: DuoNotificatie) -> Uitkomst:
    regel = rules.regel_voor(notificatie.gebeurtenis_id)
    door = systeemgebruiker(Systeembron.DUO)
    dossier = _dossier_van(notificatie)
    if regel.actie == Actie.ONBEKEND:
        return Uitkomst(status=NotificatieStatus.ONBEKENDE_CODE, dossier=dossier,
                        resultaat=f"Onbekende gebeurtenis {notificatie.gebeurtenis_id}: bewaard voor de koppelbeheerder")
    gegevens = _raadplegen(notificatie.bsn, regel.raadplegen)
    if dossier is not None:
        verwerking_vastleggen(Handeling.ONTVANGEN, dossier_ids=[dossier.pk], activiteit=ACTIVITEIT)
        gegevens_vastleggen(dossier=dossier, gegevens=gegevens, notificatie=notificatie, door=door)
    if regel.actie in (Actie.INSTROOM, Actie.VESTIGING) and dossier is None:
        return Uitkomst(resultaat=instroom_bijwerken(notificatie, regel, gegevens))
    if dossier is None:
        return Uitkomst(resultaat=GEEN_DOSSIER)
    uitkomst = _ACTIES[regel.actie](notificatie, regel, gegevens, dossier, door)
    uitkomst.dossier = dossier
    return uitkomst


def _raadplegen(bsn: str, soorten: tuple[Raadpleging, ...]) -> dict[str, object]:
    """DUO's answers (None: DUO does not know it). Without a connection (DUO_URL empty) nothing is asked."""
    if not (bsn and duo.koppeling_aan()):
        return {}
    return {soort.value: duo.raadplegen(bsn, soort) for soort in soorten}


# --- the actions ------------------------------------------------------------------------------------------------
def _signaal(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    signaal_maken(dossier, f"{regel.betekenis} ({notificatie.gebeurtenis_id})", door=door, urgent=regel.urgent)
    return Uitkomst(resultaat=("Urgent signaal" if regel.urgent else "Signaal") + " voor de werkcoach")


def _vestiging(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    if regel.eerder_pip and not dossier.eerder_pip_elders:
        dossier.eerder_pip_elders = True
        opslaan(dossier, reden=f"DUO: eerder PIP in een andere gemeente ({notificatie.gebeurtenis_id})", door=door)
    return _signaal(notificatie, regel, gegevens, dossier, door)


def _instroom_bij_dossier(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    """A new-plichtige event for a person who already has a dossier here: DUO's facts are applied above; the
    werkcoach hears about it (SS128: the short horizon)."""
    return _signaal(notificatie, regel, gegevens, dossier, door)


def _termijn(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    """Store DUO's dates; an extension (SS103/SS104) as DUO's decision, which wins (pip_plans); recompute."""
    termijn = gegevens.get(Raadpleging.TERMIJN) or {}
    einde = rules.datum(termijn.get("einddatum"))
    eerste = (Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN])
              .order_by("versie").first())
    if regel.termijn_grond and einde and eerste and eerste.termijn_start:
        gewoon = datums.inburgeringstermijn(eerste.termijn_start, pip_rules.INBURGERINGSTERMIJN_JAREN).duo_einddatum
        if einde > gewoon and not dossier.termijnverlengingen.filter(duo_einddatum=einde).exists():
            verlenging = TermijnVerlengingDuo(
                dossier=dossier, besluitdatum=min(rules.datum(termijn.get("wijzigingsdatum"))
                                                  or notificatie.registratie_datum_tijd.date(), vandaag()),
                grond=regel.termijn_grond, duo_einddatum=einde, vastgelegd_door=door,
                toelichting=f"Uit de notificatie {notificatie.gebeurtenis_id} van DUO",
            )
            opslaan(verlenging, reden=f"Verlenging DUO ({notificatie.gebeurtenis_id})", door=door)
    start = rules.datum(termijn.get("startdatum"))
    if start and eerste and eerste.termijn_start and start != eerste.termijn_start:
        signaal_maken(dossier, f"start inburgeringstermijn volgens DUO {start:%d-%m-%Y}, volgens het PIP "
                               f"{eerste.termijn_start:%d-%m-%Y}", door=door)
    termijnen_herberekenen(dossier_id=dossier.pk, by=door)
    signaal_maken(dossier, f"{regel.betekenis} ({notificatie.gebeurtenis_id})"
                  + (f": einddatum volgens DUO {einde:%d-%m-%Y}" if einde else ""), door=door)
    return Uitkomst(resultaat="Termijn van DUO vastgelegd" if termijn else "Geen termijn bij DUO opgehaald")


def _einddatum(notificatie: DuoNotificatie, gegevens) -> date:
    plicht = gegevens.get(Raadpleging.PLICHT) or {}
    return min(rules.datum(plicht.get("einddatum")) or notificatie.registratie_datum_tijd.date(), vandaag())


def _afronden(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    """Plicht met: afgerond with DUO's reason from uitvoering; before uitvoering the FSM cannot afronden, so the
    dossier ends as plicht vervallen with DUO's reason in the explanation. Either way the retention clock starts."""
    toelichting = f"{regel.betekenis} (DUO, {notificatie.gebeurtenis_id})"
    datum = _einddatum(notificatie, gegevens)
    try:
        dossier_afronden_uit_bron(dossier_id=dossier.pk, reden=regel.eind_reden, datum=datum,
                                  toelichting=toelichting, door=door)
        return Uitkomst(resultaat=f"Dossier afgerond ({regel.eind_reden})")
    except ValidationError:
        dossier_beeindigen_uit_bron(dossier_id=dossier.pk, reden=EindReden.PLICHT_VERVALLEN, datum=datum,
                                    toelichting=toelichting, door=door)
        return Uitkomst(resultaat="Dossier beëindigd (plicht vervallen)")


def eind_reden(regel: Regel, plicht: dict | None) -> str:
    """SS110 covers several grounds; DUO's redenGeenInburgeringsplicht tells which."""
    reden = (plicht or {}).get("redenGeenInburgeringsplicht")
    return {"Vertrek uit Nederland langer dan een jaar": EindReden.VERTROKKEN,
            "Overlijden": EindReden.OVERLEDEN}.get(reden, regel.eind_reden)


def _beeindigen(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    reden = eind_reden(regel, gegevens.get(Raadpleging.PLICHT))
    dossier_beeindigen_uit_bron(dossier_id=dossier.pk, reden=reden, datum=_einddatum(notificatie, gegevens),
                                toelichting=f"{regel.betekenis} (DUO, {notificatie.gebeurtenis_id})", door=door)
    return Uitkomst(resultaat=f"Dossier beëindigd ({reden})")


def _doelgroep(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    # The doelgroep itself was applied with DUO's facts (gegevens_vastleggen); entitlements follow from it.
    signaal_maken(dossier, f"{regel.betekenis} ({notificatie.gebeurtenis_id}): controleer de rechten en het aanbod",
                  door=door)
    return Uitkomst(resultaat="Doelgroep van DUO overgenomen" if gegevens else "Signaal voor de werkcoach")


def _lbt(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    if not gegevens.get(Raadpleging.LBT):
        return _signaal(notificatie, regel, gegevens, dossier, door)
    return Uitkomst(resultaat="Uitslag leerbaarheidstoets in de intake")


def _examen(notificatie, regel: Regel, gegevens, dossier, door) -> Uitkomst:
    resultaten = gegevens.get(Raadpleging.EXAMENS) or []
    laatste = max(resultaten, key=lambda r: r.get("examendatum") or "") if isinstance(resultaten, list) and resultaten \
        else None
    tekst = (f"{regel.betekenis}: {laatste.get('onderdeel')} {laatste.get('resultaat')} op {laatste.get('examendatum')}"
             if laatste else regel.betekenis)
    signaal_maken(dossier, f"{tekst} ({notificatie.gebeurtenis_id})", door=door)
    return Uitkomst(resultaat="Examenresultaten van DUO vastgelegd" if laatste else "Signaal voor de werkcoach")


_ACTIES = {
    Actie.INSTROOM: _instroom_bij_dossier,
    Actie.VESTIGING: _vestiging,
    Actie.TERMIJN: _termijn,
    Actie.AFRONDEN: _afronden,
    Actie.BEEINDIGEN: _beeindigen,
    Actie.DOELGROEP: _doelgroep,
    Actie.LBT: _lbt,
    Actie.EXAMEN: _examen,
    Actie.SIGNAAL: _signaal,
}
