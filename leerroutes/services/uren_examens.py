"""Hours followed (the one ledger behind every hour count) and exam results."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import enkel_vergrendelen, opslaan
from leerroutes import haken, rules
from leerroutes.models import (
    Examen,
    Uren,
    ZRouteNorm,
)
from leerroutes.rules import UrenBron, UrenCategorie

from ._basis import (
    EXAMEN_BESTAAT,
    TOELICHTING_NODIG,
    UREN_GEKOPPELD,
    _aanbieder,
    _dossier_vergrendelen,
    _geldend_pip,
    _keuze,
    _termijnen,
)


# --- hours -----------------------------------------------------------------------------------------
@transaction.atomic
def uren_vastleggen(
    *, dossier_id: int, categorie: str, van: date, tot: date, aantal: Decimal, bron: str = UrenBron.WERKCOACH,
    tijdens_intake: bool = False, aanbieder_id: int | None = None, toelichting: str = "", by: User,
) -> Uren:
    dossier = _dossier_vergrendelen(dossier_id, by)
    _keuze(categorie, UrenCategorie.CHOICES, "categorie")
    _keuze(bron, UrenBron.CHOICES, "bron")
    if fouten := rules.uren_fouten(van=van, tot=tot, aantal=aantal, vandaag=vandaag()):
        raise ValidationError(fouten)
    uren = Uren(
        dossier=dossier, categorie=categorie, van=van, tot=tot, aantal=aantal, bron=bron,
        tijdens_intake=tijdens_intake, aanbieder=_aanbieder(aanbieder_id), toelichting=toelichting,
        vastgelegd_door=by,
    )
    opslaan(uren, reden=f"{rules.uren_tekst(aantal)} uur {uren.get_categorie_display()} vastgelegd", door=by)
    haken.vastgelegd(haken.UREN_GEWIJZIGD, dossier=dossier, by=by, object=uren)  # DUO: gevolgde uren
    return uren


@transaction.atomic
def uren_verwijderen(*, uren_id: int, reden: str, by: User) -> None:
    """Correct a mistake; the history keeps the deleted row with the reason."""
    uren = Uren.objects.get(pk=uren_id)
    dossier = _dossier_vergrendelen(uren.dossier_id, by)
    if uren.pvt_sessie_id or uren.mb_activiteit_id:
        raise ValidationError(UREN_GEKOPPELD)
    if not reden.strip():
        raise ValidationError({"reden": str(TOELICHTING_NODIG)})
    uren._change_reason = f"Verwijderd: {reden}"
    uren._history_user = by
    uren.delete()
    haken.vastgelegd(haken.UREN_GEWIJZIGD, dossier=dossier, by=by, object=uren)  # DUO: the new totals


ALLEEN_Z_ROUTE = _("Een verlaagde urennorm hoort bij de Z-route; het geldende PIP heeft een andere leerroute.")


@transaction.atomic
def z_route_norm_vastleggen(
    *, dossier_id: int, cursus_uren: int | None, cursus_grond: str, activiteit_uren: int | None,
    activiteit_grond: str, toelichting: str, versie: int | None, by: User,
) -> ZRouteNorm:
    """Record (or change) the dossier's lowered Z-route hour norm with its ground: it replaces the 800
    hours of Besluit 3.14 where recorded (lid 8–10; DUO's medical partial ontheffing for the activity
    hours). A singleton edited through a form: version 0 while it does not exist, strict."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    if _geldend_pip(dossier).leerroute != rules.Leerroute.Z:
        raise ValidationError(ALLEEN_Z_ROUTE)
    norm = enkel_vergrendelen(ZRouteNorm.objects.filter(dossier=dossier), versie=versie)
    _keuze(cursus_grond, rules.CursusNormGrond.CHOICES, "cursus_grond")
    _keuze(activiteit_grond, rules.ActiviteitNormGrond.CHOICES, "activiteit_grond")
    feiten = rules.ZNorm(cursus_uren=cursus_uren, cursus_grond=cursus_grond, activiteit_uren=activiteit_uren,
                         activiteit_grond=activiteit_grond, toelichting=toelichting)
    if fouten := rules.z_norm_fouten(feiten, is_asiel=dossier.is_asiel):
        raise ValidationError(fouten)
    nieuw = norm is None
    norm = norm or ZRouteNorm(dossier=dossier, vastgelegd_door=by)
    norm.cursus_uren, norm.activiteit_uren = cursus_uren, activiteit_uren
    # A ground without a lowered norm says nothing: keep the two together.
    norm.cursus_grond = cursus_grond if cursus_uren is not None else ""
    norm.activiteit_grond = activiteit_grond if activiteit_uren is not None else ""
    norm.toelichting = toelichting
    opslaan(norm, reden="Urennorm Z-route vastgelegd" if nieuw else "Urennorm Z-route gewijzigd", door=by)
    return norm


# --- exams -----------------------------------------------------------------------------------------
@transaction.atomic
def examen_vastleggen(
    *, dossier_id: int, onderdeel: str, niveau: str, datum: date, resultaat: str, reden_geen_resultaat: str = "",
    by: User,
) -> Examen:
    """Record an exam result (until the DUO exchange fetches them). The attempt number is computed."""
    dossier = _dossier_vergrendelen(dossier_id, by)
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
    opslaan(examen, reden=f"Examen {onderdeel} {niveau}: {resultaat}".replace("  ", " "), door=by)
    _termijnen(dossier.pk, by)  # EXAMENS_AFGEROND
    return examen


