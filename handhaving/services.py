"""Write use-cases of handhaving. Each: lock, check permission, validate with the pure rules,
transition, save with a history reason (who and why). Letters are rendered in the same transaction
(`document_opslaan`): no step without its letter, no letter without its step."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.documenten.models import Verzending
from inburgering.documenten.services import document_opslaan
from inburgering.documenten.uploads import upload_controleren
from inburgering.documenten.verzending import UITREIKING_INVULLEN, verzending_aanmaken, verzendwijze_controleren
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender import datums
from inburgering.kalender.selectors import bezwaar_einde, fatale_datum, gelijkgestelde_dagen_na, vandaag
from inburgering.schrijven import NIET_CONTROLEREN, opslaan, vergrendelen
from pip_plans.selectors import geldend_pip

from . import rules, selectors
from .models import EerdereBoete, Gesprek, HandhavingInstellingen, Handhavingszaak, Notitie, ZaakStatus
from .rules import Betaalstatus, Regime, Stap

WAARSCHUWING_TEMPLATE = "handhaving/brief_waarschuwing.html"
VOORNEMEN_TEMPLATE = "handhaving/brief_voornemen.html"
RAPPORT_TEMPLATE = "handhaving/rapport.html"
BESCHIKKING_TEMPLATE = "handhaving/boetebeschikking.html"
TEMPLATE_VERSIE = "2026.5"  # raise on every textual change of a letter

ALLEEN_CONSULENT = _("Alleen een consulent inburgering kan een voornemen of besluit tot een boete nemen.")
EIGEN_ZAAK = _("U heeft deze zaak zelf geopend. Een andere consulent moet besluiten (vier ogen).")
DOSSIER_NIET_ACTIEF = _("Dit dossier is niet meer actief.")
GEEN_BOETE_VOORNEMEN = _("Er is nu geen boete mogelijk; een voornemen kan niet worden verstuurd.")
WET27_ZAAK = _("De bijstand is al verlaagd voor dezelfde gedraging (art. 27): sluit de zaak af of leg vast dat "
               "dat niet zo is.")
TOEKOMST = rules.DATUM_TOEKOMST


def _alleen_consulent(by: User) -> None:
    if not by.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied(ALLEEN_CONSULENT)


def _niet_in_toekomst(veld: str, datum: date | None) -> None:
    if datum and datum > vandaag():
        raise ValidationError({veld: str(TOEKOMST)})


def _fouten(fouten: dict) -> None:
    if fouten:
        raise ValidationError(fouten)


def _zaak_voor_stap(zaak_id: int, stap: Stap | None, by: User, *,
                    versie: int | None = NIET_CONTROLEREN) -> Handhavingszaak:
    """The write preamble of every step: the zaak locked (a zaak of a dossier the user may not see does
    not exist for them), the user may change its dossier, the form's version (strict, for a step that
    changes the zaak), then the rule of the step (`rules.stap_mogelijk`, the one the zaak page offers
    the steps by): who may take it (PermissionDenied) and whether the zaak's state allows it now (a
    second click after a colleague took the step is a Dutch error, not a crash)."""
    zaak = vergrendelen(
        Handhavingszaak.objects.select_related("dossier__inburgeraar", "dossier__werkcoach", "geopend_door")
        .filter(dossier__in=access.zichtbare_dossiers(by).values("pk")),
        pk=zaak_id, mag=lambda z: access.mag_dossier_bewerken(by, z.dossier), versie=versie,
    )
    stand = zaak.stand()
    if stap is not None and rules.alleen_consulent(stap, stand):
        _alleen_consulent(by)
    if stap is not None and not rules.stap_mogelijk(stap, stand):
        raise ValidationError(rules.STAP_NIET_MOGELIJK[stap], code="status")
    return zaak


def _verzendwijze(zaak: Handhavingszaak, per_post: bool, uitgereikt_op: date | None) -> None:
    """Before the letter is made: by post needs an address, a handover its day (the kernel's one rule)."""
    verzendwijze_controleren(per_post=per_post, uitgereikt_op=uitgereikt_op,
                             heeft_adres=bool(zaak.dossier.inburgeraar.adresregels))


def _brief(zaak: Handhavingszaak, *, template: str, soort: str, titel: str, by: User, briefdatum: date | None = None,
           **extra):
    """Render a letter of the zaak in the caller's transaction; its head is dated `briefdatum` (the day it is
    handed over, else today: the dagtekening of a letter that goes with the next print batch)."""
    context = {
        "zaak": zaak, "dossier": zaak.dossier, "inburgeraar": zaak.dossier.inburgeraar,
        "briefdatum": briefdatum or vandaag(),
        "gemeente": GemeenteInstellingen.huidig(), "instellingen": HandhavingInstellingen.huidig(),
        "boete_brede_intake": rules.BOETE_BREDE_INTAKE,
        "ondertekenaar": by,
        "functie": "consulent inburgering" if by.heeft_rol(Rol.CONSULENT) else "werkcoach inburgering", **extra,
    }
    return document_opslaan(template_naam=template, template_versie=TEMPLATE_VERSIE, context=context,
                            titel=f"{titel} {zaak.dossier.inburgeraar}", soort=soort, by=by,
                            dossier_id=zaak.dossier_id)


def _verzenden(zaak: Handhavingszaak, document, *, soort: str, letter: str, per_post: bool,
               uitgereikt_op: date | None) -> None:
    """The letter goes out by post (print batch; the batch's posting day reaches `_bekendgemaakt`) or was
    handed over on `uitgereikt_op`. No post without an address."""
    verzending_aanmaken(document=document, dossier_id=zaak.dossier_id, soort=soort, kenmerk=f"{zaak.kenmerk}-{letter}",
                        per_post=per_post, uitgereikt_op=uitgereikt_op,
                        heeft_adres=bool(zaak.dossier.inburgeraar.adresregels))


@transaction.atomic
def zaak_openen(*, dossier_id: int, verplichting: str, omschrijving: str, overtreding_datum: date,
                by: User, geconstateerd_op: date | None = None) -> Handhavingszaak:
    """A werkcoach (or consulent) opens a zaak on a signal. A Wet 23 zaak needs the day the breach was
    geconstateerd (the anchor of the doubling, Besluit 7.1 lid 3) and a vastgesteld PIP (the duties it
    enforces are the PIP's). The lapse of the power to fine (Awb 5:45) starts at the violation and joins
    the termijnen."""
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id,
                           mag=lambda d: access.mag_dossier_bewerken(by, d))
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_NIET_ACTIEF)
    if overtreding_datum > vandaag():
        raise ValidationError({"overtreding_datum": str(rules.OVERTREDING_TOEKOMST)})
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": str(_("Beschrijf het signaal."))})
    if fouten := rules.verplichting_fouten(verplichting=verplichting, is_asiel=dossier.is_asiel):
        raise ValidationError(fouten)
    _fouten(rules.openen_fouten(
        regime=rules.regime_voor(verplichting), overtreding_datum=overtreding_datum,
        geconstateerd_op=geconstateerd_op, vandaag=vandaag(), pip_vastgesteld=geldend_pip(dossier) is not None,
    ))
    zaak = Handhavingszaak(dossier=dossier, verplichting=verplichting, omschrijving=omschrijving,
                           overtreding_datum=overtreding_datum, geconstateerd_op=geconstateerd_op, geopend_door=by)
    zaak.verjaring_op = _verjaring(zaak)
    opslaan(zaak, reden="Zaak geopend", door=by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return zaak


def _verjaring(zaak: Handhavingszaak) -> date:
    """Awb 5:45: 3 or 5 years from the violation by the statutory maximum; moved by the days bezwaar or
    beroep ran (lid 3)."""
    maximum = rules.BOETE_BREDE_INTAKE if zaak.regime == Regime.BREDE_INTAKE else rules.BOETE_PIP_MAXIMUM
    geschorst = rules.verjaring_geschorste_dagen(zaak.rechtsgang(), vandaag=vandaag())
    return rules.verjaring(overtreding_datum=zaak.overtreding_datum, wettelijk_maximum=maximum,
                           geschorste_dagen=geschorst)[0]


@transaction.atomic
def eerdere_boete_vastleggen(*, dossier_id: int, gemeente: str, regime: str, bedrag: Decimal, opgelegd_op: date,
                             bron: str, by: User, geconstateerd_op: date | None = None,
                             onherroepelijk_op: date | None = None) -> EerdereBoete:
    """A consulent records a fine an earlier gemeente imposed on the person (Wet 35 lid 4); it counts
    towards the cap of Besluit 7.1 lid 5 in every dossier of the person."""
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id,
                           mag=lambda d: access.mag_dossier_bewerken(by, d))
    _alleen_consulent(by)
    _fouten(rules.eerdere_boete_fouten(opgelegd_op=opgelegd_op, geconstateerd_op=geconstateerd_op,
                                       onherroepelijk_op=onherroepelijk_op, bron=bron, vandaag=vandaag()))
    boete = EerdereBoete(inburgeraar_id=dossier.inburgeraar_id, gemeente=gemeente, regime=regime, bedrag=bedrag,
                         opgelegd_op=opgelegd_op, geconstateerd_op=geconstateerd_op,
                         onherroepelijk_op=onherroepelijk_op, bron=bron, vastgelegd_door=by)
    opslaan(boete, reden=f"Boete van een eerdere gemeente vastgelegd ({gemeente}, art. 35 lid 4)", door=by)
    return boete


