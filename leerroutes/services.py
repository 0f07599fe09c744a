"""Write use-cases for the uitvoering of the PIP. Each: lock the dossier, check permission (the
werkcoach of the caseload or team, or a consulent; managers read only), validate with the pure
rules, transition, save with a history reason.

pip_plans' vaststellen view calls `inschrijving_na_pipwijziging` right after a wijziging is
vastgesteld, so a route switch stops the old enrolment (its hours stay) and a new one can start.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from django_fsm import can_proceed

from cases import access
from cases.models import AFROND_REDENEN, Dossier, EindReden
from cases.services import vandaag
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.instellingen.models import GemeenteInstellingen
from pip_plans.models import Pip

from . import rules, selectors
from .models import (
    ONTHEFFING_GRONDEN,
    VRIJSTELLING_GRONDEN,
    Aanbieder,
    Afsluiting,
    Examen,
    Inschrijving,
    MaatschappelijkeBegeleiding,
    Map,
    MbActiviteit,
    Ontzorging,
    OntzorgingNotitie,
    Pvt,
    PvtSessie,
    Uren,
    VasteLast,
)
from .rules import InschrijvingStatus, StopReden, UrenBron, UrenCategorie

DOSSIER_AFGESLOTEN = _("Dit dossier is afgesloten.")
GEEN_PIP = _("Er is geen vastgesteld PIP voor dit dossier.")
AL_ACTIEF = _("Er loopt al een inschrijving voor een leerroute. Rond die af of stop die eerst.")
AANBIEDER_ONBEKEND = _("Kies een actieve aanbieder uit de lijst.")
STATUS_ONJUIST = _("Dit kan niet in de huidige status van de inschrijving.")
KEUZE_ONGELDIG = _("Kies een waarde uit de lijst.")
TOELICHTING_NODIG = _("Geef een toelichting.")
Z_UREN_NIET_KLAAR = _("Het eindgesprek van de Z-route kan pas als de uren compleet zijn: %(wat)s.")
VERSIE_VEROUDERD = _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.")
BESTAAT_AL = _("Dit is al vastgelegd voor dit dossier.")
NOG_NIET_GESTART = _("Leg dit eerst aan.")
PVT_AFGEROND = _("De participatieverklaring is al ondertekend; de PVT kan niet meer worden gewijzigd.")
UREN_GEKOPPELD = _("Deze uren horen bij een PVT-bijeenkomst of begeleidingsactiviteit; corrigeer die.")
ONTZORGING_BEEINDIGD = _("Het ontzorgen is al beëindigd.")
EXAMEN_BESTAAT = _("Voor dit onderdeel is op deze datum al een resultaat vastgelegd.")
ALLEEN_CONSULENT = _("Alleen een consulent inburgering kan een dossier afronden.")
NIET_VOLDAAN = _("De plicht is nog niet voldaan: %(wat)s.")
AFROND_FASE = _("Alleen een dossier in uitvoering kan worden afgerond.")
GROND_NODIG = _("Kies de grond van het besluit van DUO.")
BESLUIT_DATUM_NODIG = _("Vul de datum van het besluit van DUO in.")
DATUM_TOEKOMST = rules.DATUM_TOEKOMST


# --- shared steps ----------------------------------------------------------------------------------
def _dossier_voor_schrijven(dossier_id: int, by: User) -> Dossier:
    dossier = access.zichtbare_dossiers(by).select_for_update(of=("self",)).get(pk=dossier_id)
    if not access.mag_dossier_bewerken(by, dossier):
        raise PermissionDenied
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    return dossier


def _geldend_pip(dossier: Dossier) -> Pip:
    pip = selectors.geldend_pip(dossier)
    if pip is None:
        raise ValidationError(GEEN_PIP)
    return pip


def _aanbieder(aanbieder_id: int | None, veld: str = "aanbieder") -> Aanbieder | None:
    if aanbieder_id is None:
        return None
    aanbieder = Aanbieder.objects.filter(pk=aanbieder_id, actief=True).first()
    if aanbieder is None:
        raise ValidationError({veld: str(AANBIEDER_ONBEKEND)})
    return aanbieder


def _keuze(waarde: str, choices, veld: str) -> None:
    if waarde not in {code for code, _label in choices}:
        raise ValidationError({veld: str(KEUZE_ONGELDIG)})


def _niet_in_toekomst(datum: date, veld: str = "datum") -> None:
    if datum > vandaag():
        raise ValidationError({veld: str(DATUM_TOEKOMST)})


def _opslaan(obj, reden: str) -> None:
    obj._change_reason = reden
    obj.save()


def _versie(obj, versie: int | None) -> None:
    if obj is not None and versie is not None and obj.versie != versie:
        raise ValidationError(VERSIE_VEROUDERD, code="versie")


def _tijdens_intake(pip: Pip | None, datum: date) -> bool:
    """Hours before the inburgeringstermijn started belong to the brede-intake phase."""
    return pip is None or pip.termijn_start is None or datum < pip.termijn_start


def _uren_som(dossier: Dossier, categorie: str) -> Decimal:
    return Uren.objects.filter(dossier=dossier, categorie=categorie).aggregate(s=Sum("aantal"))["s"] or Decimal(0)


# --- leerroute enrolment --------------------------------------------------------------------------
@transaction.atomic
def inschrijving_aanmaken(
    *, dossier_id: int, aanbieder_id: int, startdatum: date, geplande_einddatum: date,
    leerroute: str | None = None, by: User,
) -> Inschrijving:
    """Enrol in the leerroute of the geldend PIP (default: its route; another route is refused —
    switching goes through a PIP wijziging). B/Z need a keurmerk valid on the start date, O a
    taalschakeltraject institution; both dates on/after the dagtekening and inside the termijn."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
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
            pip.termijn_start, GemeenteInstellingen.huidig().inburgeringstermijn_jaren),
    )
    if fout := rules.aanbieder_fout(leerroute, aanbieder.feiten, startdatum):
        fouten["aanbieder"] = fout
    if fouten:
        raise ValidationError(fouten)
    inschrijving = Inschrijving(
        dossier=dossier, pip=pip, leerroute=leerroute, aanbieder=aanbieder, startdatum=startdatum,
        geplande_einddatum=geplande_einddatum, aangemaakt_door=by,
    )
    _opslaan(inschrijving, f"Ingeschreven bij {aanbieder}")
    return inschrijving


