"""Writing the outbox (issue 16): the functions the lower apps' hooks call, inside the business change's own
transaction. Each builds DUO's message from the current state (berichten), runs the pre-flight check
(controle) and stores one `DuoBericht`: `wachtend` (sent after commit) or `niet_verzonden` with the reasons
and a signal on the werkcoach's werkvoorraad. Cheap: a few reads, one insert, an on_commit trigger."""

import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Dossier, Signaal, SignaalSoort
from inburgering.accounts.models import User
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan
from leerroutes import haken as leerroute_haken
from leerroutes.models import Inschrijving, Uren
from leerroutes.rules import InschrijvingStatus
from pip_plans.models import Pip
from pip_plans.rules import PipStatus
from pip_plans.selectors import geldend_pip
from pip_plans.termijnen import inburgeringstermijn

from . import berichten, controle
from .models import DuoBericht, DuoContactpersoon, Soort, Status

logger = logging.getLogger(__name__)

NIET_VERZONDEN_SIGNAAL = "DUO-melding {soort} niet verzonden: {reden}"


def _parameters(bsn: str, bericht_id: uuid.UUID, **delen) -> dict[str, str]:
    return {"bsn": bsn, "bron": settings.DUO_OIN_GEMEENTE, "doel": settings.DUO_OIN_DUO,
            "berichtId": str(bericht_id), **delen}


def bericht_schrijven(
    *, dossier: Dossier, soort: str, body: dict | None, redenen: list[str], by: User | None,
    delen: dict[str, str] | None = None, contactpersoon: User | None = None, contract_body: dict | None = None,
) -> DuoBericht:
    """Store one message for `dossier` in the current transaction. `redenen`: the refusal rules' outcome;
    the contract check is added here. A message stopped by the check gives the werkcoach a signal, except the
    contactpersoon's: its remedy (the werkcoach's e-mail, the gemeente's phone) lies with functioneel beheer,
    and the outbox screen and the DUO tab show it. `contract_body`: what to validate when it is not `body` (the
    contactpersoon's registration data)."""
    delen = delen or {}
    bsn = dossier.inburgeraar.bsn
    bericht_id = uuid.uuid4()
    if soort == Soort.CONTACTPERSOON:
        redenen = redenen + controle.contract_fouten(
            spec_dir=settings.DUO_M2M_SPEC_DIR, soort=soort, body=None,
            parameters=_parameters(bsn, bericht_id, id="1"))
        if contract_body is not None:
            methode, _pad, sjabloon, map_ = berichten.CONTACTPERSOON_REGISTREREN
            redenen += controle.contract_fouten(
                spec_dir=settings.DUO_M2M_SPEC_DIR, methode=methode, pad_sjabloon=sjabloon, map_=map_,
                body=contract_body, parameters=_parameters(bsn, bericht_id))
    else:
        redenen = redenen + controle.contract_fouten(
            spec_dir=settings.DUO_M2M_SPEC_DIR, soort=soort, body=body,
            parameters=_parameters(bsn, bericht_id, **delen))
    bericht = DuoBericht.objects.create(
        dossier=dossier, persoon_id=dossier.inburgeraar_id, bericht_id=bericht_id, soort=soort,
        methode=berichten.methode(soort), pad=berichten.pad(soort, bsn=bsn, **delen), body=body,
        contactpersoon=contactpersoon, status=Status.NIET_VERZONDEN if redenen else Status.WACHTEND,
        redenen=redenen, volgende_poging_op=None if redenen else timezone.now(), aangemaakt_door=by,
    )
    if redenen and soort != Soort.CONTACTPERSOON:
        signaal_geven(dossier=dossier, soort_label=str(bericht.get_soort_display()), reden=redenen[0], door=by)
    elif not redenen:
        transaction.on_commit(verzending_starten)
    return bericht


def signaal_geven(*, dossier: Dossier, soort_label: str, reden: str, door: User | None) -> None:
    """A work item on the werkcoach's werkvoorraad (the dossier's signals)."""
    tekst = _(NIET_VERZONDEN_SIGNAAL).format(soort=soort_label, reden=reden)
    opslaan(Signaal(dossier=dossier, soort=SignaalSoort.DUO, omschrijving=tekst[:300], aangemaakt_door=door),
            reden="Melding over DUO", door=door)