@transaction.atomic
def gesprek_vastleggen(*, zaak_id: int, datum: date, uitkomst: str, verslag: str, by: User,
                       cautie: str = "") -> Gesprek:
    """Prevention first: a conversation, or a recorded failed attempt, moves the zaak from signaal to gesprek.
    A held conversation records whether the cautie was given (Awb 5:10a)."""
    # Wider than the zaak page, which offers it until the voornemen: the service takes it on any open zaak.
    zaak = _zaak_voor_stap(zaak_id, None, by)
    if not zaak.is_open:
        raise ValidationError(rules.ZAAK_AFGESLOTEN)
    _niet_in_toekomst("datum", datum)
    _fouten(rules.gesprek_fouten(uitkomst=uitkomst, cautie=cautie))
    gesprek = Gesprek(zaak=zaak, datum=datum, uitkomst=uitkomst, verslag=verslag, vastgelegd_door=by,
                      cautie=cautie if uitkomst == rules.GesprekUitkomst.GEVOERD else "")
    opslaan(gesprek, reden="Gesprek vastgelegd", door=by)
    if zaak.status == ZaakStatus.SIGNAAL:
        zaak.gesprek_voeren()
        opslaan(zaak, reden=f"Naar gesprek: {gesprek.get_uitkomst_display()}", door=by)
    return gesprek