def _inschrijving_voor_schrijven(inschrijving_id: int, by: User, versie: int | None = None) -> Inschrijving:
    inschrijving = Inschrijving.objects.select_for_update(of=("self",)).select_related("dossier", "pip").get(
        pk=inschrijving_id, dossier__in=access.zichtbare_dossiers(by).values("pk")
    )
    if not access.mag_dossier_bewerken(by, inschrijving.dossier):
        raise PermissionDenied
    if not inschrijving.dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    _versie(inschrijving, versie)
    return inschrijving


def _overgang(inschrijving: Inschrijving, overgang, historie: str, **kwargs) -> Inschrijving:
    if not can_proceed(overgang):
        raise ValidationError(STATUS_ONJUIST, code="status")
    overgang(**kwargs)
    inschrijving.versie += 1
    _opslaan(inschrijving, historie)
    return inschrijving


@transaction.atomic
def inschrijving_aanmelden(*, inschrijving_id: int, datum: date, by: User) -> Inschrijving:
    inschrijving = _inschrijving_voor_schrijven(inschrijving_id, by)
    _niet_in_toekomst(datum)
    return _overgang(inschrijving, inschrijving.aanmelden, "Aangemeld bij de aanbieder", datum=datum)


@transaction.atomic
def inschrijving_starten(*, inschrijving_id: int, datum: date, by: User) -> Inschrijving:
    inschrijving = _inschrijving_voor_schrijven(inschrijving_id, by)
    _niet_in_toekomst(datum)
    return _overgang(inschrijving, inschrijving.starten, "Gestart", datum=datum)


