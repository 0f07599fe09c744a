"""The leerroute enrolment: create (from the vastgesteld PIP's route), aanmelden, starten, afronden,
stoppen, and the follow-up of a PIP wijziging (schakelen stops the old enrolment; hours stay)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import access
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import enkel_vergrendelen, opslaan, vergrendelen
from leerroutes import haken, rules, selectors
from leerroutes.models import (
    Inschrijving,
    Uren,
    ZRouteNorm,
)
from leerroutes.models.instellingen import LeerroutesInstellingen
from leerroutes.rules import InschrijvingStatus, StopReden
from pip_plans import rules as pip_rules
from pip_plans.models import Pip

from ._basis import (
    AL_ACTIEF,
    DOSSIER_AFGESLOTEN,
    STATUS_ONJUIST,
    Z_UREN_NIET_KLAAR,
    _aanbieder,
    _dossier_vergrendelen,
    _geldend_pip,
    _keuze,
    _niet_in_toekomst,
    _termijnen,
)


# --- leerroute enrolment --------------------------------------------------------------------------
@transaction.atomic
def inschrijving_aanmaken(
    *, dossier_id: int, aanbieder_id: int, startdatum: date, geplande_einddatum: date,
    leerroute: str | None = None, by: User,
) -> Inschrijving:
    """Enrol in the leerroute of the geldend PIP (default: its route; another route is refused —
    switching goes through a PIP wijziging). B/Z need a keurmerk valid on the start date, O a
    taalschakeltraject institution; both dates on/after the dagtekening and inside the termijn."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    pip = _geldend_pip(dossier)
    leerroute = leerroute or pip.leerroute
    if fout := rules.route_fout(leerroute=leerroute, pip_route=pip.leerroute):
        raise ValidationError({"leerroute": fout})
    aanbieder = _aanbieder(aanbieder_id)
    if dossier.inschrijvingen.filter(status__in=InschrijvingStatus.ACTIEF).exists():
        raise ValidationError(AL_ACTIEF)
    fouten = rules.inschrijving_datum_fouten(
        startdatum=startdatum, geplande_einddatum=geplande_einddatum, dagtekening=pip.dagtekening,
        termijn_laatste_dag=rules.inburgeringstermijn_laatste_dag(
            pip.termijn_start, pip_rules.INBURGERINGSTERMIJN_JAREN),
    )
    if fout := rules.aanbieder_fout(leerroute, aanbieder.feiten, startdatum):
        fouten["aanbieder"] = fout
    if fouten:
        raise ValidationError(fouten)
    inschrijving = Inschrijving(
        dossier=dossier, pip=pip, leerroute=leerroute, aanbieder=aanbieder, startdatum=startdatum,
        geplande_einddatum=geplande_einddatum, aangemaakt_door=by,
    )
    opslaan(inschrijving, reden=f"Ingeschreven bij {aanbieder}", door=by)
    haken.vastgelegd(haken.INGESCHREVEN, dossier=dossier, by=by, object=inschrijving)  # DUO: inburgeringsaanbod
    return inschrijving


def _inschrijving_vergrendelen(inschrijving_id: int, by: User, actie: str, versie: int | None) -> Inschrijving:
    """The kernel preamble for a step of an enrolment the user sees and may change (strict version),
    and the step must be one the enrolment can take now (`rules.inschrijving_acties`)."""
    inschrijving = vergrendelen(
        Inschrijving.objects.select_related("dossier", "pip").filter(
            dossier__in=access.zichtbare_dossiers(by).values("pk")),
        pk=inschrijving_id, mag=lambda i: access.mag_dossier_bewerken(by, i.dossier), versie=versie,
    )
    if not inschrijving.dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    if actie not in rules.inschrijving_acties(inschrijving.status):
        raise ValidationError(STATUS_ONJUIST, code="status")
    return inschrijving


def _overgang(inschrijving: Inschrijving, overgang, historie: str, by: User, **kwargs) -> Inschrijving:
    overgang(**kwargs)
    opslaan(inschrijving, reden=historie, door=by)
    return inschrijving


@transaction.atomic
def inschrijving_aanmelden(*, inschrijving_id: int, datum: date, versie: int | None, by: User) -> Inschrijving:
    inschrijving = _inschrijving_vergrendelen(inschrijving_id, by, "aanmelden", versie)
    _niet_in_toekomst(datum)
    return _overgang(inschrijving, inschrijving.aanmelden, "Aangemeld bij de aanbieder", by, datum=datum)


@transaction.atomic
def inschrijving_starten(*, inschrijving_id: int, datum: date, versie: int | None, by: User) -> Inschrijving:
    inschrijving = _inschrijving_vergrendelen(inschrijving_id, by, "starten", versie)
    _niet_in_toekomst(datum)
    return _overgang(inschrijving, inschrijving.starten, "Gestart", by, datum=datum)


