"""The Z-route hours of Besluit 3.14 that depend on the dossier: which course hours count (lid 2 a:
only at a keurmerk institution) and a lowered hour norm with its ground (lid 8–10, and a medical
partial ontheffing from DUO for the activity hours). The arithmetic itself is `z_route_stand`."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from .inschrijving import AanbiederFeiten, heeft_geldig_keurmerk
from .vocabulaire import Z_ROUTE_ACTIVITEIT_UREN, Z_ROUTE_CURSUS_UREN, UrenCategorie, _d

# --- which course hours count (Besluit 3.14 lid 2 a) ------------------------------------------------
TELT_NIET_GEEN_AANBIEDER = _("telt niet voor de Z-route: geen aanbieder vastgelegd, dus geen instelling met keurmerk (Besluit 3.14 lid 2 a)")
TELT_NIET_GEEN_KEURMERK = _("telt niet voor de Z-route: %(aanbieder)s had op %(datum)s geen geldig keurmerk (Besluit 3.14 lid 2 a)")


def cursusuren_telt_niet(*, categorie: str, aanbieder: AanbiederFeiten | None, aanbieder_naam: str,
                         van: date) -> str | None:
    """Besluit 3.14 lid 2 a: NT2 and KNM course hours count towards the Z-route only when followed at
    an institution with a Blik op Werk keurmerk, valid on the first day of the recorded period. Hours
    without an aanbieder cannot be shown to meet that and do not count either. None: they count (or
    they are no course hours)."""
    if categorie != UrenCategorie.TAAL_KNM:
        return None
    if aanbieder is None:
        return str(TELT_NIET_GEEN_AANBIEDER)
    if not heeft_geldig_keurmerk(aanbieder, van):
        return str(TELT_NIET_GEEN_KEURMERK % {"aanbieder": aanbieder_naam, "datum": _d(van)})
    return None


# --- a lowered hour norm per dossier (Besluit 3.14 lid 8–10; medical partial ontheffing) -----------
class CursusNormGrond:
    GEEN = ""
    BEPERKING = "beperking"
    EERDER_ONDERWIJS = "eerder_onderwijs"
    CHOICES = [
        (GEEN, _("Geen verlaging")),
        (BEPERKING, _("Auditieve of visuele beperking (Besluit 3.14 lid 8)")),
        (EERDER_ONDERWIJS, _("Eerder gevolgd vso, praktijkonderwijs of entreeopleiding (Besluit 3.14 lid 9–10)")),
    ]


class ActiviteitNormGrond:
    GEEN = ""
    MEDISCH_DUO = "medisch_duo"
    CHOICES = [
        (GEEN, _("Geen verlaging")),
        (MEDISCH_DUO, _("Gedeeltelijke medische ontheffing van DUO")),
    ]


NORM_TE_HOOG = _("Een verlaagde norm ligt onder de %(norm)s uur van Besluit 3.14.")
NORM_GROND_NODIG = _("Kies de grond van de verlaagde norm (Besluit 3.14 lid 8–10).")
NORM_ZONDER_GROND = _("Kies de grond van de verlaagde norm.")
NORM_NODIG = _("Vul de verlaagde norm in, of kies 'Geen verlaging'.")
ACTIVITEIT_ALLEEN_ASIEL = _("Alleen asielstatushouders hebben activiteitsuren in de Z-route (Besluit 3.14): laat dit leeg.")
TOELICHTING_NODIG = _("Leg vast waarop de verlaging berust (bijvoorbeeld het besluit van DUO of de verklaring).")


@dataclass(frozen=True)
class ZNorm:
    cursus_uren: int | None
    cursus_grond: str
    activiteit_uren: int | None
    activiteit_grond: str
    toelichting: str = ""


def z_norm_fouten(norm: ZNorm, *, is_asiel: bool) -> dict[str, str]:
    """A lowered norm replaces the 800 hours only with its ground: a lower course-hour norm for an
    auditory or visual impairment (lid 8) or for hours followed earlier in vso, praktijkonderwijs or
    an entree-opleiding (lid 9–10); a lower activity-hour norm after DUO's medical partial
    ontheffing (asielstatushouders only: the others have no activity hours)."""
    fouten: dict[str, str] = {}
    for veld, uren, grond, maximum in (
        ("cursus", norm.cursus_uren, norm.cursus_grond, Z_ROUTE_CURSUS_UREN),
        ("activiteit", norm.activiteit_uren, norm.activiteit_grond, Z_ROUTE_ACTIVITEIT_UREN),
    ):
        if uren is None:
            if grond:
                fouten[f"{veld}_uren"] = str(NORM_NODIG)
            continue
        if veld == "activiteit" and not is_asiel:
            fouten[f"{veld}_uren"] = str(ACTIVITEIT_ALLEEN_ASIEL)
        elif uren >= maximum:
            fouten[f"{veld}_uren"] = str(NORM_TE_HOOG % {"norm": maximum})
        elif not grond:
            fouten[f"{veld}_grond"] = str(NORM_GROND_NODIG if veld == "cursus" else NORM_ZONDER_GROND)
    verlaagd = norm.cursus_uren is not None or norm.activiteit_uren is not None
    if verlaagd and not norm.toelichting.strip():
        fouten["toelichting"] = str(TOELICHTING_NODIG)
    return fouten


@dataclass(frozen=True)
class ZNormen:
    """The hour norms that apply to the dossier, with the ground where lowered (for the Traject tab)."""

    cursus: int = Z_ROUTE_CURSUS_UREN
    activiteit: int = Z_ROUTE_ACTIVITEIT_UREN
    cursus_grond: str = ""
    activiteit_grond: str = ""


def z_normen(norm: ZNorm | None) -> ZNormen:
    """Besluit 3.14: 800 course hours and (asiel) 800 activity hours, unless a lowered norm is recorded."""
    if norm is None:
        return ZNormen()
    return ZNormen(
        cursus=norm.cursus_uren if norm.cursus_uren is not None else Z_ROUTE_CURSUS_UREN,
        activiteit=norm.activiteit_uren if norm.activiteit_uren is not None else Z_ROUTE_ACTIVITEIT_UREN,
        cursus_grond=norm.cursus_grond if norm.cursus_uren is not None else "",
        activiteit_grond=norm.activiteit_grond if norm.activiteit_uren is not None else "",
    )