@transaction.atomic
def inschrijving_afronden(*, inschrijving_id: int, datum: date, by: User) -> Inschrijving:
    """Completion. For the Z-route this is the eindgesprek held by the college itself (its date is
    DUO's datumAfrondingZroute), possible only once the hours of Besluit 3.14 are complete."""
    inschrijving = _inschrijving_voor_schrijven(inschrijving_id, by)
    if inschrijving.leerroute == rules.Leerroute.Z:
        dossier = inschrijving.dossier
        uren = list(Uren.objects.filter(dossier=dossier))
        stand = rules.z_route_stand(
            selectors.uren_regels(uren), is_asiel=dossier.is_asiel,
            telling=selectors.z_route_telling(GemeenteInstellingen.huidig()),
        )
        if not stand.gehaald:
            raise ValidationError(Z_UREN_NIET_KLAAR % {"wat": _z_tekort(stand)})
        if fout := rules.duo_datum_fout(datum, vandaag=vandaag(), termijn_start=inschrijving.pip.termijn_start):
            raise ValidationError({"datum": fout})
    else:
        _niet_in_toekomst(datum)
    return _overgang(inschrijving, inschrijving.afronden, "Afgerond", datum=datum)


def _z_tekort(stand: rules.ZRouteStand) -> str:
    delen = [f"nog {rules.uren_tekst(stand.cursus.over)} uur taalles en KNM"] if not stand.cursus.gehaald else []
    if stand.activiteit is not None and not stand.activiteit.gehaald:
        delen.append(f"nog {rules.uren_tekst(stand.activiteit.over)} uur participatie")
    return "; ".join(delen)


@transaction.atomic
def inschrijving_stoppen(
    *, inschrijving_id: int, reden: str, toelichting: str, datum: date, by: User
) -> Inschrijving:
    """Stop an active enrolment. Its hours and exam attempts stay with the dossier."""
    inschrijving = _inschrijving_voor_schrijven(inschrijving_id, by)
    _keuze(reden, StopReden.CHOICES, "reden")
    if reden == StopReden.OVERIG and not toelichting.strip():
        raise ValidationError({"toelichting": str(TOELICHTING_NODIG)})
    _niet_in_toekomst(datum)
    label = dict(StopReden.CHOICES)[reden]
    return _overgang(
        inschrijving, inschrijving.stoppen, f"Gestopt ({label})" + (f": {toelichting}" if toelichting else ""),
        reden=reden, toelichting=toelichting, datum=datum,
    )


