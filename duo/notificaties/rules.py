"""Pure rules of DUO's notifications (issue 17): which action each gebeurtenisId asks for (RULES.md "What DUO
notifies"), what to fetch afterwards, the unique key of a notification, and how DUO's answers map onto the
gemeente's terms. Facts in, decision out, no database."""

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from cases.intake.rules import LbtUitkomst
from cases.models import EindReden
from cases.rules import Doelgroep


class Actie(StrEnum):
    INSTROOM = "instroom"  # a new plichtige: the team's inflow queue
    VESTIGING = "vestiging"  # settled in the gemeente: inflow when there is no dossier yet, else update it
    TERMIJN = "termijn"  # store DUO's termijn dates, recompute termijnen
    AFRONDEN = "afronden"  # plicht met: close the dossier (voldaan / vrijstelling / ontheffing)
    BEEINDIGEN = "beeindigen"  # plicht ended: end the dossier
    DOELGROEP = "doelgroep"  # update the doelgroep (and so the entitlements)
    LBT = "lbt"  # LBT result into the intake
    EXAMEN = "examen"  # exam result: store DUO's results
    SIGNAAL = "signaal"  # a work item for the werkcoach
    ONBEKEND = "onbekend"  # not in the table: kept and shown to the koppelbeheerder, never dropped


class Raadpleging(StrEnum):
    """What the gemeente fetches from DUO after a notification (the `GegevenSoort` it is stored as)."""

    PLICHT = "plicht"
    DOELGROEP = "doelgroep"
    TERMIJN = "termijn"
    LBT = "lbt"
    EXAMENS = "examens"
    VRIJSTELLING = "vrijstelling"
    ONTHEFFING = "ontheffing"
    PIP = "pip"


# The contract path of each raadpleging, below /personen/{bsn} (contracten/duo-m2m/*/openapi.yml).
PADEN = {
    Raadpleging.PLICHT: "/inburgeringsplicht",
    Raadpleging.DOELGROEP: "/doelgroep",
    Raadpleging.TERMIJN: "/inburgeringstermijn",
    Raadpleging.LBT: "/lbt/resultaten",
    Raadpleging.EXAMENS: "/examens/resultaten",
    Raadpleging.VRIJSTELLING: "/vrijstellingen",
    Raadpleging.ONTHEFFING: "/ontheffingen",
    Raadpleging.PIP: "/PIP",
}

NIEUW = (Raadpleging.PLICHT, Raadpleging.DOELGROEP, Raadpleging.PIP, Raadpleging.LBT)
R = Raadpleging


@dataclass(frozen=True)
class Regel:
    actie: Actie
    betekenis: str
    raadplegen: tuple[Raadpleging, ...] = ()
    urgent: bool = False
    eind_reden: str = ""
    korte_horizon: bool = False  # SS128: AOW age within 6 months
    pip_klok: bool = False  # SS139: the 10-week PIP clock started
    eerder_pip: bool = False  # SS121: a previous gemeente's PIP
    termijn_grond: str = ""  # SS103 ambtshalve / SS104 op_aanvraag (pip_plans.TermijnVerlengingDuo.Grond)
    extra: dict = field(default_factory=dict)


def _s(betekenis: str, *raadplegen: Raadpleging, urgent: bool = False) -> Regel:
    return Regel(Actie.SIGNAAL, betekenis, raadplegen, urgent=urgent)