@transaction.atomic
def notitie_toevoegen(*, zaak_id: int, datum: date, tekst: str, bijlage: UploadedFile | None, by: User) -> Notitie:
    """Evidence, also on a closed zaak (the zaak page offers it only while the zaak is open)."""
    zaak = _zaak_voor_stap(zaak_id, None, by)
    _niet_in_toekomst("datum", datum)
    notitie = Notitie(zaak=zaak, datum=datum, tekst=tekst, vastgelegd_door=by)
    if bijlage is not None:
        notitie.bijlage_naam = bijlage.name[:200]  # the user's name, as data only
        upload_controleren(bijlage, veld="bijlage")  # type by content, size, virus scan; random name
        notitie.bijlage = bijlage
    notitie.full_clean(exclude=["zaak", "vastgelegd_door"])
    opslaan(notitie, reden="Notitie toegevoegd" + (" met bijlage" if bijlage else ""), door=by)
    return notitie


@transaction.atomic
def bijstand_verlaging_vastleggen(*, zaak_id: int, verlaagd: bool, toelichting: str, versie: int | None,
                                  by: User) -> Handhavingszaak:
    """Wet 27: record whether the bijstand was already lowered for the same conduct (then no fine)."""
    zaak = _zaak_voor_stap(zaak_id, Stap.BIJSTAND, by, versie=versie)
    _fouten(rules.bijstand_fouten(verlaagd=verlaagd, toelichting=toelichting))
    zaak.bijstand_verlaagd = verlaagd
    zaak.bijstand_toelichting = toelichting
    opslaan(zaak, reden="Verlaging bijstand (art. 27): " + ("ja" if verlaagd else "nee"), door=by)
    return zaak