@transaction.atomic
def inschrijving_na_pipwijziging(*, dossier_id: int, by: User) -> Inschrijving | None:
    """After a PIP wijziging is vastgesteld: when the geldend PIP's route differs from the active
    enrolment's, stop that enrolment (reason schakelen) so a new one can be made for the new route.
    Hours and exam attempts carry over (Besluit 5.4). Returns the stopped enrolment, or None.
    Called by pip_plans' vaststellen view; safe to call twice."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    pip = selectors.geldend_pip(dossier)
    actief = (
        Inschrijving.objects.select_for_update()
        .filter(dossier=dossier, status__in=InschrijvingStatus.ACTIEF).first()
    )
    if pip is None or actief is None or actief.leerroute == pip.leerroute:
        return None
    toelichting = f"PIP versie {pip.versie}: {pip.get_leerroute_display()}"
    return _overgang(
        actief, actief.stoppen, f"Gestopt (schakelen): {toelichting}",
        reden=StopReden.SCHAKELEN, toelichting=toelichting, datum=vandaag(),
    )


# --- hours -----------------------------------------------------------------------------------------
@transaction.atomic
def uren_vastleggen(
    *, dossier_id: int, categorie: str, van: date, tot: date, aantal: Decimal, bron: str = UrenBron.WERKCOACH,
    tijdens_intake: bool = False, aanbieder_id: int | None = None, toelichting: str = "", by: User,
) -> Uren:
    dossier = _dossier_voor_schrijven(dossier_id, by)
    _keuze(categorie, UrenCategorie.CHOICES, "categorie")
    _keuze(bron, UrenBron.CHOICES, "bron")
    if fouten := rules.uren_fouten(van=van, tot=tot, aantal=aantal, vandaag=vandaag()):
        raise ValidationError(fouten)
    uren = Uren(
        dossier=dossier, categorie=categorie, van=van, tot=tot, aantal=aantal, bron=bron,
        tijdens_intake=tijdens_intake, aanbieder=_aanbieder(aanbieder_id), toelichting=toelichting,
        vastgelegd_door=by,
    )
    _opslaan(uren, f"{rules.uren_tekst(aantal)} uur {uren.get_categorie_display()} vastgelegd")
    return uren


@transaction.atomic
def uren_verwijderen(*, uren_id: int, reden: str, by: User) -> None:
    """Correct a mistake; the history keeps the deleted row with the reason."""
    uren = Uren.objects.select_related("dossier").get(pk=uren_id)
    _dossier_voor_schrijven(uren.dossier_id, by)
    if uren.pvt_sessie_id or uren.mb_activiteit_id:
        raise ValidationError(UREN_GEKOPPELD)
    if not reden.strip():
        raise ValidationError({"reden": str(TOELICHTING_NODIG)})
    uren._change_reason = f"Verwijderd: {reden}"
    uren.delete()


# --- exams -----------------------------------------------------------------------------------------
@transaction.atomic
def examen_vastleggen(
    *, dossier_id: int, onderdeel: str, niveau: str, datum: date, resultaat: str, reden_geen_resultaat: str = "",
    by: User,
) -> Examen:
    """Record an exam result (until the DUO exchange fetches them). The attempt number is computed."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    _keuze(onderdeel, rules.Examenonderdeel.CHOICES, "onderdeel")
    _keuze(resultaat, rules.Resultaat.CHOICES, "resultaat")
    if niveau:
        _keuze(niveau, rules.ExamenNiveau.CHOICES, "niveau")
    feit = rules.ExamenFeit(onderdeel, niveau, datum, resultaat, reden_geen_resultaat)
    if fouten := rules.examen_fouten(feit, vandaag=vandaag()):
        raise ValidationError(fouten)
    if dossier.examens.filter(onderdeel=onderdeel, datum=datum).exists():
        raise ValidationError(EXAMEN_BESTAAT)
    examen = Examen(
        dossier=dossier, onderdeel=onderdeel, niveau=niveau, datum=datum, resultaat=resultaat,
        reden_geen_resultaat=reden_geen_resultaat, vastgelegd_door=by,
    )
    _opslaan(examen, f"Examen {onderdeel} {niveau}: {resultaat}".replace("  ", " "))
    return examen


