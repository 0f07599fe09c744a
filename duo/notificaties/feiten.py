"""DUO's facts on a dossier: kept with their source and time (`DuoGegeven`, the tab "Gegevens van DUO"); the
facts the dossier holds itself follow DUO (DUO wins) and a different local value becomes a signal for the
werkcoach."""


from django.utils import timezone

from cases.intake.rules import LbtUitkomst
from cases.models import BredeIntake, Dossier, Signaal, SignaalSoort
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import opslaan

from . import rules
from .models import DuoGegeven, DuoNotificatie
from .rules import Raadpleging

ACTIVITEIT = "duo-gegevensuitwisseling"  # the register code (inburgering.audit, migration 0005)


def signaal_maken(dossier: Dossier, tekst: str, *, door: User, urgent: bool = False) -> Signaal:
    omschrijving = ("DUO (urgent): " if urgent else "DUO: ") + tekst
    signaal = Signaal(dossier=dossier, soort=SignaalSoort.DUO, omschrijving=omschrijving[:300], aangemaakt_door=door)
    opslaan(signaal, reden="Melding van DUO", door=door)
    return signaal


def gegevens_vastleggen(*, dossier: Dossier, gegevens: dict, notificatie: DuoNotificatie | None, door: User) -> None:
    """Keep DUO's answers on the dossier (DUO wins) and apply the facts the dossier holds itself; a local value
    that differs becomes a signal."""
    nu = timezone.now()
    for soort, waarde in gegevens.items():
        if waarde is None:
            continue
        DuoGegeven.objects.update_or_create(
            dossier=dossier, soort=soort,
            defaults={"waarde": waarde, "bron": f"DUO {rules.PADEN[Raadpleging(soort)]}", "opgehaald_op": nu,
                      "notificatie": notificatie})
    wijzigingen = []
    kennisgeving = rules.datum((gegevens.get(Raadpleging.PLICHT) or {}).get("datumKennisgevingInburgeringsplicht"))
    if kennisgeving and kennisgeving != dossier.datum_kennisgeving:
        wijzigingen.append(f"datum kennisgeving {dossier.datum_kennisgeving:%d-%m-%Y} → {kennisgeving:%d-%m-%Y}")
        dossier.datum_kennisgeving = kennisgeving
    doelgroep = rules.doelgroep(gegevens.get(Raadpleging.DOELGROEP))
    if doelgroep and doelgroep != dossier.doelgroep:
        wijzigingen.append(f"doelgroep {dossier.doelgroep} → {doelgroep}")
        dossier.doelgroep = doelgroep
    if Raadpleging.PIP in gegevens and rules.eerder_pip_elders(
            gegevens[Raadpleging.PIP], eigen_gemeentecode=GemeenteInstellingen.huidig().gemeentecode) \
            and not dossier.eerder_pip_elders:
        wijzigingen.append("eerder PIP in een andere gemeente: ja")
        dossier.eerder_pip_elders = True
    if wijzigingen:
        opslaan(dossier, reden="Gegevens van DUO: " + "; ".join(wijzigingen), door=door)
        termijnen_herberekenen(dossier_id=dossier.pk, by=door)
        signaal_maken(dossier, "gegevens wijken af en zijn bijgewerkt: " + "; ".join(wijzigingen), door=door)
    lbt = _laatste_lbt(gegevens.get(Raadpleging.LBT))
    if lbt:
        _lbt_in_intake(dossier, lbt, door)


def _laatste_lbt(resultaten) -> dict | None:
    if not resultaten:
        return None
    resultaten = resultaten if isinstance(resultaten, list) else [resultaten]
    return max(resultaten, key=lambda r: r.get("datumAfname") or "")


def _lbt_in_intake(dossier: Dossier, lbt: dict, door: User) -> None:
    """The LBT result into the brede intake (DUO's result wins); a closed intake is not changed: a different
    result there becomes a signal."""
    uitkomst = rules.lbt_uitkomst(lbt.get("resultaat"))
    intake = BredeIntake.objects.select_for_update().filter(dossier=dossier).first()
    if intake is not None and intake.lbt_uitkomst == uitkomst and intake.lbt_datum == rules.datum(lbt.get("datumAfname")):
        return
    if intake is not None and intake.afgerond_op:
        if intake.lbt_uitkomst != uitkomst:
            signaal_maken(dossier, f"uitslag leerbaarheidstoets volgens DUO: {lbt.get('resultaat')}; de afgeronde "
                                   "intake zegt iets anders", door=door)
        return
    vorige = intake.lbt_uitkomst if intake else ""
    intake = intake or BredeIntake(dossier=dossier)
    intake.lbt_uitkomst = uitkomst
    intake.lbt_score = rules.score(lbt.get("behaaldeScore"))
    intake.lbt_vereiste_score = rules.score(lbt.get("benodigdeScore"))
    intake.lbt_datum = rules.datum(lbt.get("datumAfname"))
    intake.lbt_vrijstelling = ""
    opslaan(intake, reden="Uitslag leerbaarheidstoets van DUO", door=door)
    if vorige and vorige != uitkomst:
        signaal_maken(dossier, f"uitslag leerbaarheidstoets volgens DUO: {lbt.get('resultaat')} (was "
                               f"{dict(LbtUitkomst.CHOICES).get(vorige, vorige)})", door=door)