@transaction.atomic
def waarschuwing_versturen(*, zaak_id: int, toelichting: str, versie: int | None, by: User, per_post: bool = False,
                           uitgereikt_op: date | None = None) -> Handhavingszaak:
    """The written warning (by law for the brede intake, by gemeente policy always): only after a
    recorded conversation or failed attempt. The letter is rendered in this transaction; it is sent when
    handed over (`uitgereikt_op`) or when the print batch with it is posted (`waarschuwing_op` then)."""
    zaak = _zaak_voor_stap(zaak_id, Stap.WAARSCHUWING, by, versie=versie)
    _fouten(rules.waarschuwing_fouten(gesprek_uitkomsten=list(zaak.gesprekken.values_list("uitkomst", flat=True))))
    _verzendwijze(zaak, per_post, uitgereikt_op)
    zaak.waarschuwen()
    zaak.waarschuwing_op = uitgereikt_op
    zaak.waarschuwing_toelichting = toelichting
    zaak.waarschuwing_document = _brief(zaak, template=WAARSCHUWING_TEMPLATE, soort="handhaving_waarschuwing",
                                        titel="Waarschuwing", by=by, briefdatum=uitgereikt_op)
    _verzenden(zaak, zaak.waarschuwing_document, soort="handhaving_waarschuwing", letter="W", per_post=per_post,
               uitgereikt_op=uitgereikt_op)
    opslaan(zaak, reden="Schriftelijke waarschuwing klaar voor de printbatch" if per_post
            else "Schriftelijke waarschuwing uitgereikt", door=by)
    return zaak