# --- PVT -------------------------------------------------------------------------------------------
@transaction.atomic
def pvt_vastleggen(
    *, dossier_id: int, aanbieder_id: int | None, geplande_start: date | None, themas: Iterable[str] = (),
    vroege_start_reden: str = "", versie: int | None = None, by: User,
) -> Pvt:
    """Create or edit the PVT: provider, planned start, themes covered. For asiel the start is not
    earlier than huisvesting + 12 months (setting) unless a reason is recorded [BELEID]."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    instellingen = GemeenteInstellingen.huidig()
    pvt = Pvt.objects.select_for_update().filter(dossier=dossier).first()
    _versie(pvt, versie)
    if pvt is not None and pvt.ondertekend_op:
        raise ValidationError(PVT_AFGEROND)
    themas = list(dict.fromkeys(themas))
    fouten = rules.pvt_thema_fouten(themas, instellingen.pvt_extra_themas_lijst)
    if fout := rules.pvt_start_fout(
        is_asiel=dossier.is_asiel, huisvesting=dossier.datum_huisvesting, geplande_start=geplande_start,
        maanden=instellingen.pvt_start_maanden_na_huisvesting, reden=vroege_start_reden,
    ):
        fouten["geplande_start"] = fout
    if fouten:
        raise ValidationError(fouten)
    nieuw = pvt is None
    pvt = pvt or Pvt(dossier=dossier)
    pvt.aanbieder = _aanbieder(aanbieder_id)
    pvt.geplande_start = geplande_start
    pvt.vroege_start_reden = vroege_start_reden
    pvt.themas = themas
    if not nieuw:
        pvt.versie += 1
    _opslaan(pvt, "PVT vastgelegd" if nieuw else "PVT gewijzigd")
    return pvt


def _pvt(dossier: Dossier) -> Pvt:
    pvt = Pvt.objects.select_for_update().filter(dossier=dossier).first()
    if pvt is None:
        raise ValidationError(NOG_NIET_GESTART)
    return pvt


@transaction.atomic
def pvt_sessie_vastleggen(
    *, dossier_id: int, datum: date, uren: Decimal, onderwerp: str, activiteit: bool = False, aanwezig: bool = True,
    by: User,
) -> PvtSessie:
    """Register a PVT meeting or activity/excursion and the attendance; attended hours go into the
    hours ledger (category PVT), marked as intake-phase hours when before the termijn started."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    pvt = _pvt(dossier)
    if pvt.ondertekend_op:
        raise ValidationError(PVT_AFGEROND)
    _niet_in_toekomst(datum)
    if uren <= 0:
        raise ValidationError({"uren": str(rules.UREN_NUL)})
    intake = _tijdens_intake(selectors.geldend_pip(dossier), datum)
    sessie = PvtSessie(
        pvt=pvt, datum=datum, uren=uren, onderwerp=onderwerp, activiteit=activiteit, aanwezig=aanwezig,
        tijdens_intake=intake, vastgelegd_door=by,
    )
    _opslaan(sessie, "PVT-bijeenkomst vastgelegd" + ("" if aanwezig else " (afwezig)"))
    if aanwezig:
        regel = Uren(
            dossier=dossier, categorie=UrenCategorie.PVT, van=datum, tot=datum, aantal=uren, tijdens_intake=intake,
            aanbieder=pvt.aanbieder, toelichting=onderwerp[:300], pvt_sessie=sessie, vastgelegd_door=by,
        )
        _opslaan(regel, "PVT-uren uit bijeenkomst")
    return sessie


@transaction.atomic
def pvt_ondertekening_vastleggen(*, dossier_id: int, datum: date, by: User) -> Pvt:
    """Register the signing of the participatieverklaring (DUO: datumOndertekeningPvt): only when
    ≥ 12 hours, the four core values and at least one activity are done (Besluit 3.1)."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    pip = _geldend_pip(dossier)
    pvt = _pvt(dossier)
    fouten = rules.pvt_ondertekening_fouten(
        uren=_uren_som(dossier, UrenCategorie.PVT), themas=pvt.themas,
        activiteit_bijgewoond=pvt.sessies.filter(activiteit=True, aanwezig=True).exists(),
        datum=datum, vandaag=vandaag(), termijn_start=pip.termijn_start,
    )
    if fouten:
        raise ValidationError(fouten)
    pvt.ondertekend_op = datum
    pvt.versie += 1
    _opslaan(pvt, "Participatieverklaring ondertekend")
    return pvt


# --- MAP -------------------------------------------------------------------------------------------
def _map_toegestaan(dossier: Dossier, *, pip_nodig: bool) -> Pip | None:
    pip = _geldend_pip(dossier) if pip_nodig else selectors.geldend_pip(dossier)
    if pip is not None and (fout := rules.map_route_fout(pip.leerroute)):
        raise ValidationError(fout)
    return pip


@transaction.atomic
def map_vastleggen(
    *, dossier_id: int, aanbieder_id: int | None, themas: Iterable[str] = (), versie: int | None = None, by: User
) -> Map:
    """Create or edit the MAP (B- and Z-route; the onderwijsroute is exempt, Wet 8 lid 3)."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    _map_toegestaan(dossier, pip_nodig=False)
    map_ = Map.objects.select_for_update().filter(dossier=dossier).first()
    _versie(map_, versie)
    themas = list(dict.fromkeys(themas))
    if fouten := rules.map_thema_fouten(themas):
        raise ValidationError(fouten)
    nieuw = map_ is None
    map_ = map_ or Map(dossier=dossier)
    map_.aanbieder = _aanbieder(aanbieder_id)
    map_.themas = themas
    if not nieuw:
        map_.versie += 1
    _opslaan(map_, "MAP vastgelegd" if nieuw else "MAP gewijzigd")
    return map_


