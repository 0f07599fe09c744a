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

from cases import persoonsbron
from cases.bron_services import nieuwe_persoon
from cases.intake.rules import LbtUitkomst
from cases.models import ACTIEVE_FASEN, BredeIntake, Dossier, EindReden, Signaal, SignaalSoort
from cases.persoonsbron import BronOnbereikbaar, Persoonsgegevens
from cases.services import (
    dossier_afronden_uit_bron,
    dossier_beeindigen_uit_bron,
    inburgeraar_met_dossier_aanmaken,
)
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender import datums
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen
from pip_plans import rules as pip_rules
from pip_plans.models import Pip, PipStatus, TermijnVerlengingDuo

from . import raadplegen as duo
from . import rules
from .models import DuoGegeven, DuoInstroom, DuoNotificatie, NotificatieStatus
from .rules import Actie, Raadpleging, Regel

logger = logging.getLogger(__name__)

ACTIVITEIT = "duo-gegevensuitwisseling"  # the register code (inburgering.audit, migration 0005)
MAX_POGINGEN = 6  # then status fout, shown to the koppelbeheerder (retry by hand)
GEEN_DOSSIER = "Geen lopend dossier voor deze persoon"


def signaalsoort() -> str:
    """The kind of a DUO signal: SignaalSoort.DUO once the duo app (issue 16) adds it, until then an
    aandachtspunt (its text starts with "DUO")."""
    return getattr(SignaalSoort, "DUO", SignaalSoort.AANDACHTSPUNT)


def signaal_maken(dossier: Dossier, tekst: str, *, door: User, urgent: bool = False) -> Signaal:
    omschrijving = ("DUO (urgent): " if urgent else "DUO: ") + tekst
    signaal = Signaal(dossier=dossier, soort=signaalsoort(), omschrijving=omschrijving[:300], aangemaakt_door=door)
    opslaan(signaal, reden="Melding van DUO", door=door)
    return signaal


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
        opgeven = notificatie.pogingen >= MAX_POGINGEN
        DuoNotificatie.objects.filter(pk=notificatie.pk).update(
            fout=f"{type(fout).__name__}: {fout}"[:1000],
            status=NotificatieStatus.FOUT if opgeven else NotificatieStatus.ONTVANGEN,
            bezig_tot=None if opgeven else timezone.now() + timedelta(minutes=2 ** notificatie.pogingen))
        return NotificatieStatus.FOUT if opgeven else NotificatieStatus.ONTVANGEN
    return uitkomst.status


@transaction.atomic
def notificatie_opnieuw(*, notificatie_id: int, by: User) -> None:
    """The koppelbeheerder sends a failed row back to the queue (after fixing the cause)."""
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
        return _instroom(notificatie, regel, gegevens)
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


def gegevens_vastleggen(*, dossier: Dossier, gegevens: dict, notificatie: DuoNotificatie | None, door: User) -> None:
    """Keep DUO's answers on the dossier (DUO wins) and apply the facts the dossier holds itself; a local value
    that differs becomes a signal."""
    nu = timezone.now()
    for soort, waarde in gegevens.items():
        if waarde is None:
            continue
        DuoGegeven.objects.update_or_create(
            dossier=dossier, soort=soort,
            defaults={"waarde": waarde, "bron": f"DUO {rules.PADEN[Raadpleging(soort)]}", "opgehaald_op": nu,
                      "notificatie": notificatie})
    wijzigingen = []
    kennisgeving = rules.datum((gegevens.get(Raadpleging.PLICHT) or {}).get("datumKennisgevingInburgeringsplicht"))
    if kennisgeving and kennisgeving != dossier.datum_kennisgeving:
        wijzigingen.append(f"datum kennisgeving {dossier.datum_kennisgeving:%d-%m-%Y} → {kennisgeving:%d-%m-%Y}")
        dossier.datum_kennisgeving = kennisgeving
    doelgroep = rules.doelgroep(gegevens.get(Raadpleging.DOELGROEP))
    if doelgroep and doelgroep != dossier.doelgroep:
        wijzigingen.append(f"doelgroep {dossier.doelgroep} → {doelgroep}")
        dossier.doelgroep = doelgroep
    if Raadpleging.PIP in gegevens and rules.eerder_pip_elders(
            gegevens[Raadpleging.PIP], eigen_gemeentecode=GemeenteInstellingen.huidig().gemeentecode) \
            and not dossier.eerder_pip_elders:
        wijzigingen.append("eerder PIP in een andere gemeente: ja")
        dossier.eerder_pip_elders = True
    if wijzigingen:
        opslaan(dossier, reden="Gegevens van DUO: " + "; ".join(wijzigingen), door=door)
        termijnen_herberekenen(dossier_id=dossier.pk, by=door)
        signaal_maken(dossier, "gegevens wijken af en zijn bijgewerkt: " + "; ".join(wijzigingen), door=door)
    lbt = _laatste_lbt(gegevens.get(Raadpleging.LBT))
    if lbt:
        _lbt_in_intake(dossier, lbt, door)