@transaction.atomic
def rapport_opmaken(*, zaak_id: int, dagtekening: date, overtreding: str, voorschrift: str, plaats: str,
                    versie: int | None, by: User) -> Handhavingszaak:
    """The rapport (Awb 5:48): dated, naming the person, the breach, the rule breached and where and when
    it was geconstateerd, by its author; required before the voornemen of a Wet 23 fine (5:53). Its
    dagtekening starts the 13-week decision term (5:51, a termijn van orde). The PDF is rendered in this
    transaction; a copy goes with the boetebeschikking."""
    zaak = _zaak_voor_stap(zaak_id, Stap.RAPPORT, by, versie=versie)
    _fouten(rules.rapport_fouten(dagtekening=dagtekening, geconstateerd_op=zaak.geconstateerd_op,
                                 overtreding=overtreding, voorschrift=voorschrift, plaats=plaats, vandaag=vandaag()))
    zaak.rapport_dagtekening = dagtekening
    zaak.rapport_door = by
    zaak.rapport_overtreding = overtreding
    zaak.rapport_voorschrift = voorschrift
    zaak.rapport_plaats = plaats
    zaak.rapport_document = _brief(zaak, template=RAPPORT_TEMPLATE, soort="handhaving_rapport", titel="Rapport",
                                   by=by)
    opslaan(zaak, reden="Rapport opgemaakt (Awb 5:48)", door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


def zienswijze_einde(verzonden_op: date) -> date:
    """Awb 4:8: the zienswijze period (a setting, default 2 weeks) with the Algemene termijnenwet."""
    weken = HandhavingInstellingen.huidig().zienswijze_weken
    extra = gelijkgestelde_dagen_na(datums.weken_na(verzonden_op, weken))
    return rules.zienswijze_einde(verzonden_op=verzonden_op, weken=weken,
                                  atw=datums.ATW_ZIENSWIJZE, extra_dagen=extra)


@transaction.atomic
def voornemen_versturen(*, zaak_id: int, verwijtbaarheid: str, verwijtbaarheid_reden: str, toelichting: str,
                        versie: int | None, by: User, per_post: bool = False,
                        uitgereikt_op: date | None = None) -> Handhavingszaak:
    """The voornemen (Awb 4:8): by a consulent, after the conversation and (gemeente policy) the written
    warning; it states the intended amount, computed by the same rules as the decision. The zienswijze
    period runs from the day it is sent — handed over now, or when its print batch is posted
    (`_voornemen_verzonden`) — and then joins the termijnen."""
    zaak = _zaak_voor_stap(zaak_id, Stap.VOORNEMEN, by, versie=versie)
    if zaak.waarschuwing_document_id and zaak.waarschuwing_op is None:
        raise ValidationError(rules.WAARSCHUWING_NIET_VERZONDEN)
    instellingen = HandhavingInstellingen.huidig()
    _fouten(rules.voornemen_fouten(
        gesprek_uitkomsten=list(zaak.gesprekken.values_list("uitkomst", flat=True)),
        waarschuwing_verstuurd=zaak.waarschuwing_op is not None,
        altijd_eerst_waarschuwen=instellingen.altijd_eerst_waarschuwen,
        regime=zaak.regime, rapport_opgemaakt=zaak.rapport_dagtekening is not None,
    ))
    if zaak.bijstand_verlaagd:
        raise ValidationError(WET27_ZAAK)
    _verzendwijze(zaak, per_post, uitgereikt_op)
    berekening = selectors.berekening(
        zaak, selectors.BoeteInvoer(verwijtbaarheid=verwijtbaarheid, verwijtbaarheid_reden=verwijtbaarheid_reden),
        peildatum=uitgereikt_op or vandaag(), instellingen=instellingen,
    )
    _fouten(berekening.fouten)
    if not berekening.mogelijk:
        raise ValidationError(GEEN_BOETE_VOORNEMEN)
    zaak.voornemen()
    zaak.voornemen_op = uitgereikt_op
    zaak.voornemen_door = by
    zaak.voornemen_bedrag = berekening.bedrag
    zaak.voornemen_afleiding = berekening.stappen
    zaak.voornemen_toelichting = toelichting
    zaak.verwijtbaarheid = verwijtbaarheid
    zaak.verwijtbaarheid_reden = verwijtbaarheid_reden
    zaak.zienswijze_einde = zienswijze_einde(uitgereikt_op) if uitgereikt_op else None
    zaak.voornemen_document = _brief(zaak, template=VOORNEMEN_TEMPLATE, soort="handhaving_voornemen",
                                     titel="Voornemen boete", by=by, berekening=berekening, briefdatum=uitgereikt_op)
    _verzenden(zaak, zaak.voornemen_document, soort="handhaving_voornemen", letter="V", per_post=per_post,
               uitgereikt_op=uitgereikt_op)
    opslaan(zaak, reden=f"Voornemen {'klaar voor de printbatch' if per_post else 'uitgereikt'} "
            f"({rules.euro(berekening.bedrag)})", door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


@transaction.atomic
def zienswijze_vastleggen(*, zaak_id: int, ontvangen_op: date, wijze: str, inhoud: str, versie: int | None,
                          by: User) -> Handhavingszaak:
    zaak = _zaak_voor_stap(zaak_id, Stap.ZIENSWIJZE, by, versie=versie)
    if zaak.voornemen_op is None:
        raise ValidationError(rules.VOORNEMEN_NIET_VERZONDEN)
    _fouten(rules.zienswijze_fouten(ontvangen_op=ontvangen_op, inhoud=inhoud, voornemen_op=zaak.voornemen_op,
                                    vandaag=vandaag()))
    zaak.zienswijze_ontvangen_op = ontvangen_op
    zaak.zienswijze_wijze = wijze
    zaak.zienswijze_inhoud = inhoud
    opslaan(zaak, reden="Zienswijze ontvangen", door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


@dataclass(frozen=True)
class BesluitInvoer:
    uitkomst: str
    dagtekening: date
    bekendmaking: date | None  # handed over on this day; None by post (the batch's posting day)
    motivering: str
    zienswijze_weging: str = ""
    asiel_motivering: str = ""
    nieuwe_termijn_einde: date | None = None
    boete: selectors.BoeteInvoer = field(default_factory=selectors.BoeteInvoer)
    per_post: bool = False



def besluit_controleren(zaak: Handhavingszaak, invoer: BesluitInvoer) -> tuple[rules.Berekening | None, dict]:
    """Every rule of the decision, without writing: the amount with its derivation and the errors."""
    instellingen = HandhavingInstellingen.huidig()
    fouten = rules.besluit_fouten(rules.BesluitFeiten(
        uitkomst=invoer.uitkomst, motivering=invoer.motivering, bijstand_verlaagd=zaak.bijstand_verlaagd,
        is_asiel=zaak.dossier.is_asiel, asiel_motivering=invoer.asiel_motivering,
        zienswijze_ontvangen=zaak.zienswijze_ontvangen_op is not None, zienswijze_weging=invoer.zienswijze_weging,
        zienswijze_einde=zaak.zienswijze_einde, dagtekening=invoer.dagtekening, bekendmaking=invoer.bekendmaking,
        vandaag=vandaag(), regime=zaak.regime, nieuwe_termijn_einde=invoer.nieuwe_termijn_einde,
        verjaring_op=zaak.verjaring_op, voornemen_verzonden=zaak.voornemen_op is not None,
    ), instellingen.bedragen())
    if invoer.bekendmaking is None and not invoer.per_post:
        fouten["bekendmaking"] = str(UITREIKING_INVULLEN)
    if "bekendmaking" in fouten:  # the form's field for a handover
        fouten["uitgereikt_op"] = fouten.pop("bekendmaking")
    boete = invoer.boete
    fouten.update(rules.duo_termijn_fouten(maanden=boete.duo_nieuwe_termijn_maanden,
                                           start=boete.duo_nieuwe_termijn_start))
    if invoer.uitkomst != rules.BesluitUitkomst.BOETE:
        return None, fouten
    berekening = selectors.berekening(zaak, boete, peildatum=invoer.dagtekening, instellingen=instellingen)
    hoger = rules.boven_voornemen_fouten(bedrag=berekening.bedrag, voornemen_bedrag=zaak.voornemen_bedrag)
    for veld, melding in {**hoger, **berekening.fouten}.items():
        fouten.setdefault(veld, melding)
    return berekening, fouten


@transaction.atomic
def besluit_nemen(*, zaak_id: int, invoer: BesluitInvoer, versie: int | None, by: User) -> Handhavingszaak:
    """The decision (Wet 22/23, Besluit 7.1, Awb 5:46): by a consulent who did not open the zaak; every
    rule checked again; a fine gets its boetebeschikking (with bezwaarclausule) in this transaction, the
    bezwaar and (brede intake) new-term termijnen, and the payment status open."""
    zaak = _zaak_voor_stap(zaak_id, Stap.BESLUIT, by, versie=versie)
    if zaak.geopend_door_id == by.pk:
        raise PermissionDenied(EIGEN_ZAAK)
    if zaak.rapport_door_id == by.pk:
        raise PermissionDenied(rules.RAPPORT_AUTEUR)
    berekening, fouten = besluit_controleren(zaak, invoer)
    _fouten(fouten)
    zaak.besluiten()
    zaak.besluit_uitkomst = invoer.uitkomst
    zaak.besluit_door = by
    zaak.dagtekening = invoer.dagtekening
    zaak.bekendmaking = None if invoer.per_post else invoer.bekendmaking
    zaak.motivering = invoer.motivering
    zaak.zienswijze_weging = invoer.zienswijze_weging
    if berekening is not None:
        _boete_vastleggen(zaak, invoer, berekening, by)
    opslaan(zaak, reden=f"Besluit: {zaak.get_besluit_uitkomst_display()}"
            + (f" {rules.euro(zaak.boetebedrag)}" if zaak.boetebedrag else ""), door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


def _boete_vastleggen(zaak: Handhavingszaak, invoer: BesluitInvoer, berekening: rules.Berekening, by: User) -> None:
    boete = invoer.boete
    zaak.verwijtbaarheid = boete.verwijtbaarheid if zaak.regime == Regime.PIP else ""
    zaak.verwijtbaarheid_reden = boete.verwijtbaarheid_reden if zaak.regime == Regime.PIP else ""
    zaak.matiging = boete.matiging or Decimal("0")
    zaak.matiging_reden = boete.matiging_reden
    zaak.duo_nieuwe_termijn_maanden = boete.duo_nieuwe_termijn_maanden
    zaak.duo_nieuwe_termijn_start = boete.duo_nieuwe_termijn_start
    zaak.asiel_motivering = invoer.asiel_motivering
    zaak.grondbedrag = berekening.grondbedrag
    zaak.boetebedrag = berekening.bedrag
    zaak.afleiding = berekening.stappen
    zaak.nieuwe_termijn_einde = invoer.nieuwe_termijn_einde if zaak.regime == Regime.BREDE_INTAKE else None
    zaak.bezwaar_einde = bezwaar_einde(zaak.bekendmaking) if zaak.bekendmaking else None
    zaak.betaalstatus = Betaalstatus.OPEN
    zaak.besluit_document = _brief(zaak, template=BESCHIKKING_TEMPLATE, soort="handhaving_boetebeschikking",
                                   titel="Boetebeschikking", by=by, berekening=berekening,
                                   bezwaar_weken=datums.BEZWAAR_WEKEN, briefdatum=invoer.dagtekening)
    _verzenden(zaak, zaak.besluit_document, soort="handhaving_boetebeschikking", letter="B",
               per_post=invoer.per_post, uitgereikt_op=zaak.bekendmaking)
    if zaak.rapport_document_id and not Verzending.objects.filter(document_id=zaak.rapport_document_id).exists():
        # Awb 5:48/5:53: a copy of the rapport reaches the person at the latest with the decision.
        _verzenden(zaak, zaak.rapport_document, soort="handhaving_rapport", letter="R", per_post=invoer.per_post,
                   uitgereikt_op=zaak.bekendmaking)


def _rechtsmiddel_termijn(bekendmaking: date | None) -> date | None:
    """Awb 6:7/6:8: six weeks from the day after the bekendmaking (of the beslissing op bezwaar, or the
    sending of the judgment), extended by the Algemene termijnenwet (a statutory term: it always applies)."""
    if bekendmaking is None:
        return None
    return fatale_datum(datums.bezwaartermijn_einde(bekendmaking, rules.BEROEP_WEKEN), atw=True)


@transaction.atomic
def bezwaar_vastleggen(*, zaak_id: int, ontvangen_op: date, uitkomst: str, beslist_op: date | None,
                       versie: int | None, by: User, bekendgemaakt_op: date | None = None) -> Handhavingszaak:
    """Bezwaar against the boetebeschikking: received (date) and, later, its outcome and the bekendmaking
    of the beslissing op bezwaar, from which the beroepstermijn runs. A fine herroepen no longer counts
    for the cap or the doubling; the lapse term is suspended while the bezwaar runs (Awb 5:45 lid 3)."""
    zaak = _zaak_voor_stap(zaak_id, Stap.BEZWAAR, by, versie=versie)
    _fouten(rules.bezwaar_fouten(ontvangen_op=ontvangen_op, uitkomst=uitkomst, beslist_op=beslist_op,
                                 bekendmaking=zaak.bekendmaking, vandaag=vandaag()))
    _fouten(rules.rechtsgang_fouten(
        bekendgemaakt_op=bekendgemaakt_op, beslist_op=beslist_op, beroep_ingesteld_op=zaak.beroep_ingesteld_op,
        beroep_uitkomst=zaak.beroep_uitkomst, beroep_uitspraak_op=zaak.beroep_uitspraak_op,
        hoger_beroep_ingesteld_op=zaak.hoger_beroep_ingesteld_op, hoger_beroep_uitkomst=zaak.hoger_beroep_uitkomst,
        hoger_beroep_uitspraak_op=zaak.hoger_beroep_uitspraak_op, vandaag=vandaag(),
    ))
    gehandhaafd = uitkomst in (rules.BezwaarUitkomst.ONGEGROND, rules.BezwaarUitkomst.NIET_ONTVANKELIJK)
    if zaak.beroep_ingesteld_op and not gehandhaafd:
        raise ValidationError({"uitkomst": str(rules.GEEN_BEROEP_MOGELIJK)})
    zaak.bezwaar_ontvangen_op = ontvangen_op
    zaak.bezwaar_uitkomst = uitkomst
    zaak.bezwaar_beslist_op = beslist_op
    zaak.bezwaar_bekendgemaakt_op = bekendgemaakt_op if gehandhaafd else None
    zaak.beroep_einde = _rechtsmiddel_termijn(zaak.bezwaar_bekendgemaakt_op)
    zaak.verjaring_op = _verjaring(zaak)
    opslaan(zaak, reden="Bezwaar " + (zaak.get_bezwaar_uitkomst_display() if uitkomst else "ontvangen"), door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


@transaction.atomic
def beroep_vastleggen(*, zaak_id: int, beroep_ingesteld_op: date | None, beroep_uitkomst: str,
                      beroep_uitspraak_op: date | None, hoger_beroep_ingesteld_op: date | None,
                      hoger_beroep_uitkomst: str, hoger_beroep_uitspraak_op: date | None, versie: int | None,
                      by: User) -> Handhavingszaak:
    """Beroep and hoger beroep after a beslissing op bezwaar that upheld the fine: lodged, judgment and
    outcome. The hoger-beroepstermijn (6 weeks, Atw) runs from the judgment. A fine annulled by the court
    no longer counts for the cap or the doubling; the lapse term is suspended while they run (5:45 lid 3)."""
    zaak = _zaak_voor_stap(zaak_id, Stap.BEROEP, by, versie=versie)
    _fouten(rules.rechtsgang_fouten(
        bekendgemaakt_op=zaak.bezwaar_bekendgemaakt_op, beslist_op=zaak.bezwaar_beslist_op,
        beroep_ingesteld_op=beroep_ingesteld_op, beroep_uitkomst=beroep_uitkomst,
        beroep_uitspraak_op=beroep_uitspraak_op, hoger_beroep_ingesteld_op=hoger_beroep_ingesteld_op,
        hoger_beroep_uitkomst=hoger_beroep_uitkomst, hoger_beroep_uitspraak_op=hoger_beroep_uitspraak_op,
        vandaag=vandaag(),
    ))
    zaak.beroep_ingesteld_op = beroep_ingesteld_op
    zaak.beroep_uitkomst = beroep_uitkomst
    zaak.beroep_uitspraak_op = beroep_uitspraak_op
    uitspraak = beroep_uitspraak_op if beroep_uitkomst != rules.RechterUitkomst.INGETROKKEN else None
    zaak.hoger_beroep_einde = _rechtsmiddel_termijn(uitspraak)
    zaak.hoger_beroep_ingesteld_op = hoger_beroep_ingesteld_op
    zaak.hoger_beroep_uitkomst = hoger_beroep_uitkomst
    zaak.hoger_beroep_uitspraak_op = hoger_beroep_uitspraak_op
    zaak.verjaring_op = _verjaring(zaak)
    stand = zaak.get_hoger_beroep_uitkomst_display() or zaak.get_beroep_uitkomst_display() or "ingesteld"
    opslaan(zaak, reden=f"Beroep: {stand}", door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak


@transaction.atomic
def betaalstatus_wijzigen(*, zaak_id: int, betaalstatus: str, versie: int | None, by: User) -> Handhavingszaak:
    zaak = _zaak_voor_stap(zaak_id, Stap.BETALING, by, versie=versie)
    zaak.betaalstatus = betaalstatus
    opslaan(zaak, reden=f"Betaling: {zaak.get_betaalstatus_display()}", door=by)
    return zaak


@transaction.atomic
def zaak_afsluiten(*, zaak_id: int, reden: str, toelichting: str, versie: int | None, by: User) -> Handhavingszaak:
    """Close from any state with a reason (naleving hersteld, onterecht, other). Once a voornemen is
    out, only a consulent closes: it ends an announced sanction."""
    zaak = _zaak_voor_stap(zaak_id, Stap.AFSLUITEN, by, versie=versie)
    _fouten(rules.afsluiten_fouten(reden=reden, toelichting=toelichting, na_besluit=zaak.status == ZaakStatus.BESLUIT))
    zaak.afsluiten()
    zaak.afsluit_reden = reden
    zaak.afsluit_toelichting = toelichting
    zaak.afgesloten_op = timezone.now()
    opslaan(zaak, reden=f"Afgesloten: {zaak.get_afsluit_reden_display()}", door=by)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=by)
    return zaak



# --- bekendmaking by the print batch (inburgering.documenten.verzending.registreer_bij_verzending) --------
def _zaak_van_brief(veld: str, verzending) -> Handhavingszaak:
    return vergrendelen(Handhavingszaak.objects.select_related("dossier"), **{veld: verzending.document_id})


def waarschuwing_verzonden(verzending, datum: date, door: User) -> None:
    """The postkamer posted the batch with this warning on `datum`: the warning is sent that day."""
    zaak = _zaak_van_brief("waarschuwing_document_id", verzending)
    zaak.waarschuwing_op = datum
    opslaan(zaak, reden=f"Schriftelijke waarschuwing verzonden op {datum:%d-%m-%Y} (printbatch)", door=door)


def voornemen_verzonden(verzending, datum: date, door: User) -> None:
    """The voornemen was posted on `datum`: the zienswijze period runs from then and joins the termijnen."""
    zaak = _zaak_van_brief("voornemen_document_id", verzending)
    zaak.voornemen_op = datum
    zaak.zienswijze_einde = zienswijze_einde(datum)
    opslaan(zaak, reden=f"Voornemen verzonden op {datum:%d-%m-%Y} (printbatch)", door=door)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=door)


def boetebeschikking_bekendgemaakt(verzending, datum: date, door: User) -> None:
    """The boetebeschikking was posted on `datum`: its bekendmaking (Awb 3:41); the bezwaartermijn runs from
    the next day and joins the termijnen."""
    zaak = _zaak_van_brief("besluit_document_id", verzending)
    zaak.bekendmaking = datum
    zaak.bezwaar_einde = bezwaar_einde(datum)
    opslaan(zaak, reden=f"Boetebeschikking bekendgemaakt op {datum:%d-%m-%Y} (printbatch)", door=door)
    termijnen_herberekenen(dossier_id=zaak.dossier_id, by=door)
