"""Pure rules for the PIP: DUO's validation rules, the PIP deadline, schakelen and afschalen.
Facts in, decision out, no database. Each failing rule returns a Dutch message that names it.

Sources: Wet inburgering 2021 art. 15 and 17; Besluit inburgering 2021 art. 5.3–5.5;
DUO's PIP API (duo-m2m/PIP, RULES.md "What the gemeente sends, and when DUO refuses it").
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.intake.rules import LbtUitkomst
from inburgering.kalender import datums


class Leerroute:
    B1 = "B"
    ONDERWIJS = "O"
    Z = "Z"
    CHOICES = [(B1, _("B1-route")), (ONDERWIJS, _("Onderwijsroute")), (Z, _("Z-route"))]


class Niveau:
    A2 = "A2"
    B1 = "B1"
    CHOICES = [(A2, "A2"), (B1, "B1")]


class Alfabetisering:
    A = "A"
    AA = "AA"
    NVT = "NVT"
    CHOICES = [
        (A, _("Onderwijs voor analfabeet")),
        (AA, _("Onderwijs voor anders-gealfabetiseerde")),
        (NVT, _("Niet van toepassing")),
    ]


class PipStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_BEOORDELING = "ter_beoordeling", _("Ter beoordeling")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    VERVANGEN = "vervangen", _("Vervangen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


OPEN_STATUSSEN = [PipStatus.CONCEPT, PipStatus.TER_BEOORDELING]


# --- Which actions the versions of a dossier allow --------------------------------------------
FASE_ONJUIST = _("Een eerste PIP kan pas worden opgesteld als de brede intake is afgerond.")
AL_OPEN = _("Er is al een PIP in bewerking voor dit dossier.")
GEEN_GELDEND_PIP = _("Er is geen vastgesteld PIP om te wijzigen.")


def opstellen_fout(*, in_opstelling: bool, statussen: Collection[str]) -> str | None:
    """A first PIP is drafted once the brede intake is done (fase pip_in_opstelling) and no version
    exists yet. A withdrawn first draft does not count: the werkcoach starts again (e.g. the wrong
    route was begun). None: allowed."""
    if not in_opstelling or any(status != PipStatus.INGETROKKEN for status in statussen):
        return str(FASE_ONJUIST)
    return None


def wijziging_fout(*, statussen: Collection[str]) -> str | None:
    """A change is a new version of the vastgesteld PIP (Besluit 5.3 lid 6), one at a time: not while
    another version is a concept or ter beoordeling. None: allowed."""
    if PipStatus.VASTGESTELD not in statussen:
        return str(GEEN_GELDEND_PIP)
    if any(status in OPEN_STATUSSEN for status in statussen):
        return str(AL_OPEN)
    return None


def kan_beoordelen(*, is_consulent: bool, status: str) -> bool:
    """Only a consulent inburgering reviews (terugsturen or vaststellen), and only a version that is
    ter beoordeling; the four-eyes rule on who wrote it is checked by the service."""
    return is_consulent and status == PipStatus.TER_BEOORDELING


# --- DUO's rules on a PIP message (RULES.md) ---------------------------------------------------
DUO_A2_ONDERWIJS = _("Niveau A2 kan niet bij de onderwijsroute (DUO-regel).")
DUO_B1_Z = _("Niveau B1 kan niet bij de Z-route (DUO-regel).")
DUO_A2_EERSTE_PIP = _("Niveau A2 kan niet op het allereerste PIP van de persoon, in welke gemeente ook (DUO-regel). Op een later PIP kan A2 wel, bijvoorbeeld na een verhuizing (Wet inburgering 2021, art. 15 lid 4) of na de onderwijsroute (Besluit inburgering 2021, art. 5.5). Is er al een PIP in een andere gemeente? Leg dat vast bij de dossiergegevens.")
A2_EERST_B1 = _("Het vorige PIP van deze persoon had niveau B1: naar A2 gaat alleen door afschalen, met de voorwaarden daarvan (Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5). Stel dit PIP vast met niveau B1 en schaal daarna af met een wijziging.")
A2_ALLEEN_AFSCHALEN = _("Het vorige PIP van deze persoon had niveau B1: naar A2 gaat alleen door afschalen, met de voorwaarden daarvan (Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5). Kies als reden van de wijziging 'Afschalen', of 'Schakelen' vanuit de onderwijsroute.")
DUO_VOOR_PLICHT = _("De dagtekening ligt vóór de start van de inburgeringsplicht (%(datum)s) (DUO-regel).")
DUO_VOOR_VESTIGING = _("De dagtekening ligt vóór de vestiging in de gemeente (%(datum)s) (DUO-regel).")
DUO_VOOR_HUIDIG = _("De dagtekening ligt vóór de dagtekening van het huidige PIP (%(datum)s) (DUO-regel).")
DUO_INTENSITEIT = _("Een geschatte intensiteit B1-route mag alleen bij een asielstatushouder op de B1-route (DUO-regel).")
DUO_INTENSITEIT_BEREIK = _("De geschatte intensiteit moet tussen 1 en 9999 uur liggen (DUO-regel).")
DAGTEKENING_TOEKOMST = _("De dagtekening kan niet in de toekomst liggen.")
BEKENDMAKING_VOOR_DAGTEKENING = _("De bekendmaking kan niet vóór de dagtekening liggen.")
BEKENDMAKING_TOEKOMST = _("De bekendmaking kan niet in de toekomst liggen.")
AFWIJKING_LBT = _("De leerroute wijkt af van de uitkomst van de leerbaarheidstoets: geef een schriftelijke motivering waarin de andere routes serieus zijn onderzocht.")


@dataclass(frozen=True)
class PipFeiten:
    leerroute: str
    niveau: str | None
    b1_intensiteit: int | None
    is_asiel: bool
    # The very first PIP of the person in any gemeente: no earlier vastgesteld PIP here (any dossier of
    # the person) and none recorded elsewhere (`Dossier.eerder_pip_elders`; DUO's fact once exchanged).
    eerste_pip: bool


def inhoud_fouten(f: PipFeiten) -> dict[str, str]:
    """DUO's content rules: level against route, intensity only for asiel on the B1-route. A2 on the
    B1-route is refused only on the very first PIP of the person, in any gemeente (DUO's wording):
    a later PIP may carry A2 — after a move (Wet 15 lid 4) or after onderwijsroute → B1-route with
    600 hours (Besluit 5.5). Whether that later A2 is an afschalen is `a2_vraagt_afschalen`."""
    fouten: dict[str, str] = {}
    if f.niveau == Niveau.A2 and f.leerroute == Leerroute.ONDERWIJS:
        fouten["niveau"] = str(DUO_A2_ONDERWIJS)
    elif f.niveau == Niveau.B1 and f.leerroute == Leerroute.Z:
        fouten["niveau"] = str(DUO_B1_Z)
    elif f.niveau == Niveau.A2 and f.leerroute == Leerroute.B1 and f.eerste_pip:
        fouten["niveau"] = str(DUO_A2_EERSTE_PIP)
    if f.b1_intensiteit is not None:
        if not (f.is_asiel and f.leerroute == Leerroute.B1):
            fouten["b1_intensiteit"] = str(DUO_INTENSITEIT)
        elif not 1 <= f.b1_intensiteit <= 9999:
            fouten["b1_intensiteit"] = str(DUO_INTENSITEIT_BEREIK)
    return fouten


ONTZORGEN_ALLEEN_ASIEL = _("Financieel ontzorgen geldt alleen voor inburgeringsplichtigen met een asielvergunning die bijstand ontvangen (Participatiewet art. 56a).")
ONTZORGEN_START = _("Vul de eerste dag van het recht op bijstand in: daar begint het ontzorgen.")
MAP_ONDERWIJSROUTE = _("De onderwijsroute is vrijgesteld van de MAP (Wet inburgering 2021, art. 8 lid 3): laat de MAP-velden leeg.")


def onderdelen_fouten(*, leerroute: str, is_asiel: bool, ontzorgen: bool, ontzorgen_start: date | None,
                      map_vorm: str) -> dict[str, str]:
    """The onderdelen a PIP may contain by doelgroep and route (DOMAIN §2, §6–7)."""
    fouten: dict[str, str] = {}
    if ontzorgen and not is_asiel:
        fouten["ontzorgen"] = str(ONTZORGEN_ALLEEN_ASIEL)
    elif ontzorgen and ontzorgen_start is None:
        fouten["ontzorgen_start"] = str(ONTZORGEN_START)
    if leerroute == Leerroute.ONDERWIJS and map_vorm:
        fouten["map_vorm"] = str(MAP_ONDERWIJSROUTE)
    return fouten


ONTZORGEN_VASTE_LASTEN = _("Kies welke vaste lasten worden doorbetaald.")


def ontzorgen_fouten(*, ontzorgen: bool, vaste_lasten: Collection[str]) -> dict[str, str]:
    """Ontzorgen pays fixed costs from the bijstand (Participatiewet art. 56a): which ones is part of
    the plan. Checked on every save of the plan, not only at indienen."""
    if ontzorgen and not vaste_lasten:
        return {"ontzorgen_vaste_lasten": str(ONTZORGEN_VASTE_LASTEN)}
    return {}


def dagtekening_fouten(
    *,
    dagtekening: date,
    bekendmaking: date | None,
    vandaag: date,
    plicht_start: date,
    vestiging: date | None,
    huidige_dagtekening: date | None,
) -> dict[str, str]:
    """DUO: not before the plicht started, not before settling in the gemeente, not before the
    current PIP's dagtekening. Ours: neither date in the future, bekendmaking not before dagtekening."""
    fouten: dict[str, str] = {}
    if dagtekening > vandaag:
        fouten["dagtekening"] = str(DAGTEKENING_TOEKOMST)
    elif dagtekening < plicht_start:
        fouten["dagtekening"] = str(DUO_VOOR_PLICHT % {"datum": _d(plicht_start)})
    elif vestiging and dagtekening < vestiging:
        fouten["dagtekening"] = str(DUO_VOOR_VESTIGING % {"datum": _d(vestiging)})
    elif huidige_dagtekening and dagtekening < huidige_dagtekening:
        fouten["dagtekening"] = str(DUO_VOOR_HUIDIG % {"datum": _d(huidige_dagtekening)})
    if bekendmaking is None:  # by post: the day the print batch is posted (issue 15)
        return fouten
    if bekendmaking > vandaag:
        fouten["bekendmaking"] = str(BEKENDMAKING_TOEKOMST)
    elif bekendmaking < dagtekening:
        fouten["bekendmaking"] = str(BEKENDMAKING_VOOR_DAGTEKENING)
    return fouten


def _d(d: date) -> str:
    return d.strftime("%d-%m-%Y")


# --- Leerbaarheidstoets ---------------------------------------------------------------------------
def wijkt_af_van_lbt(*, leerroute: str, lbt: str | None) -> bool:
    """A route that does not follow the LBT needs a written motivation (case law: the other routes
    must be seriously examined). B1 'haalbaar' points to the B1- or onderwijsroute; 'niet haalbaar'
    to the Z-route. Without a usable result (onbekend, vrijstelling) there is nothing to deviate from."""
    if lbt == LbtUitkomst.HAALBAAR:
        return leerroute == Leerroute.Z
    if lbt == LbtUitkomst.NIET_HAALBAAR:
        return leerroute != Leerroute.Z
    return False


# --- PIP deadline (Besluit 5.3) ---------------------------------------------------------------------
# Statutory values, not policy (DOMAIN §5, §8): they live here with their article.
PIP_TERMIJN_WEKEN = 10  # Besluit inburgering 2021 art. 5.3 lid 1
PIP_VERLENGING_WEKEN = 2  # Besluit 5.3 lid 2: at the latest 2 weeks after receipt
ATW_PIP_VASTSTELLEN = True  # Algemene termijnenwet art. 1 and 5: a term set by AMvB, not in months
INBURGERINGSTERMIJN_JAREN = 3  # Wet inburgering 2021 art. 11 lid 1
SCHAKEL_MAANDEN = 18  # Besluit 5.4: schakelen within 1.5 years after the start of the termijn

VERZOEK_TE_LAAT = _(
    "Dit verzoek is gedaan na het verstrijken van de termijn van 10 weken (uiterlijk %(datum)s) en verlengt de "
    "PIP-termijn daarom niet (Besluit inburgering 2021, art. 5.3 lid 2). Het verzoek wordt wel vastgelegd."
)


@dataclass(frozen=True)
class PipDeadline:
    basis: date | None
    laatste_dag: date | None  # before the Algemene termijnenwet
    fatale_datum: date | None  # after it
    toelichting: str
    opgeschort: bool = False
    oorspronkelijke_fatale_datum: date | None = None  # the 10 weeks, before any extension (lid 1)


def informatieverzoek_verlengt(*, gevraagd_op: date, oorspronkelijke_fatale_datum: date | None) -> bool:
    """Besluit 5.3 lid 2: the deadline is extended only while the college waits for information it
    asked for *before* the 10 weeks ran out. Reading chosen: "before it ran out" is on or before the
    fatale datum of the 10 weeks (with the Algemene termijnenwet, which applies to this term); a request
    after that day extends nothing. Without a computable deadline (asiel, not yet registered) nothing
    has run out yet, so a request counts."""
    return oorspronkelijke_fatale_datum is None or gevraagd_op <= oorspronkelijke_fatale_datum


def pip_deadline(
    *,
    kennisgeving: date,
    is_asiel: bool,
    brp_vestiging: date | None,
    vestiging_na_verhuizing: date | None,
    verzoeken: Collection[tuple[date, date | None]] = (),
    atw: bool = ATW_PIP_VASTSTELLEN,
    extra_vrije_dagen: frozenset[date],
) -> PipDeadline:
    """The PIP must be vastgesteld within 10 weeks after the day of DUO's kennisgeving (Besluit 5.3
    lid 1, text since 1-1-2023). For an asielstatushouder not yet registered (BRP) in the housing
    gemeente on that day: 10 weeks from that registration (lid 1). After a move: 10 weeks from the
    registration in the new gemeente (lid 3). While awaiting third-party information asked for before
    the 10 weeks ran out the term is extended to at the latest 2 weeks after receipt (lid 2), and the
    Algemene termijnenwet is applied again to the extended last day.

    `verzoeken`: (gevraagd_op, ontvangen_op or None) of every recorded request for information."""
    if vestiging_na_verhuizing:
        basis, uitleg = vestiging_na_verhuizing, _("vestiging in de gemeente na verhuizing")
    elif is_asiel and (brp_vestiging is None or brp_vestiging > kennisgeving):
        if brp_vestiging is None:
            return PipDeadline(None, None, None, str(_("wacht op inschrijving (BRP) in de gemeente van huisvesting")))
        basis, uitleg = brp_vestiging, _("inschrijving (BRP) in de gemeente van huisvesting")
    else:
        basis, uitleg = kennisgeving, _("kennisgeving van DUO")
    laatste = datums.weken_na(basis, PIP_TERMIJN_WEKEN)
    oorspronkelijk = datums.fatale_datum(laatste, atw=atw, extra_dagen=extra_vrije_dagen)
    toelichting = str(_("%(weken)s weken na %(wat)s (Besluit inburgering 2021, art. 5.3 lid 1)")
                      % {"weken": PIP_TERMIJN_WEKEN, "wat": uitleg})
    tijdig = [(gevraagd, ontvangen) for gevraagd, ontvangen in verzoeken
              if informatieverzoek_verlengt(gevraagd_op=gevraagd, oorspronkelijke_fatale_datum=oorspronkelijk)]
    if tijdig:
        if any(ontvangen is None for _gevraagd, ontvangen in tijdig):
            return PipDeadline(basis, None, None, str(_("verlengd: wacht op informatie van een derde (art. 5.3 lid 2)")),
                               opgeschort=True, oorspronkelijke_fatale_datum=oorspronkelijk)
        ontvangen = max(ontvangen for _gevraagd, ontvangen in tijdig)
        verlengd = datums.weken_na(ontvangen, PIP_VERLENGING_WEKEN)
        if verlengd > laatste:
            laatste = verlengd
            toelichting = str(_("verlengd tot %(weken)s weken na ontvangst van de gevraagde informatie "
                                "(Besluit inburgering 2021, art. 5.3 lid 2)") % {"weken": PIP_VERLENGING_WEKEN})
    fataal = datums.fatale_datum(laatste, atw=atw, extra_dagen=extra_vrije_dagen)
    return PipDeadline(basis, laatste, fataal, toelichting, oorspronkelijke_fatale_datum=oorspronkelijk)


TERMIJN_ONBEKEND = _(
    "Dit PIP kan nog niet ter beoordeling worden aangeboden: de termijn om het PIP vast te stellen is niet te "
    "berekenen, want %(ontbreekt)s. Vul dit aan bij de dossiergegevens (Gegevens wijzigen); daarna kan het PIP "
    "worden aangeboden (Besluit inburgering 2021, art. 5.3 lid 1)."
)
ONTBREEKT_BRP_VESTIGING = _("de datum van inschrijving (BRP) in de gemeente van huisvesting ontbreekt")


def indienen_termijn_fout(deadline: PipDeadline | None) -> str | None:
    """Why the first PIP cannot be offered for review yet (issue 19 item 8): a consulent must know by when
    to vaststellen it. The deadline has no start date while an asielstatushouder is not yet registered
    (BRP) in the housing gemeente. Waiting for third-party information (lid 2) is not missing data: the
    start is known and the term extended. `deadline` None: no deadline applies (a PIP is already
    vastgesteld; a wijziging has no term to vaststellen)."""
    if deadline is None or deadline.basis is not None or deadline.opgeschort:
        return None
    return str(TERMIJN_ONBEKEND % {"ontbreekt": ONTBREEKT_BRP_VESTIGING})


# --- Wijzigingen: schakelen and afschalen (Wet 17, Besluit 5.4–5.5) ---------------------------------
class SchakelUitzondering:
    GEEN = ""
    OPLEIDING_BEEINDIGD = "opleiding_beeindigd"
    BIJZONDER_GEVAL = "bijzonder_geval"
    CHOICES = [
        (GEEN, _("Geen uitzondering")),
        (OPLEIDING_BEEINDIGD, _("Niet-vrijstellende opleiding beëindigd")),
        (BIJZONDER_GEVAL, _("Bijzonder geval")),
    ]


SCHAKEL_ZELFDE_ROUTE = _("Bij schakelen moet de leerroute veranderen.")
SCHAKEL_TE_LAAT = _("Schakelen kan tot %(datum)s (anderhalf jaar na de start van de inburgeringstermijn). Daarna alleen van onderwijsroute naar B1-route, of met een vastgelegde uitzondering.")
SCHAKEL_MOTIVERING = _("Geef de motivering van de uitzondering.")
AFSCHALEN_ALLEEN_B = _("Afschalen kan alleen binnen de B1-route, van B1 naar A2.")
AFSCHALEN_UREN = _("Afschalen kan pas na ten minste %(minimum)s uur NT2-onderwijs bij een instelling met keurmerk of taalschakeltraject; vastgelegd: %(uren)s uur.")
AFSCHALEN_INSPANNING = _("Beschrijf de inspanning van de inburgeraar tijdens de lessen.")
AFSCHALEN_ONDERDELEN = _("Kies of het afschalen geheel is of voor welke examenonderdelen.")


def schakel_fouten(
    *,
    van: str,
    naar: str,
    termijn_start: date | None,
    datum: date,
    schakel_maanden: int,
    uitzondering: str,
    motivering: str,
) -> dict[str, str]:
    """Schakelen at most 1.5 years after the start of the termijn (Wet 17 lid 2, Besluit 5.4);
    onderwijsroute → B1-route always; later only after a non-exempting education ended or in a
    bijzonder geval, both with a recorded justification."""
    if van == naar:
        return {"leerroute": str(SCHAKEL_ZELFDE_ROUTE)}
    if van == Leerroute.ONDERWIJS and naar == Leerroute.B1:
        return {}
    if termijn_start is None:
        return {}  # no termijn yet: the window has not started
    einde = datums.periode_maanden_einde(termijn_start, schakel_maanden)
    if datum <= einde:
        return {}
    if uitzondering == SchakelUitzondering.GEEN:
        return {"schakel_uitzondering": str(SCHAKEL_TE_LAAT % {"datum": _d(einde)})}
    if not motivering.strip():
        return {"schakel_motivering": str(SCHAKEL_MOTIVERING)}
    return {}


EXAMENONDERDELEN = [("LE", _("Lezen")), ("LU", _("Luisteren")), ("SC", _("Schrijven")), ("SP", _("Spreken"))]
AFSCHALEN_ONHAALBAAR_DATUM = _("Vul de datum in waarop is vastgesteld dat B1 niet haalbaar is binnen de (verlengde) inburgeringstermijn (Wet inburgering 2021, art. 17 lid 3).")
AFSCHALEN_ONHAALBAAR_TOEKOMST = _("De datum van deze vaststelling kan niet in de toekomst liggen.")
AFSCHALEN_ONHAALBAAR_GROND = _("Beschrijf waarom B1 niet haalbaar is binnen de (verlengde) inburgeringstermijn (Wet inburgering 2021, art. 17 lid 3), bijvoorbeeld met de voortgang volgens de aanbieder.")


def a2_vraagt_afschalen(*, leerroute: str, niveau: str | None, vorige_route: str | None,
                        vorige_niveau: str | None) -> bool:
    """A2 on the B1-route after a PIP of the same person at B1 (the B1-route, or the onderwijsroute,
    whose level is B1) is an afschalen in substance (Wet 17 lid 3): DUO's first-PIP rule no longer
    stops it, so the conditions of Besluit 5.5 must — whatever reason was picked. `vorige_*`: the
    person's previous PIP (this dossier's, or the latest vastgesteld one of an earlier dossier);
    None when there is none here (e.g. the first PIP after a move: Wet 15 lid 4)."""
    return (
        leerroute == Leerroute.B1 and niveau == Niveau.A2
        and vorige_route in (Leerroute.B1, Leerroute.ONDERWIJS) and (vorige_niveau or Niveau.B1) == Niveau.B1
    )


@dataclass(frozen=True)
class AfschaalVoorwaarden:
    """What Wet 17 lid 3 and Besluit 5.5 ask before A2: the exam parts (or wholly), ≥ 600 NT2 hours,
    recorded effort, and the recorded finding that B1 is not reachable within the (extended) termijn."""

    onderdelen: list[str]
    geheel: bool
    nt2_uren: int
    minimum_uren: int
    inspanning: str
    onhaalbaar_op: date | None
    onhaalbaar_grond: str
    vandaag: date


def afschaal_voorwaarden_fouten(v: AfschaalVoorwaarden) -> dict[str, str]:
    """The conditions of afschalen (Wet 17 lid 3, Besluit 5.5), also for A2 on a schakeling from the
    onderwijsroute to the B1-route (Besluit 5.5: taalschakeltraject hours count)."""
    fouten: dict[str, str] = {}
    if not v.geheel and not v.onderdelen:
        fouten["afschalen_onderdelen"] = str(AFSCHALEN_ONDERDELEN)
    if v.nt2_uren < v.minimum_uren:
        fouten["afschalen_nt2_uren"] = str(AFSCHALEN_UREN % {"minimum": v.minimum_uren, "uren": v.nt2_uren})
    if not v.inspanning.strip():
        fouten["afschalen_inspanning"] = str(AFSCHALEN_INSPANNING)
    if v.onhaalbaar_op is None:
        fouten["afschalen_onhaalbaar_op"] = str(AFSCHALEN_ONHAALBAAR_DATUM)
    elif v.onhaalbaar_op > v.vandaag:
        fouten["afschalen_onhaalbaar_op"] = str(AFSCHALEN_ONHAALBAAR_TOEKOMST)
    if not v.onhaalbaar_grond.strip():
        fouten["afschalen_onhaalbaar_grond"] = str(AFSCHALEN_ONHAALBAAR_GROND)
    return fouten


def afschalen_fouten(
    *, van_route: str, van_niveau: str | None, naar_route: str, naar_niveau: str | None,
    voorwaarden: AfschaalVoorwaarden,
) -> dict[str, str]:
    """Afschalen B1 → A2 (Wet 17 lid 3, Besluit 5.5): only in the B1-route, wholly or for some exam
    parts, when B1 is not reachable within the (extended) termijn (a recorded finding with its date
    and ground), after ≥ 600 NT2 hours (alfabetisering and intake-phase hours count) at a keurmerk or
    taalschakeltraject institution, plus recorded sufficient effort.

    `voorwaarden.nt2_uren`: the hours registered in the traject (`haken.geregistreerde_nt2_uren`), or
    the number typed on the wijziging when none are registered (`services.afschalen_nt2_uren`)."""
    if not (van_route == naar_route == Leerroute.B1 and (van_niveau or Niveau.B1) == Niveau.B1
            and naar_niveau == Niveau.A2):
        return {"niveau": str(AFSCHALEN_ALLEEN_B)}
    return afschaal_voorwaarden_fouten(voorwaarden)


def termijn_start_na_dagtekening(dagtekening: date) -> date:
    """The inburgeringstermijn starts on the day after the first PIP's dagtekening; later versions
    never move it (Wet 11 lid 3)."""
    return date.fromordinal(dagtekening.toordinal() + 1)
