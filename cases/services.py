"""Write use-cases for persons and dossiers. Each function does the whole job: lock, check
permission, validate with the pure rules, write, record the history reason."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from django_fsm import can_proceed

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.documenten.talen import brief_taal
from inburgering.instellingen.models import AowLeeftijd, GemeenteInstellingen
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen

from . import access, haken, rules
from .models import AFROND_REDENEN, BEEINDIG_REDENEN, Dossier, EindReden, Huishouden, Inburgeraar
from .termijnen.services import termijnen_herberekenen

BSN_BESTAAT = "bsn_bestaat"
GEEN_WERKCOACH = _("Kies een medewerker met de rol werkcoach.")
REDEN_VERPLICHT = _("Geef een reden op.")
HERVERDELEN_AFGESLOTEN = _("%(n)s van de geselecteerde dossiers is al afgesloten en kan niet worden herverdeeld; "
                           "er is niets herverdeeld.")
TAAL_ONBEKEND = _("Voor deze taal is er geen vertaling van de samenvatting.")
HUISHOUDEN_ONBEKEND = _("Er is geen inburgeraar met dit BSN in uw zicht; koppel het huishouden later.")
HUISHOUDEN_ANDERE_WERKCOACH = _("Dit huishouden heeft al werkcoach %(wc)s; kies die werkcoach of laat het veld leeg.")

PERSOON_VELDEN = (
    "bsn", "v_nummer", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
    "nationaliteit", "talen", "tolk_nodig", "tolk_taal", "correspondentietaal", "telefoon", "email", "straat", "huisnummer",
    "postcode", "woonplaats",
)
DOSSIER_VELDEN = (
    "doelgroep", "regime", "datum_kennisgeving", "datum_koppeling", "datum_huisvesting", "datum_brp_vestiging",
    "datum_vestiging_na_verhuizing", "eerder_pip_elders",
)


class BsnBestaatAl(ValidationError):
    """Raised with the existing dossier so the UI can show it instead of creating a duplicate."""

    MELDING = _("Er bestaat al een inburgeraar met dit BSN.")

    def __init__(self, bestaand: Dossier | None):
        self.bestaand = bestaand
        super().__init__({"bsn": ValidationError(self.MELDING, code=BSN_BESTAAT)})


def aow_leeftijd_in(jaar: int) -> rules.Leeftijd | None:
    """The AOW age set for that year; for a later year without a row, the last one known."""
    rij = AowLeeftijd.objects.filter(jaar__lte=jaar).order_by("-jaar").first()
    return rules.Leeftijd(rij.jaren, rij.maanden) if rij else None


def _valideer(persoon: dict[str, Any], dossier: dict[str, Any]) -> None:
    fouten: dict[str, str] = {}
    if not rules.bsn_is_geldig(persoon["bsn"]):
        fouten["bsn"] = str(rules.BSN_ONGELDIG)
    if fout := rules.tolk_fout(tolk_nodig=persoon.get("tolk_nodig", False), tolk_taal=persoon.get("tolk_taal", "")):
        fouten["tolk_taal"] = fout
    if persoon.get("correspondentietaal") and brief_taal(persoon["correspondentietaal"]) is None:
        fouten["correspondentietaal"] = str(TAAL_ONBEKEND)
    datums = {
        "geboortedatum": persoon["geboortedatum"],
        **{veld: dossier.get(veld) for veld in DOSSIER_VELDEN if veld.startswith("datum_")},
    }
    fouten.update(rules.datum_fouten(
        vandaag=vandaag(), datums=datums,
        koppeling=dossier.get("datum_koppeling"), huisvesting=dossier.get("datum_huisvesting"),
    ))
    if "geboortedatum" not in fouten and "datum_kennisgeving" not in fouten:
        kennisgeving = dossier["datum_kennisgeving"]
        fout = rules.leeftijd_fout(
            geboortedatum=persoon["geboortedatum"],
            kennisgeving=kennisgeving,
            minimum_jaren=GemeenteInstellingen.huidig().minimum_leeftijd,
            aow_leeftijd=aow_leeftijd_in(kennisgeving.year),
        )
        if fout:
            fouten["geboortedatum"] = fout
    if fouten:
        raise ValidationError(fouten)


def _controleer_werkcoach(werkcoach: User | None) -> User:
    if werkcoach is None or not werkcoach.heeft_rol(Rol.WERKCOACH):
        raise ValidationError({"werkcoach": GEEN_WERKCOACH})
    return werkcoach


def _reden(reden: str, wat: str) -> str:
    # The history reason is a text field (SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD): no cut-off.
    return f"{wat}: {reden}" if reden else wat


@transaction.atomic
def inburgeraar_met_dossier_aanmaken(
    *,
    persoon: dict[str, Any],
    dossier: dict[str, Any],
    werkcoach: User | None = None,
    huishouden_bsn: str = "",
    by: User,
) -> Dossier:
    """Register a new inburgeraar with their first dossier (fase aangemeld).

    A werkcoach registers into their own caseload unless the person joins a huishouden that already
    has a werkcoach (één gezin, één werkcoach); a consulent picks the werkcoach.
    """
    if not access.mag_dossier_aanmaken(by):
        raise PermissionDenied
    persoon = {**persoon, "bsn": rules.normaliseer_bsn(persoon["bsn"])}
    _valideer(persoon, dossier)
    bestaand = Inburgeraar.objects.filter(bsn=persoon["bsn"]).first()
    if bestaand:
        raise BsnBestaatAl(access.zichtbare_dossiers(by).filter(inburgeraar=bestaand).first())

    huishouden = _huishouden_voor(huishouden_bsn, by=by, naam=persoon["geslachtsnaam"]) if huishouden_bsn else None
    if werkcoach is None:
        werkcoach = (huishouden.werkcoach if huishouden and huishouden.werkcoach else None) or (
            by if by.heeft_rol(Rol.WERKCOACH) else None
        )
    elif huishouden and huishouden.werkcoach and werkcoach != huishouden.werkcoach:
        # één gezin, één werkcoach (DOMAIN §1): never split a huishouden by picking someone else.
        raise ValidationError({"werkcoach": HUISHOUDEN_ANDERE_WERKCOACH % {"wc": huishouden.werkcoach}})
    werkcoach = _controleer_werkcoach(werkcoach)
    if huishouden and huishouden.werkcoach is None:
        huishouden.werkcoach = werkcoach
        opslaan(huishouden, reden="Werkcoach van het huishouden", door=by)

    try:
        with transaction.atomic():
            inburgeraar = Inburgeraar(**persoon, huishouden=huishouden)
            opslaan(inburgeraar, reden="Inburgeraar geregistreerd", door=by)
    except IntegrityError:
        # Another request registered the same BSN between our check and our insert.
        raise BsnBestaatAl(None) from None
    nieuw = Dossier(inburgeraar=inburgeraar, werkcoach=werkcoach, team=_team_van(werkcoach), **dossier)
    opslaan(nieuw, reden="Dossier aangemaakt", door=by)
    termijnen_herberekenen(dossier_id=nieuw.pk, by=by)
    return nieuw


def _team_van(werkcoach: User):
    if werkcoach.team_id is None:
        raise ValidationError({"werkcoach": _("Deze werkcoach hoort niet bij een team. Vraag functioneel beheer "
                                              "de werkcoach aan een team toe te voegen.")})
    return werkcoach.team


def _huishouden_voor(bsn: str, *, by: User, naam: str) -> Huishouden:
    lid_dossier = (
        access.zichtbare_dossiers(by)
        .select_related("inburgeraar__huishouden")
        .filter(inburgeraar__bsn=rules.normaliseer_bsn(bsn))
        .first()
    )
    if lid_dossier is None:
        raise ValidationError({"huishouden_bsn": HUISHOUDEN_ONBEKEND})
    lid = lid_dossier.inburgeraar
    if lid.huishouden is None:
        lid.huishouden = Huishouden(naam=f"Huishouden {lid.achternaam}", werkcoach=lid_dossier.werkcoach)
        opslaan(lid.huishouden, reden="Huishouden aangemaakt", door=by)
        opslaan(lid, reden="Aan huishouden gekoppeld", door=by)
    return lid.huishouden


def _te_bewerken(dossier_id: int, *, versie: int | None, by: User) -> Dossier:
    """The write preamble for a form edit of a dossier: locked, changeable by `by`, the version strict."""
    return vergrendelen(
        access.zichtbare_dossiers(by).select_related("inburgeraar"), pk=dossier_id,
        mag=lambda d: access.mag_dossier_bewerken(by, d), versie=versie,
    )


@transaction.atomic
def dossier_bijwerken(
    *, dossier_id: int, versie: int | None, persoon: dict[str, Any], dossier: dict[str, Any], by: User
) -> Dossier:
    """Edit person and dossier data. Refused when someone else saved in between (optimistic lock)."""
    huidig = _te_bewerken(dossier_id, versie=versie, by=by)
    if not huidig.is_actief:  # the view hides the form; the service enforces it (DESIGN "Access")
        raise ValidationError(_("Dit dossier is al afgesloten."))
    persoon = {**persoon, "bsn": rules.normaliseer_bsn(persoon["bsn"])}
    _valideer(persoon, dossier)
    inburgeraar = huidig.inburgeraar
    if Inburgeraar.objects.filter(bsn=persoon["bsn"]).exclude(pk=inburgeraar.pk).exists():
        raise BsnBestaatAl(None)
    for veld, waarde in persoon.items():
        setattr(inburgeraar, veld, waarde)
    opslaan(inburgeraar, reden="Gegevens gewijzigd", door=by)
    for veld, waarde in dossier.items():
        setattr(huidig, veld, waarde)
    opslaan(huidig, reden="Gegevens gewijzigd", door=by)
    termijnen_herberekenen(dossier_id=huidig.pk, by=by)
    return huidig


@transaction.atomic
def dossier_toewijzen(*, dossier_id: int, versie: int | None, werkcoach: User, reden: str, by: User) -> Dossier:
    """Move one dossier to another werkcoach (and that werkcoach's team). Refused when someone else
    changed the dossier since the form showed its current werkcoach (optimistic lock)."""
    if not access.mag_toewijzen(by):
        raise PermissionDenied
    werkcoach = _controleer_werkcoach(werkcoach)
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id, versie=versie)
    if not dossier.is_actief:
        raise ValidationError(_("Dit dossier is afgesloten en kan niet meer worden toegewezen."))
    _wijs_toe(dossier, werkcoach, _reden(reden, "Toegewezen aan " + str(werkcoach)), by=by)
    return dossier


def _wijs_toe(dossier: Dossier, werkcoach: User, reden: str, *, by: User) -> None:
    anders = dossier.werkcoach_id != werkcoach.pk
    dossier.werkcoach = werkcoach
    dossier.team = _team_van(werkcoach)
    opslaan(dossier, reden=reden, door=by)
    if anders:
        haken.werkcoach_toegewezen(dossier, by)  # e.g. duo: the new contactpersoon at DUO


@transaction.atomic
def dossiers_herverdelen(*, dossier_ids: Iterable[int], werkcoach: User, reden: str, by: User) -> int:
    """Bulk reassign for managers: all selected dossiers move, or none (one transaction)."""
    if not access.mag_herverdelen(by):
        raise PermissionDenied
    if not reden.strip():
        raise ValidationError({"reden": REDEN_VERPLICHT})
    werkcoach = _controleer_werkcoach(werkcoach)
    ids = sorted(set(dossier_ids))
    if not ids:
        raise ValidationError({"dossiers": _("Selecteer ten minste één dossier.")})
    dossiers = list(access.zichtbare_dossiers(by).select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))
    if len(dossiers) != len(ids):
        raise ValidationError({"dossiers": _("Een of meer geselecteerde dossiers bestaan niet (meer).")})
    if afgesloten := [d for d in dossiers if not d.is_actief]:
        # As with one dossier (dossier_toewijzen): a closed dossier is no longer anyone's caseload.
        raise ValidationError({"dossiers": HERVERDELEN_AFGESLOTEN % {"n": len(afgesloten)}})
    for dossier in dossiers:
        _wijs_toe(dossier, werkcoach, _reden(reden, f"Herverdeeld naar {werkcoach}"), by=by)
    return len(dossiers)


@transaction.atomic
def dossier_beeindigen(
    *, dossier_id: int, versie: int | None, reden: str, datum: date, toelichting: str, by: User
) -> Dossier:
    """End a dossier before completion (moved, naturalised, AOW, died, plicht vervallen)."""
    return _beeindigen(_te_bewerken(dossier_id, versie=versie, by=by), reden=reden, datum=datum,
                       toelichting=toelichting, by=by)


@transaction.atomic
def dossier_beeindigen_uit_bron(*, dossier_id: int, reden: str, datum: date, toelichting: str, door: User) -> Dossier:
    """The same, when a source reports it (the BRP: a death): no person's access rule or form version; `door`
    is the source's system user (inburgering.accounts.systeem)."""
    return _beeindigen(vergrendelen(Dossier.objects.select_related("inburgeraar"), pk=dossier_id), reden=reden,
                       datum=min(datum, vandaag()), toelichting=toelichting, by=door)


@transaction.atomic
def dossier_afronden_uit_bron(*, dossier_id: int, reden: str, datum: date, toelichting: str, door: User) -> Dossier:
    """Close a dossier in uitvoering as afgerond when DUO reports that the plicht was met (SS106 diploma, SS107
    volledige vrijstelling, SS108 volledige ontheffing): DUO decides that, not the gemeente's checklist, so no
    person's access rule or form version. The retention clock starts at `eind_datum` (cases.bewaartermijn)."""
    dossier = vergrendelen(Dossier.objects.select_related("inburgeraar"), pk=dossier_id)
    if reden not in AFROND_REDENEN:
        raise ValidationError({"reden": _("Kies een reden voor het afronden.")})
    if not can_proceed(dossier.afronden):
        raise ValidationError(_("Alleen een dossier in uitvoering kan worden afgerond."))
    dossier.afronden(reden=reden)
    dossier.eind_datum = min(datum, vandaag())
    dossier.eind_toelichting = toelichting
    opslaan(dossier, reden=_reden(toelichting, f"Afgerond ({dossier.get_eind_reden_display()})"), door=door)
    haken.dossier_beeindigd(dossier, dossier.eind_datum, door)  # e.g. a running leerroute enrolment stops
    termijnen_herberekenen(dossier_id=dossier.pk, by=door)
    return dossier


def _beeindigen(dossier: Dossier, *, reden: str, datum: date, toelichting: str, by: User) -> Dossier:
    if reden not in BEEINDIG_REDENEN:
        raise ValidationError({"reden": _("Kies een reden voor het beëindigen.")})
    if datum > vandaag():
        raise ValidationError({"datum": str(rules.DATUM_IN_TOEKOMST)})
    if not dossier.is_actief:
        raise ValidationError(_("Dit dossier is al afgesloten."))
    dossier.beeindigen(reden=reden)
    dossier.eind_datum = datum
    dossier.eind_toelichting = toelichting
    opslaan(dossier, reden=_reden(toelichting, f"Beëindigd ({dossier.get_eind_reden_display()})"), door=by)
    if reden == EindReden.OVERLEDEN:
        overlijden_vastleggen(inburgeraar=dossier.inburgeraar, datum=datum, door=by)
    haken.dossier_beeindigd(dossier, datum, by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return dossier


def overlijden_vastleggen(*, inburgeraar: Inburgeraar, datum: date, door: User, reden: str = "") -> None:
    """Record a death (by hand through 'beëindigen: overleden', later from the BRP). From that day every
    closed dossier of the person is due for destruction but for its core (Besluit 9.9, `bewaartermijn`)."""
    if inburgeraar.overleden_op == datum:
        return
    inburgeraar.overleden_op = datum
    opslaan(inburgeraar, reden=reden or "Overlijden vastgelegd", door=door)
