"""The inflow queue "Instroom van DUO": a new plichtige without a dossier here waits for the team, completed from
the BRP, until a werkcoach takes it up and the dossier is made."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cases import persoonsbron
from cases.bron_services import nieuwe_persoon
from cases.models import Dossier
from cases.persoonsbron import BronOnbereikbaar, Persoonsgegevens
from cases.services import (
    inburgeraar_met_dossier_aanmaken,
)
from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import vergrendelen

from . import raadplegen as duo
from . import rules
from .feiten import ACTIVITEIT, gegevens_vastleggen, signaal_maken
from .models import DuoInstroom, DuoNotificatie
from .rules import Raadpleging, Regel


class Onverwerkbaar(Exception):
    """Trying again will not help (a fact or a setting is missing): straight to `fout`, for the koppelbeheerder."""


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


def instroom_bijwerken(notificatie: DuoNotificatie, regel: Regel, gegevens: dict) -> str:
    """A new plichtige without a dossier here: into the team's inflow queue, completed from the BRP. A second
    event about the same person (SS101, then SS139) updates the same open item."""
    if not notificatie.bsn:
        raise Onverwerkbaar("Zonder BSN kan de instroom niet worden aangemaakt")
    team = instroomteam()
    if team is None:
        raise Onverwerkbaar("Er is geen actief team voor de instroom (DUO_INSTROOM_TEAM)")
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
    return f"In de instroom van team {team}"


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