GEBEURTENISSEN: dict[str, Regel] = {
    "SS101": Regel(Actie.INSTROOM, "Nieuwe inburgeringsplichtige", NIEUW),
    "SS128": Regel(Actie.INSTROOM, "Nieuwe inburgeringsplichtige die binnen 6 maanden de AOW-leeftijd bereikt",
                   NIEUW, korte_horizon=True),
    "SS139": Regel(Actie.INSTROOM, "Inburgeringsplichtig; de PIP-termijn van 10 weken is gestart", NIEUW,
                   pip_klok=True),
    "SS120": Regel(Actie.VESTIGING, "Gevestigd in de gemeente zonder PIP: brede intake", NIEUW),
    "SS121": Regel(Actie.VESTIGING, "Gevestigd in de gemeente met een PIP van een vorige gemeente: nieuw PIP met "
                   "dezelfde leerroute", NIEUW, eerder_pip=True),
    "SS102": Regel(Actie.TERMIJN, "Inburgeringstermijn gestart", (R.TERMIJN,)),
    "SS103": Regel(Actie.TERMIJN, "Inburgeringstermijn ambtshalve verlengd", (R.TERMIJN,), termijn_grond="ambtshalve"),
    "SS104": Regel(Actie.TERMIJN, "Inburgeringstermijn op aanvraag verlengd", (R.TERMIJN,),
                   termijn_grond="op_aanvraag"),
    "SS106": Regel(Actie.AFRONDEN, "Inburgeringsplicht voldaan (diploma)", (R.PLICHT, R.EXAMENS),
                   eind_reden=EindReden.VOLDAAN),
    "SS107": Regel(Actie.AFRONDEN, "Inburgeringsplicht voldaan: volledige vrijstelling", (R.PLICHT, R.VRIJSTELLING),
                   eind_reden=EindReden.VRIJSTELLING),
    "SS108": Regel(Actie.AFRONDEN, "Inburgeringsplicht voldaan: volledige ontheffing", (R.PLICHT, R.ONTHEFFING),
                   eind_reden=EindReden.ONTHEFFING),
    "SS110": Regel(Actie.BEEINDIGEN, "Inburgeringsplicht vervallen (naturalisatie, AOW, vertrek, verblijfsvergunning "
                   "ingetrokken)", (R.PLICHT,), eind_reden=EindReden.PLICHT_VERVALLEN),
    "SS111": Regel(Actie.BEEINDIGEN, "Persoon overleden", (R.PLICHT,), eind_reden=EindReden.OVERLEDEN),
    "SS124": Regel(Actie.DOELGROEP, "Doelgroep gewijzigd van asiel naar gezins- of overige migrant", (R.DOELGROEP,)),
    "SS125": Regel(Actie.DOELGROEP, "Doelgroep gewijzigd van gezins- of overige migrant naar asiel", (R.DOELGROEP,)),
    "SS131": Regel(Actie.LBT, "Uitslag leerbaarheidstoets bekend", (R.LBT,)),
    "SS199": Regel(Actie.EXAMEN, "Examenresultaat bekend", (R.EXAMENS,)),
    "SS126": _s("Geen leerroute na 10 weken: stel het PIP vast", urgent=True),
    "SS127": _s("Asielstatushouder met leerroute maar zonder inburgeringsaanbod", urgent=True),
    "SS109": _s("Tijdelijke vrijstelling toegekend: termijnen opschorten", R.VRIJSTELLING, R.PLICHT),
    "SS129": _s("Tijdelijke vrijstelling ingetrokken (zonder eerder PIP): hervat met de brede intake", R.PLICHT),
    "SS130": _s("Tijdelijke vrijstelling ingetrokken (met eerder PIP): hervat het bestaande PIP", R.PLICHT),
    "SS112": _s("Verlenging van de inburgeringstermijn aangevraagd: advies gevraagd", R.TERMIJN),
    "SS113": _s("Uitkomst van een aanvraag van de persoon (verlenging)", R.TERMIJN),
    "SS114": _s("Uitkomst van een aanvraag van de persoon (vrijstelling)", R.VRIJSTELLING),
    "SS115": _s("Uitkomst van een aanvraag van de persoon (gedeeltelijke vrijstelling)", R.VRIJSTELLING),
    "SS116": _s("Uitkomst van een aanvraag van de persoon (ontheffing)", R.ONTHEFFING),
    "SS117": _s("Uitkomst van een aanvraag van de persoon (gedeeltelijke ontheffing)", R.ONTHEFFING),
    "SS118": _s("Uitkomst van een aanvraag van de persoon (afwijzing)", R.VRIJSTELLING, R.ONTHEFFING),
    "SS119": _s("Uitkomst van een aanvraag van de persoon", R.VRIJSTELLING, R.ONTHEFFING),
    "SS122": _s("Verhuisd naar een andere gemeente: rond inspanningen en resultaten af"),
    "SS123": _s("Vertrokken uit Nederland: rond inspanningen en resultaten af"),
    "SS132": _s("Contract met een aanbieder zonder PIP: controleer PIP of aanbod"),
    "SS133": _s("Niveau past niet bij de leerroute: controleer PIP of aanbod"),
    "SS135": _s("Niveau te hoog voor de zelfredzaamheidsroute: controleer PIP of aanbod"),
    "SS136": _s("Taalschakeltraject zonder onderwijsroute: controleer PIP of aanbod"),
    "SS137": _s("Aangemeld voor de leerbaarheidstoets"),
    "SS140": _s("DUO vraagt advies over een ontheffing wegens bijzondere individuele omstandigheden"),
    "SS141": _s("Tekst van het certificaat zelfredzaamheidsroute beschikbaar: informeer de persoon"),
    "SS142": _s("Niet-vrijstellende opleiding beëindigd: herzie het PIP"),
}