@transaction.atomic
def map_eindgesprek_vastleggen(
    *, dossier_id: int, datum: date, uitkomst: str, verslag: str = "", by: User
) -> Map:
    """The eindgesprek with the college (Besluit 3.2; DUO: datumEindgesprekMap). Voldoende only
    when the practical hours (norm: setting) and the 8 themes are done."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    pip = _map_toegestaan(dossier, pip_nodig=True)
    _keuze(uitkomst, rules.MapUitkomst.CHOICES, "uitkomst")
    map_ = Map.objects.select_for_update().filter(dossier=dossier).first()
    if map_ is None:
        raise ValidationError(NOG_NIET_GESTART)
    fouten = rules.map_eindgesprek_fouten(
        uren=_uren_som(dossier, UrenCategorie.MAP_PRAKTIJK), norm=GemeenteInstellingen.huidig().map_norm_uren,
        themas=map_.themas, uitkomst=uitkomst, datum=datum, vandaag=vandaag(), termijn_start=pip.termijn_start,
    )
    if fouten:
        raise ValidationError(fouten)
    map_.eindgesprek_op = datum
    map_.eindgesprek_uitkomst = uitkomst
    map_.eindgesprek_door = by
    map_.eindgesprek_verslag = verslag
    map_.versie += 1
    _opslaan(map_, f"MAP-eindgesprek: {uitkomst}")
    return map_


# --- financieel ontzorgen ----------------------------------------------------------------------------
@transaction.atomic
def ontzorging_starten(
    *, dossier_id: int, uitvoerder_id: int, bijstand_start: date, asielvergunning_bepaalde_tijd: bool, by: User
) -> Ontzorging:
    """Pw 56a: only for holders of an asylum permit for a fixed term on bijstand; 6 months (setting)
    from the first day of the right to bijstand."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    if fout := rules.ontzorging_fout(is_asiel=dossier.is_asiel, asielvergunning_bepaalde_tijd=asielvergunning_bepaalde_tijd):
        raise ValidationError(fout)
    if Ontzorging.objects.filter(dossier=dossier).exists():
        raise ValidationError(BESTAAT_AL)
    ontzorging = Ontzorging(
        dossier=dossier, uitvoerder=_aanbieder(uitvoerder_id, "uitvoerder"),
        asielvergunning_bepaalde_tijd=True, bijstand_start=bijstand_start,
        einde=rules.ontzorging_einde(bijstand_start, GemeenteInstellingen.huidig().ontzorging_maanden),
    )
    _opslaan(ontzorging, "Financieel ontzorgen gestart")
    return ontzorging


def _ontzorging(dossier: Dossier, *, lopend: bool = True) -> Ontzorging:
    ontzorging = Ontzorging.objects.select_for_update().filter(dossier=dossier).first()
    if ontzorging is None:
        raise ValidationError(NOG_NIET_GESTART)
    if lopend and ontzorging.beeindigd_op:
        raise ValidationError(ONTZORGING_BEEINDIGD)
    return ontzorging


@transaction.atomic
def vaste_last_toevoegen(
    *, dossier_id: int, soort: str, begunstigde: str, bedrag: Decimal, van: date, tot: date | None = None, by: User
) -> VasteLast:
    dossier = _dossier_voor_schrijven(dossier_id, by)
    ontzorging = _ontzorging(dossier)
    fouten = rules.vaste_last_fouten(
        soort=soort, soorten=GemeenteInstellingen.huidig().ontzorging_vaste_lasten_lijst, bedrag=bedrag, van=van,
        tot=tot, start=ontzorging.bijstand_start, einde=ontzorging.geplande_laatste_dag,
    )
    if fouten:
        raise ValidationError(fouten)
    last = VasteLast(ontzorging=ontzorging, soort=soort, begunstigde=begunstigde, bedrag=bedrag, van=van, tot=tot)
    _opslaan(last, f"Vaste last {soort} toegevoegd")
    return last