@transaction.atomic
def inschrijving_afronden(*, inschrijving_id: int, datum: date, versie: int | None, by: User) -> Inschrijving:
    """Completion. For the Z-route this is the eindgesprek held by the college itself (its date is
    DUO's datumAfrondingZroute), possible only once the hours of Besluit 3.14 are complete."""
    inschrijving = _inschrijving_vergrendelen(inschrijving_id, by, "afronden", versie)
    if inschrijving.leerroute == rules.Leerroute.Z:
        dossier = inschrijving.dossier
        uren = list(Uren.objects.filter(dossier=dossier).select_related("aanbieder"))
        stand = selectors.z_route_stand(
            dossier, uren, instellingen=LeerroutesInstellingen.huidig(),
            norm=ZRouteNorm.objects.filter(dossier=dossier).first(),
        )
        if not stand.gehaald:
            raise ValidationError(Z_UREN_NIET_KLAAR % {"wat": _z_tekort(stand)})
        if fout := rules.duo_datum_fout(datum, vandaag=vandaag(), termijn_start=inschrijving.pip.termijn_start):
            raise ValidationError({"datum": fout})
    else:
        _niet_in_toekomst(datum)
    _overgang(inschrijving, inschrijving.afronden, "Afgerond", by, datum=datum)
    _termijnen(inschrijving.dossier_id, by)  # ZROUTE_AFGEROND
    if inschrijving.leerroute == rules.Leerroute.Z:  # DUO: datumAfrondingZroute
        haken.vastgelegd(haken.ZROUTE_AFGEROND, dossier=inschrijving.dossier, by=by, object=inschrijving)
    return inschrijving


def _z_tekort(stand: rules.ZRouteStand) -> str:
    delen = [f"nog {rules.uren_tekst(stand.cursus.over)} uur taalles en KNM"] if not stand.cursus.gehaald else []
    if stand.activiteit is not None and not stand.activiteit.gehaald:
        delen.append(f"nog {rules.uren_tekst(stand.activiteit.over)} uur participatie")
    return "; ".join(delen)


@transaction.atomic
def inschrijving_stoppen(
    *, inschrijving_id: int, reden: str, toelichting: str, datum: date, versie: int | None, by: User
) -> Inschrijving:
    """Stop an active enrolment. Its hours and exam attempts stay with the dossier."""
    inschrijving = _inschrijving_vergrendelen(inschrijving_id, by, rules.STOPPEN, versie)
    _keuze(reden, StopReden.CHOICES, "reden")
    if fouten := rules.stoppen_fouten(reden=reden, toelichting=toelichting):
        raise ValidationError(fouten)
    _niet_in_toekomst(datum)
    label = dict(StopReden.CHOICES)[reden]
    return _overgang(
        inschrijving, inschrijving.stoppen, f"Gestopt ({label})" + (f": {toelichting}" if toelichting else ""), by,
        reden=reden, toelichting=toelichting, datum=datum,
    )


@transaction.atomic
def inschrijving_na_pipwijziging(*, dossier_id: int, by: User) -> Inschrijving | None:
    """After a PIP wijziging is vastgesteld: when the geldend PIP's route differs from the active
    enrolment's, stop that enrolment (reason schakelen) so a new one can be made for the new route.
    Hours and exam attempts carry over (Besluit 5.4). Returns the stopped enrolment, or None.
    Called through pip_plans' vaststellen hook; safe to call twice."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    pip = selectors.geldend_pip(dossier)
    actief = enkel_vergrendelen(Inschrijving.objects.filter(dossier=dossier, status__in=InschrijvingStatus.ACTIEF))
    if pip is None or actief is None or actief.leerroute == pip.leerroute:
        return None
    toelichting = f"PIP versie {pip.versie}: {pip.get_leerroute_display()}"
    _overgang(
        actief, actief.stoppen, f"Gestopt (schakelen): {toelichting}", by,
        reden=StopReden.SCHAKELEN, toelichting=toelichting, datum=vandaag(),
    )
    _termijnen(dossier.pk, by)  # the route decides which of MAP / Z-route / exams are due
    return actief


def inschrijving_bij_pip_vastgesteld(pip: Pip, by: User) -> None:
    """pip_plans' "PIP vastgesteld" hook (registered in LeerroutesConfig.ready()): runs inside
    `pip_plans.services.pip_vaststellen`'s transaction, so when a wijziging switches route the old
    enrolment stops (schakelen) — or neither happens."""
    inschrijving_na_pipwijziging(dossier_id=pip.dossier_id, by=by)