def regel_voor(gebeurtenis_id: str) -> Regel:
    """The action of a gebeurtenisId; an unknown code is `Actie.ONBEKEND` (kept, shown, never dropped)."""
    return GEBEURTENISSEN.get(gebeurtenis_id, Regel(Actie.ONBEKEND, "Onbekende gebeurtenis"))


def sleutel(*, gebeurtenis_id: str, bsn: str, v_nummer: str, registratie: str) -> str:
    """The unique key of a notification: the same event about the same person registered at the same moment
    is the same notification, whatever berichtId a retry carries."""
    return hashlib.sha256(f"{gebeurtenis_id}|{bsn}|{v_nummer}|{registratie}".encode()).hexdigest()


def token_geldig(*, header: str, verwacht: str) -> bool:
    """`Authorization: Token <verwacht>`, compared in constant time; no token configured accepts nothing."""
    if not verwacht or not header.startswith("Token "):
        return False
    return hmac.compare_digest(header.removeprefix("Token ").strip().encode(), verwacht.encode())


def certificaat_geldig(*, subject: str, verwacht: str) -> bool:
    """The reverse proxy checked the chain; we check that the subject names DUO (its OIN as serialNumber)."""
    return bool(verwacht and subject and verwacht in subject)


def lbt_uitkomst(resultaat: str | None) -> str:
    return {
        "B1-route haalbaar": LbtUitkomst.HAALBAAR,
        "B1-route niet haalbaar": LbtUitkomst.NIET_HAALBAAR,
    }.get(resultaat or "", LbtUitkomst.ONBEKEND)


def score(waarde: str | None) -> int | None:
    """DUO writes scores as '71,50'; the intake keeps whole points (rounded down)."""
    if not waarde:
        return None
    try:
        return int(float(waarde.replace(",", ".")))
    except ValueError:
        return None


def doelgroep(waarde: dict | None) -> str | None:
    """DUO's gedetailleerdeDoelgroep is stored as it is (cases.rules.Doelgroep uses DUO's values)."""
    gedetailleerd = (waarde or {}).get("gedetailleerdeDoelgroep")
    return gedetailleerd if gedetailleerd in dict(Doelgroep.CHOICES) else None


def datum(waarde: str | None) -> date | None:
    if not waarde:
        return None
    try:
        return date.fromisoformat(waarde[:10])
    except ValueError:
        return None


def eerder_pip_elders(pips, *, eigen_gemeentecode: str) -> bool:
    """Whether DUO knows a PIP of another gemeente (DUO refuses A2 on the B1-route on the very first PIP)."""
    if isinstance(pips, dict):
        pips = [pips]
    return any(isinstance(p, dict) and p.get("gemeentecode") and p.get("gemeentecode") != eigen_gemeentecode
               for p in pips or [])


def verschillen(*, gemeente: dict[str, str], duo: dict[str, str]) -> list[tuple[str, str, str]]:
    """The reconciliation: every fact both sides know about and that differs, as (veld, gemeente, duo). A fact
    only one side has is a difference too (e.g. a PIP vastgesteld here that DUO never received)."""
    uitkomst = []
    for veld in sorted(set(gemeente) | set(duo)):
        ons, hun = gemeente.get(veld, ""), duo.get(veld, "")
        if (ons or hun) and ons != hun:
            uitkomst.append((veld, ons, hun))
    return uitkomst