@transaction.atomic
def ontzorging_verlengen(*, dossier_id: int, nieuw_einde: date, reden: str, by: User) -> Ontzorging:
    """Longer only by a separate decision, e.g. budgetbeheer [BELEID: extension allowed]."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    ontzorging = _ontzorging(dossier)
    if fouten := rules.verlenging_fouten(huidig_einde=ontzorging.geplande_laatste_dag, nieuw_einde=nieuw_einde, reden=reden):
        raise ValidationError(fouten)
    ontzorging.verlengd_tot = nieuw_einde
    ontzorging.verlenging_reden = reden
    ontzorging.versie += 1
    _opslaan(ontzorging, f"Verlengd tot {nieuw_einde:%d-%m-%Y}: {reden}")
    return ontzorging


@transaction.atomic
def ontzorging_beeindigen(*, dossier_id: int, datum: date, reden: str, by: User) -> Ontzorging:
    """Ends earlier when the bijstand ends (Pw 56a)."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    ontzorging = _ontzorging(dossier)
    fouten = rules.vroegtijdig_einde_fouten(
        start=ontzorging.bijstand_start, huidig_einde=ontzorging.geplande_laatste_dag, datum=datum, reden=reden
    )
    if fouten:
        raise ValidationError(fouten)
    ontzorging.beeindigd_op = datum
    ontzorging.beeindig_reden = reden
    ontzorging.versie += 1
    _opslaan(ontzorging, f"Eerder beëindigd op {datum:%d-%m-%Y}: {reden}")
    return ontzorging


@transaction.atomic
def ontzorging_notitie_toevoegen(*, dossier_id: int, datum: date, tekst: str, by: User) -> OntzorgingNotitie:
    """Coaching towards financial self-reliance continues after the payments end."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    ontzorging = _ontzorging(dossier, lopend=False)
    _niet_in_toekomst(datum)
    if not tekst.strip():
        raise ValidationError({"tekst": str(TOELICHTING_NODIG)})
    notitie = OntzorgingNotitie(ontzorging=ontzorging, datum=datum, tekst=tekst, door=by)
    _opslaan(notitie, "Coachingsnotitie")
    return notitie


# --- maatschappelijke begeleiding ------------------------------------------------------------------
@transaction.atomic
def begeleiding_starten(*, dossier_id: int, aanbieder_id: int | None, by: User) -> MaatschappelijkeBegeleiding:
    """Wet 13: for asielstatushouders, starting on the day of BRP registration."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    if fout := rules.begeleiding_fout(is_asiel=dossier.is_asiel, brp_vestiging=dossier.datum_brp_vestiging):
        raise ValidationError(fout)
    if MaatschappelijkeBegeleiding.objects.filter(dossier=dossier).exists():
        raise ValidationError(BESTAAT_AL)
    begeleiding = MaatschappelijkeBegeleiding(
        dossier=dossier, aanbieder=_aanbieder(aanbieder_id), startdatum=dossier.datum_brp_vestiging
    )
    _opslaan(begeleiding, "Maatschappelijke begeleiding gestart")
    return begeleiding


@transaction.atomic
def mb_activiteit_vastleggen(
    *, dossier_id: int, soort: str, datum: date, uren: Decimal | None = None, aanbieder_id: int | None = None,
    notitie: str = "", by: User,
) -> MbActiviteit:
    """An activity of the begeleiding; its hours go into the ledger (category maatschappelijke
    begeleiding) and count for the Z-route when the setting says so."""
    dossier = _dossier_voor_schrijven(dossier_id, by)
    begeleiding = MaatschappelijkeBegeleiding.objects.select_for_update().filter(dossier=dossier).first()
    if begeleiding is None:
        raise ValidationError(NOG_NIET_GESTART)
    _keuze(soort, rules.MbSoort.CHOICES, "soort")
    if fouten := rules.mb_activiteit_fouten(datum=datum, start=begeleiding.startdatum, vandaag=vandaag(), uren=uren):
        raise ValidationError(fouten)
    aanbieder = _aanbieder(aanbieder_id) or begeleiding.aanbieder
    activiteit = MbActiviteit(
        begeleiding=begeleiding, soort=soort, datum=datum, uren=uren, aanbieder=aanbieder, notitie=notitie,
        vastgelegd_door=by,
    )
    _opslaan(activiteit, f"Activiteit {activiteit.get_soort_display()}")
    if uren:
        regel = Uren(
            dossier=dossier, categorie=UrenCategorie.MB, van=datum, tot=datum, aantal=uren, aanbieder=aanbieder,
            tijdens_intake=_tijdens_intake(selectors.geldend_pip(dossier), datum), mb_activiteit=activiteit,
            toelichting=str(activiteit.get_soort_display()), vastgelegd_door=by,
        )
        _opslaan(regel, "Uren uit maatschappelijke begeleiding")
    return activiteit