def verzending_starten() -> None:
    """After the commit: ask a worker to drain now. A broker that is down must not break the change that
    committed: the minute schedule (`duo-outbox`) sends the message then. Nothing without DUO_URL."""
    if not settings.DUO_URL:
        return
    from .tasks import outbox_verzenden_task

    try:
        outbox_verzenden_task.apply_async(retry=False)
    except Exception as fout:
        logger.warning("DUO-outbox: de broker is niet bereikbaar (%s); de minuutplanning verstuurt het bericht",
                       type(fout).__name__)


# --- the hooks --------------------------------------------------------------------------------------------
def _termijn(dossier: Dossier, pip: Pip | None) -> tuple:
    berekening = inburgeringstermijn(dossier)
    return (pip.termijn_start if pip else None), (berekening.fatale_datum if berekening else None)


def _eerste_pip_van_persoon(pip: Pip) -> bool:
    if pip.dossier.eerder_pip_elders:
        return False
    return not Pip.objects.filter(
        dossier__inburgeraar_id=pip.dossier.inburgeraar_id,
        status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN],
    ).exclude(pk=pip.pk).exists()


def bij_pip_vastgesteld(pip: Pip, by: User) -> None:
    """pip_plans.haken: a PIP version was vastgesteld. DUO: POST /personen/{bsn}/PIP (a new one replaces the
    current). The first PIP also tells DUO who the person's contactpersoon is."""
    dossier = pip.dossier
    eerste = (Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN])
              .exclude(pk=pip.pk).order_by("versie").first())
    feiten = controle.PipFeiten(
        dagtekening=pip.dagtekening, leerroute=pip.leerroute, niveau=pip.niveau, b1_intensiteit=pip.b1_intensiteit,
        asiel=dossier.is_asiel, plicht_start=dossier.datum_kennisgeving,
        vestiging=dossier.datum_vestiging_na_verhuizing or dossier.datum_brp_vestiging,
        eerste_dagtekening=eerste.dagtekening if eerste else None,
        huidige_dagtekening=pip.vorige.dagtekening if pip.vorige_id else None,
        eerste_pip_van_persoon=_eerste_pip_van_persoon(pip),
    )
    body = berichten.pip_body(berichten.PipFeiten(
        dagtekening=pip.dagtekening, leerroute=pip.leerroute, niveau=pip.niveau, alfabetisering=pip.alfabetisering,
        b1_intensiteit=pip.b1_intensiteit, mag_opleiding_afmaken=pip.mag_opleiding_afmaken,
    ))
    bericht_schrijven(dossier=dossier, soort=Soort.PIP, body=body, redenen=controle.pip_fouten(feiten), by=by)
    if eerste is None:
        contactpersoon_melden(dossier, by)


def bij_toegewezen(dossier: Dossier, by: User) -> None:
    """cases.haken: the dossier has a new werkcoach. DUO only hears of it once it has the gemeente's PIP
    (before that the first PIP carries the contactpersoon)."""
    if Pip.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).exists():
        contactpersoon_melden(dossier, by)


def contactpersoon_melden(dossier: Dossier, by: User) -> None:
    werkcoach = dossier.werkcoach
    gegevens = berichten.contactpersoon_body(
        naam=werkcoach.get_full_name() or werkcoach.get_username(), email=werkcoach.email or "",
        telefoon=GemeenteInstellingen.huidig().telefoonnummer or "",
    )
    bekend = DuoContactpersoon.objects.filter(gebruiker=werkcoach).exists()
    redenen = [] if bekend else controle.contactpersoon_fouten(email=gegevens["email"],
                                                               telefoon=gegevens["telefoonnummer"])
    bericht_schrijven(dossier=dossier, soort=Soort.CONTACTPERSOON, body=None, redenen=redenen, by=by,
                      contactpersoon=werkcoach, contract_body=None if bekend or redenen else gegevens)