def _laatste_lbt(resultaten) -> dict | None:
    if not resultaten:
        return None
    resultaten = resultaten if isinstance(resultaten, list) else [resultaten]
    return max(resultaten, key=lambda r: r.get("datumAfname") or "")


def _lbt_in_intake(dossier: Dossier, lbt: dict, door: User) -> None:
    """The LBT result into the brede intake (DUO's result wins); a closed intake is not changed: a different
    result there becomes a signal."""
    uitkomst = rules.lbt_uitkomst(lbt.get("resultaat"))
    intake = BredeIntake.objects.select_for_update().filter(dossier=dossier).first()
    if intake is not None and intake.lbt_uitkomst == uitkomst and intake.lbt_datum == rules.datum(lbt.get("datumAfname")):
        return
    if intake is not None and intake.afgerond_op:
        if intake.lbt_uitkomst != uitkomst:
            signaal_maken(dossier, f"uitslag leerbaarheidstoets volgens DUO: {lbt.get('resultaat')}; de afgeronde "
                                   "intake zegt iets anders", door=door)
        return
    vorige = intake.lbt_uitkomst if intake else ""
    intake = intake or BredeIntake(dossier=dossier)
    intake.lbt_uitkomst = uitkomst
    intake.lbt_score = rules.score(lbt.get("behaaldeScore"))
    intake.lbt_vereiste_score = rules.score(lbt.get("benodigdeScore"))
    intake.lbt_datum = rules.datum(lbt.get("datumAfname"))
    intake.lbt_vrijstelling = ""
    opslaan(intake, reden="Uitslag leerbaarheidstoets van DUO", door=door)
    if vorige and vorige != uitkomst:
        signaal_maken(dossier, f"uitslag leerbaarheidstoets volgens DUO: {lbt.get('resultaat')} (was "
                               f"{dict(LbtUitkomst.CHOICES).get(vorige, vorige)})", door=door)


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


# --- the inflow queue -------------------------------------------------------------------------------------------
def instroomteam() -> Team | None:
    teams = Team.objects.filter(actief=True)
    if settings.DUO_INSTROOM_TEAM:
        return teams.filter(naam=settings.DUO_INSTROOM_TEAM).first()
    return teams.order_by("naam").first()


def _persoon_json(gegevens: Persoonsgegevens | None) -> dict:
    if gegevens is None:
        return {}
    waarden = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in gegevens.__dict__.items()}
    waarden["adresregels"] = list(gegevens.adresregels)
    return waarden


def _persoon_van(waarden: dict) -> Persoonsgegevens:
    velden = {k: (date.fromisoformat(v) if k in ("geboortedatum", "datum_inschrijving_gemeente", "overleden_op")
                  and v else v) for k, v in waarden.items()}
    velden["adresregels"] = tuple(waarden.get("adresregels", ()))
    return Persoonsgegevens(**velden)


def _naam(gegevens: Persoonsgegevens | None) -> str:
    if gegevens is None:
        return ""
    return " ".join(d for d in (gegevens.voornamen, gegevens.voorvoegsel, gegevens.geslachtsnaam) if d)


def _instroom(notificatie: DuoNotificatie, regel: Regel, gegevens: dict) -> Uitkomst:
    """A new plichtige without a dossier here: into the team's inflow queue, completed from the BRP. A second
    event about the same person (SS101, then SS139) updates the same open item."""
    if not notificatie.bsn:
        raise ValueError("Zonder BSN kan de instroom niet worden aangemaakt")
    team = instroomteam()
    if team is None:
        raise ValueError("Er is geen actief team voor de instroom (DUO_INSTROOM_TEAM)")
    plicht = gegevens.get(Raadpleging.PLICHT) or {}
    kennisgeving = rules.datum(plicht.get("datumKennisgevingInburgeringsplicht")) \
        or notificatie.registratie_datum_tijd.date()
    eerder = regel.eerder_pip or rules.eerder_pip_elders(
        gegevens.get(Raadpleging.PIP), eigen_gemeentecode=GemeenteInstellingen.huidig().gemeentecode)
    item = DuoInstroom.objects.select_for_update().filter(bsn=notificatie.bsn, dossier__isnull=True).first()
    if item is None:
        try:
            persoon = persoonsbron.persoon_opvragen(notificatie.bsn)
        except BronOnbereikbaar:
            persoon = None  # the werkcoach sees "not from the BRP" and may retry from the queue later
        verwerking_vastleggen(Handeling.RAADPLEGEN, activiteit=ACTIVITEIT)
        item = DuoInstroom(notificatie=notificatie, bsn=notificatie.bsn, team=team, persoon=_persoon_json(persoon),
                           naam=_naam(persoon), datum_kennisgeving=kennisgeving)
    item.gebeurtenis_id = notificatie.gebeurtenis_id
    item.pip_klok = item.pip_klok or regel.pip_klok
    item.korte_horizon = item.korte_horizon or regel.korte_horizon
    item.eerder_pip_elders = item.eerder_pip_elders or eerder
    item.doelgroep = rules.doelgroep(gegevens.get(Raadpleging.DOELGROEP)) or item.doelgroep
    if plicht.get("datumKennisgevingInburgeringsplicht"):
        item.datum_kennisgeving = kennisgeving  # DUO's date wins over the registration moment
    item.gegevens = {**item.gegevens, **{k: v for k, v in gegevens.items() if v is not None}}
    item.save()
    return Uitkomst(resultaat=f"In de instroom van team {team}")