# --- afronden ---------------------------------------------------------------------------------------
@transaction.atomic
def dossier_afronden(
    *, dossier_id: int, reden: str, datum: date, by: User, grond: str = "", duo_besluit_datum: date | None = None,
    toelichting: str = "",
) -> Dossier:
    """Close a dossier in uitvoering as afgerond, by a consulent: `voldaan` only when
    `voldaan.plicht_voldaan` says so (DOMAIN §6); `ontheffing` / `vrijstelling` as decided by DUO,
    with its kind (grond) and date. The checklist at that moment is kept; a running enrolment stops."""
    if not by.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied(ALLEEN_CONSULENT)
    dossier = _dossier_voor_schrijven(dossier_id, by)
    if reden not in AFROND_REDENEN:
        raise ValidationError({"reden": str(KEUZE_ONGELDIG)})
    _niet_in_toekomst(datum)
    if not can_proceed(dossier.afronden):
        raise ValidationError(AFROND_FASE, code="status")
    voldaan = selectors.traject_overzicht(dossier).voldaan
    if reden == EindReden.VOLDAAN:
        if not voldaan.voldaan:
            raise ValidationError(NIET_VOLDAAN % {"wat": "; ".join(voldaan.ontbreekt)})
        grond, duo_besluit_datum = "", None
    else:
        _duo_besluit_fouten(reden, grond, duo_besluit_datum)
    _stop_lopende_inschrijving(dossier, datum)
    dossier.afronden(reden=reden)
    dossier.eind_datum = datum
    dossier.eind_toelichting = toelichting
    dossier.versie += 1
    label = dict(EindReden.choices)[reden]
    _opslaan(dossier, f"Afgerond ({label})" + (f": {toelichting}" if toelichting else ""))
    afsluiting = Afsluiting(
        dossier=dossier, reden=reden, grond=grond, duo_besluit_datum=duo_besluit_datum, datum=datum,
        checklist={"voldaan": voldaan.voldaan, "ontbreekt": list(voldaan.ontbreekt)}, vastgelegd_door=by,
    )
    _opslaan(afsluiting, f"Afgerond ({label})")
    return dossier


def _duo_besluit_fouten(reden: str, grond: str, duo_besluit_datum: date | None) -> None:
    gronden = ONTHEFFING_GRONDEN if reden == EindReden.ONTHEFFING else VRIJSTELLING_GRONDEN
    fouten: dict[str, str] = {}
    if grond not in gronden:
        fouten["grond"] = str(GROND_NODIG)
    if duo_besluit_datum is None:
        fouten["duo_besluit_datum"] = str(BESLUIT_DATUM_NODIG)
    elif duo_besluit_datum > vandaag():
        fouten["duo_besluit_datum"] = str(DATUM_TOEKOMST)
    if fouten:
        raise ValidationError(fouten)


def _stop_lopende_inschrijving(dossier: Dossier, datum: date) -> None:
    for inschrijving in Inschrijving.objects.select_for_update().filter(
        dossier=dossier, status__in=InschrijvingStatus.ACTIEF
    ):
        inschrijving.stoppen(reden=StopReden.PLICHT_GEEINDIGD, toelichting="", datum=datum)
        inschrijving.versie += 1
        _opslaan(inschrijving, "Gestopt: dossier afgerond")
