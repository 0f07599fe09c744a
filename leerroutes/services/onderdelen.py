"""PVT (Besluit 3.1) and MAP (Besluit 3.2): the record, PVT sessions, the signing of the
participatieverklaring, the MAP eindgesprek."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import NIET_CONTROLEREN, enkel_vergrendelen, opslaan
from leerroutes import haken, rules, selectors
from leerroutes.models import (
    Map,
    Pvt,
    PvtSessie,
    Uren,
)
from leerroutes.models.instellingen import LeerroutesInstellingen
from leerroutes.rules import UrenCategorie
from pip_plans.models import Pip

from ._basis import (
    NOG_NIET_GESTART,
    PVT_AFGEROND,
    _aanbieder,
    _dossier_vergrendelen,
    _geldend_pip,
    _keuze,
    _niet_in_toekomst,
    _termijnen,
    _tijdens_intake,
    _uren_som,
)


# --- PVT -------------------------------------------------------------------------------------------
@transaction.atomic
def pvt_vastleggen(
    *, dossier_id: int, aanbieder_id: int | None, geplande_start: date | None, themas: Iterable[str] = (),
    vroege_start_reden: str = "", versie: int | None, by: User,
) -> Pvt:
    """Create or edit the PVT (a singleton: version 0 while it does not exist): provider, planned
    start, themes covered. For asiel the start is not earlier than huisvesting + 12 months (setting)
    unless a reason is recorded [BELEID]."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    instellingen = LeerroutesInstellingen.huidig()
    pvt = enkel_vergrendelen(Pvt.objects.filter(dossier=dossier), versie=versie)
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
    opslaan(pvt, reden="PVT vastgelegd" if nieuw else "PVT gewijzigd", door=by)
    return pvt


def _pvt(dossier: Dossier, versie: int | None = NIET_CONTROLEREN) -> Pvt:
    pvt = enkel_vergrendelen(Pvt.objects.filter(dossier=dossier), versie=versie)
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
    dossier = _dossier_vergrendelen(dossier_id, by)
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
    opslaan(sessie, reden="PVT-bijeenkomst vastgelegd" + ("" if aanwezig else " (afwezig)"), door=by)
    if aanwezig:
        regel = Uren(
            dossier=dossier, categorie=UrenCategorie.PVT, van=datum, tot=datum, aantal=uren, tijdens_intake=intake,
            aanbieder=pvt.aanbieder, toelichting=onderwerp[:300], pvt_sessie=sessie, vastgelegd_door=by,
        )
        opslaan(regel, reden="PVT-uren uit bijeenkomst", door=by)
    _termijnen(dossier.pk, by)  # PVT_START: the PVT started with its first attended session
    return sessie


@transaction.atomic
def pvt_ondertekening_vastleggen(*, dossier_id: int, datum: date, versie: int | None, by: User) -> Pvt:
    """Register the signing of the participatieverklaring (DUO: datumOndertekeningPvt): only when
    ≥ 12 hours, the four core values and at least one activity are done (Besluit 3.1)."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    pip = _geldend_pip(dossier)
    pvt = _pvt(dossier, versie)
    fouten = rules.pvt_ondertekening_fouten(
        uren=_uren_som(dossier, UrenCategorie.PVT), themas=pvt.themas,
        activiteit_bijgewoond=pvt.sessies.filter(activiteit=True, aanwezig=True).exists(),
        datum=datum, vandaag=vandaag(), termijn_start=pip.termijn_start,
    )
    if fouten:
        raise ValidationError(fouten)
    pvt.ondertekend_op = datum
    opslaan(pvt, reden="Participatieverklaring ondertekend", door=by)
    _termijnen(dossier.pk, by)  # PVT_AFGEROND
    haken.vastgelegd(haken.PVT_ONDERTEKEND, dossier=dossier, by=by, object=pvt)  # DUO: datumOndertekeningPvt
    return pvt


# --- MAP -------------------------------------------------------------------------------------------
def _map_toegestaan(dossier: Dossier, *, pip_nodig: bool) -> Pip | None:
    pip = _geldend_pip(dossier) if pip_nodig else selectors.geldend_pip(dossier)
    if pip is not None and (fout := rules.map_route_fout(pip.leerroute)):
        raise ValidationError(fout)
    return pip


@transaction.atomic
def map_vastleggen(
    *, dossier_id: int, aanbieder_id: int | None, themas: Iterable[str] = (), versie: int | None, by: User
) -> Map:
    """Create or edit the MAP (a singleton: version 0 while it does not exist; B- and Z-route, the
    onderwijsroute is exempt, Wet 8 lid 3)."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    _map_toegestaan(dossier, pip_nodig=False)
    map_ = enkel_vergrendelen(Map.objects.filter(dossier=dossier), versie=versie)
    themas = list(dict.fromkeys(themas))
    if fouten := rules.map_thema_fouten(themas):
        raise ValidationError(fouten)
    nieuw = map_ is None
    map_ = map_ or Map(dossier=dossier)
    map_.aanbieder = _aanbieder(aanbieder_id)
    map_.themas = themas
    opslaan(map_, reden="MAP vastgelegd" if nieuw else "MAP gewijzigd", door=by)
    return map_


@transaction.atomic
def map_eindgesprek_vastleggen(
    *, dossier_id: int, datum: date, uitkomst: str, verslag: str = "", versie: int | None, by: User
) -> Map:
    """The eindgesprek with the college (Besluit 3.2; DUO: datumEindgesprekMap). Voldoende only
    when the practical hours (norm: setting) and the 8 themes are done."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    pip = _map_toegestaan(dossier, pip_nodig=True)
    _keuze(uitkomst, rules.MapUitkomst.CHOICES, "uitkomst")
    map_ = enkel_vergrendelen(Map.objects.filter(dossier=dossier), versie=versie)
    if map_ is None:
        raise ValidationError(NOG_NIET_GESTART)
    fouten = rules.map_eindgesprek_fouten(
        uren=_uren_som(dossier, UrenCategorie.MAP_PRAKTIJK), norm=LeerroutesInstellingen.huidig().map_norm_uren,
        themas=map_.themas, uitkomst=uitkomst, datum=datum, vandaag=vandaag(), termijn_start=pip.termijn_start,
    )
    if fouten:
        raise ValidationError(fouten)
    map_.eindgesprek_op = datum
    map_.eindgesprek_uitkomst = uitkomst
    map_.eindgesprek_door = by
    map_.eindgesprek_verslag = verslag
    opslaan(map_, reden=f"MAP-eindgesprek: {uitkomst}", door=by)
    _termijnen(dossier.pk, by)  # MAP_AFGEROND
    haken.vastgelegd(haken.MAP_EINDGESPREK, dossier=dossier, by=by, object=map_)  # DUO: datumEindgesprekMap
    return map_