ALLEEN_WERKCOACH = "Alleen een werkcoach kan een instroom oppakken; het dossier komt in diens caseload."
AL_OPGEPAKT = "Deze instroom is al opgepakt."
GEEN_DOELGROEP = ("DUO heeft (nog) geen doelgroep doorgegeven. Probeer het later opnieuw, of registreer via "
                  "Nieuw dossier.")
GEEN_BRP = ("De BRP kende deze persoon niet of was niet bereikbaar toen DUO dit meldde. Probeer het opnieuw; "
            "lukt het niet, registreer dan via Nieuw dossier.")


@transaction.atomic
def instroom_oppakken(*, instroom_id: int, by: User) -> Dossier:
    """A werkcoach takes up an inflow item: the inburgeraar and dossier are made by the cases service (in their
    caseload) with DUO's date of kennisgeving, so the PIP clock (Besluit 5.3) runs from DUO's date; DUO's facts
    and the notifications about the person are linked to the new dossier (its bewaartermijn covers them)."""
    if not by.heeft_rol(Rol.WERKCOACH):
        raise PermissionDenied(ALLEEN_WERKCOACH)
    item = vergrendelen(zichtbare_instroom(by), pk=instroom_id)
    if item.dossier_id:
        raise ValidationError(AL_OPGEPAKT)
    persoon = item.persoon
    if not persoon:
        try:
            gegevens = persoonsbron.persoon_opvragen(item.bsn)
        except BronOnbereikbaar:
            gegevens = None
        if gegevens is None:
            raise ValidationError(GEEN_BRP)
        persoon = _persoon_json(gegevens)
    if not item.doelgroep and duo.koppeling_aan():
        item.doelgroep = rules.doelgroep(duo.raadplegen(item.bsn, Raadpleging.DOELGROEP)) or ""
    if not item.doelgroep:
        raise ValidationError(GEEN_DOELGROEP)
    gegevens = _persoon_van(persoon)
    eigen = GemeenteInstellingen.huidig().gemeentecode
    dossier = inburgeraar_met_dossier_aanmaken(
        persoon=nieuwe_persoon(gegevens),
        dossier={"doelgroep": item.doelgroep, "datum_kennisgeving": item.datum_kennisgeving,
                 "datum_brp_vestiging": gegevens.datum_inschrijving_gemeente
                 if gegevens.gemeente_code == eigen else None,
                 "eerder_pip_elders": item.eerder_pip_elders},
        by=by,
    )
    item.dossier, item.opgepakt_door, item.opgepakt_op = dossier, by, timezone.now()
    item.save(update_fields=["dossier", "doelgroep", "opgepakt_door", "opgepakt_op"])
    DuoNotificatie.objects.filter(bsn=item.bsn, dossier__isnull=True).update(dossier=dossier)
    door = systeemgebruiker(Systeembron.DUO)
    gegevens_vastleggen(dossier=dossier, gegevens=item.gegevens, notificatie=item.notificatie, door=door)
    if item.korte_horizon:
        signaal_maken(dossier, "bereikt binnen 6 maanden de AOW-leeftijd (SS128): korte horizon", door=door)
    return dossier


def zichtbare_instroom(user: User):
    """Werkcoaches see their team's queue; consulenten (and managers, read-only) every team's."""
    rijen = DuoInstroom.objects.filter(dossier__isnull=True)
    if user.heeft_rol(Rol.CONSULENT, Rol.MANAGER):
        return rijen
    if user.heeft_rol(Rol.WERKCOACH) and user.team_id:
        return rijen.filter(team_id=user.team_id)
    return rijen.none()