def bij_leerroute_vastgelegd(gebeurtenis: str, *, dossier: Dossier, by: User, object=None) -> None:
    """leerroutes.haken: MAP eindgesprek, PVT ondertekening, Z-route afgerond, hours, an enrolment."""
    if gebeurtenis == leerroute_haken.UREN_GEWIJZIGD:
        _uren(dossier, object, by)
    elif gebeurtenis == leerroute_haken.INGESCHREVEN:
        _aanbod(dossier, object, by)
    else:
        _datum(gebeurtenis, dossier, object, by)


def _datum(gebeurtenis: str, dossier: Dossier, object, by: User) -> None:
    pip = geldend_pip(dossier)
    start, laatste = _termijn(dossier, pip)
    zroute = (Inschrijving.objects.filter(dossier=dossier, leerroute="Z", status=InschrijvingStatus.AFGEROND)
              .exclude(afgerond_op=None).order_by("-afgerond_op").values_list("afgerond_op", flat=True).first())
    soort, datum, body = {
        leerroute_haken.MAP_EINDGESPREK: lambda: (Soort.MAP, object.eindgesprek_op,
                                                  berichten.map_body(object.eindgesprek_op)),
        leerroute_haken.PVT_ONDERTEKEND: lambda: (Soort.PVT, object.ondertekend_op,
                                                  berichten.pvt_body(object.ondertekend_op)),
        leerroute_haken.ZROUTE_AFGEROND: lambda: (Soort.ZROUTE, object.afgerond_op,
                                                  berichten.zroute_body(object.afgerond_op)),
    }[gebeurtenis]()
    feiten = controle.DatumFeiten(
        datum=datum, vandaag=vandaag(), heeft_pip=pip is not None, termijn_start=start, termijn_laatste_dag=laatste,
        zroute_datum=zroute, is_zroute=soort == Soort.ZROUTE,
    )
    bericht_schrijven(dossier=dossier, soort=soort, body=body, redenen=controle.datum_fouten(feiten), by=by)


def _uren(dossier: Dossier, uren: Uren, by: User) -> None:
    for soort, (categorie, tijdens_intake) in berichten.UREN_SOORTEN.items():
        if uren.categorie == categorie and uren.tijdens_intake == tijdens_intake:
            totaal = (Uren.objects.filter(dossier=dossier, categorie=categorie, tijdens_intake=tijdens_intake)
                      .aggregate(som=Sum("aantal"))["som"] or 0)
            bericht_schrijven(dossier=dossier, soort=soort, body=berichten.uren_body(totaal), redenen=[], by=by)


def _aanbod(dossier: Dossier, inschrijving: Inschrijving, by: User) -> None:
    """Only an asielmigrant gets an inburgeringsaanbod (Wet art. 13): for anyone else there is nothing to
    tell DUO about the enrolment."""
    if not dossier.is_asiel:
        return
    pip = geldend_pip(dossier)
    _start, laatste = _termijn(dossier, pip)
    aanbieder = inschrijving.aanbieder
    datum_aanbod = vandaag()
    keurmerk = bool(aanbieder.keurmerk_nummer) and (
        aanbieder.keurmerk_geldig_tot is None or aanbieder.keurmerk_geldig_tot >= inschrijving.startdatum)
    feiten = controle.AanbodFeiten(
        asiel=True, heeft_pip=pip is not None, leerroute=inschrijving.leerroute,
        instellingsnummer=aanbieder.duo_instellingsnummer, keurmerk_geldig=keurmerk,
        taalschakel_erkend=aanbieder.taalschakeltraject_erkend, dagtekening=pip.dagtekening if pip else None,
        datums=(datum_aanbod, inschrijving.startdatum, inschrijving.geplande_einddatum),
        einde_opleiding=inschrijving.geplande_einddatum, termijn_laatste_dag=laatste,
    )
    body = berichten.aanbod_body(datum_aanbod=datum_aanbod, start=inschrijving.startdatum,
                                 eind=inschrijving.geplande_einddatum,
                                 alfabetisering=pip.alfabetisering if pip else "NVT")
    bericht_schrijven(dossier=dossier, soort=Soort.INBURGERINGSAANBOD, body=body, redenen=controle.aanbod_fouten(feiten),
                      by=by, delen={"instellingsnummer": aanbieder.duo_instellingsnummer or "0000000000"})
