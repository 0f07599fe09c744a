"""Financieel ontzorgen (Participatiewet art. 56a) and maatschappelijke begeleiding (Wet 13)."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import NIET_CONTROLEREN, enkel_vergrendelen, opslaan
from leerroutes import rules, selectors
from leerroutes.models import (
    MaatschappelijkeBegeleiding,
    MbActiviteit,
    Ontzorging,
    OntzorgingNotitie,
    Uren,
    VasteLast,
)
from leerroutes.models.instellingen import LeerroutesInstellingen
from leerroutes.rules import UrenCategorie
from pip_plans.instellingen import PipInstellingen

from ._basis import (
    NOG_NIET_GESTART,
    ONTZORGING_BEEINDIGD,
    TOELICHTING_NODIG,
    _aanbieder,
    _dossier_vergrendelen,
    _keuze,
    _niet_in_toekomst,
    _termijnen,
    _tijdens_intake,
)


# --- financieel ontzorgen ----------------------------------------------------------------------------
@transaction.atomic
def ontzorging_starten(
    *, dossier_id: int, uitvoerder_id: int, bijstand_start: date, asielvergunning_bepaalde_tijd: bool,
    versie: int | None = 0, by: User,
) -> Ontzorging:
    """Pw 56a: only for holders of an asylum permit for a fixed term on bijstand; 6 months (setting)
    from the first day of the right to bijstand. Once per dossier: the form was opened on version 0
    (not started yet); started since, it is refused as stale."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    enkel_vergrendelen(Ontzorging.objects.filter(dossier=dossier), versie=versie)
    if fout := rules.ontzorging_fout(is_asiel=dossier.is_asiel, asielvergunning_bepaalde_tijd=asielvergunning_bepaalde_tijd):
        raise ValidationError(fout)
    ontzorging = Ontzorging(
        dossier=dossier, uitvoerder=_aanbieder(uitvoerder_id, "uitvoerder"),
        asielvergunning_bepaalde_tijd=True, bijstand_start=bijstand_start,
        einde=rules.ontzorging_einde(bijstand_start, PipInstellingen.huidig().ontzorging_maanden),
    )
    opslaan(ontzorging, reden="Financieel ontzorgen gestart", door=by)
    _termijnen(dossier.pk, by)  # ONTZORGING_EINDE
    return ontzorging


def _ontzorging(dossier: Dossier, *, lopend: bool = True, versie: int | None = NIET_CONTROLEREN) -> Ontzorging:
    ontzorging = enkel_vergrendelen(Ontzorging.objects.filter(dossier=dossier), versie=versie)
    if ontzorging is None:
        raise ValidationError(NOG_NIET_GESTART)
    if lopend and ontzorging.beeindigd_op:
        raise ValidationError(ONTZORGING_BEEINDIGD)
    return ontzorging


@transaction.atomic
def vaste_last_toevoegen(
    *, dossier_id: int, soort: str, begunstigde: str, bedrag: Decimal, van: date, tot: date | None = None, by: User
) -> VasteLast:
    dossier = _dossier_vergrendelen(dossier_id, by)
    ontzorging = _ontzorging(dossier)
    fouten = rules.vaste_last_fouten(
        soort=soort, soorten=LeerroutesInstellingen.huidig().ontzorging_vaste_lasten_lijst, bedrag=bedrag, van=van,
        tot=tot, start=ontzorging.bijstand_start, einde=ontzorging.geplande_laatste_dag,
    )
    if fouten:
        raise ValidationError(fouten)
    last = VasteLast(ontzorging=ontzorging, soort=soort, begunstigde=begunstigde, bedrag=bedrag, van=van, tot=tot)
    opslaan(last, reden=f"Vaste last {soort} toegevoegd", door=by)
    return last


def _ontzorging_wijzigen(
    dossier_id: int, versie: int | None, by: User, *, fouten: Callable[[Ontzorging], dict[str, str]],
    velden: dict[str, object], historie: str,
) -> Ontzorging:
    """Change the running ontzorging (strict version) when `fouten` finds nothing; its end moves."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    ontzorging = _ontzorging(dossier, versie=versie)
    if gevonden := fouten(ontzorging):
        raise ValidationError(gevonden)
    for veld, waarde in velden.items():
        setattr(ontzorging, veld, waarde)
    opslaan(ontzorging, reden=historie, door=by)
    _termijnen(dossier.pk, by)  # ONTZORGING_EINDE moves, or is gehaald
    return ontzorging


@transaction.atomic
def ontzorging_verlengen(
    *, dossier_id: int, nieuw_einde: date, reden: str, versie: int | None, by: User
) -> Ontzorging:
    """Longer only by a separate decision, e.g. budgetbeheer [BELEID: extension allowed]."""
    return _ontzorging_wijzigen(
        dossier_id, versie, by, velden={"verlengd_tot": nieuw_einde, "verlenging_reden": reden},
        fouten=lambda o: rules.verlenging_fouten(huidig_einde=o.geplande_laatste_dag, nieuw_einde=nieuw_einde,
                                                 reden=reden),
        historie=f"Verlengd tot {nieuw_einde:%d-%m-%Y}: {reden}",
    )


@transaction.atomic
def ontzorging_beeindigen(*, dossier_id: int, datum: date, reden: str, versie: int | None, by: User) -> Ontzorging:
    """Ends earlier when the bijstand ends (Pw 56a)."""
    return _ontzorging_wijzigen(
        dossier_id, versie, by, velden={"beeindigd_op": datum, "beeindig_reden": reden},
        fouten=lambda o: rules.vroegtijdig_einde_fouten(start=o.bijstand_start, huidig_einde=o.geplande_laatste_dag,
                                                        datum=datum, reden=reden),
        historie=f"Eerder beëindigd op {datum:%d-%m-%Y}: {reden}",
    )


@transaction.atomic
def ontzorging_notitie_toevoegen(*, dossier_id: int, datum: date, tekst: str, by: User) -> OntzorgingNotitie:
    """Coaching towards financial self-reliance continues after the payments end."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    ontzorging = _ontzorging(dossier, lopend=False)
    _niet_in_toekomst(datum)
    if not tekst.strip():
        raise ValidationError({"tekst": str(TOELICHTING_NODIG)})
    notitie = OntzorgingNotitie(ontzorging=ontzorging, datum=datum, tekst=tekst, door=by)
    opslaan(notitie, reden="Coachingsnotitie", door=by)
    return notitie


# --- maatschappelijke begeleiding ------------------------------------------------------------------
@transaction.atomic
def begeleiding_starten(
    *, dossier_id: int, aanbieder_id: int | None, versie: int | None = 0, by: User
) -> MaatschappelijkeBegeleiding:
    """Wet 13: for asielstatushouders, starting on the day of BRP registration. Once per dossier, like
    `ontzorging_starten` (version 0: not started yet)."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    enkel_vergrendelen(MaatschappelijkeBegeleiding.objects.filter(dossier=dossier), versie=versie)
    if fout := rules.begeleiding_fout(is_asiel=dossier.is_asiel, brp_vestiging=dossier.datum_brp_vestiging):
        raise ValidationError(fout)
    begeleiding = MaatschappelijkeBegeleiding(
        dossier=dossier, aanbieder=_aanbieder(aanbieder_id), startdatum=dossier.datum_brp_vestiging
    )
    opslaan(begeleiding, reden="Maatschappelijke begeleiding gestart", door=by)
    return begeleiding


@transaction.atomic
def mb_activiteit_vastleggen(
    *, dossier_id: int, soort: str, datum: date, uren: Decimal | None = None, aanbieder_id: int | None = None,
    notitie: str = "", by: User,
) -> MbActiviteit:
    """An activity of the begeleiding; its hours go into the ledger (category maatschappelijke
    begeleiding) and count for the Z-route when the setting says so."""
    dossier = _dossier_vergrendelen(dossier_id, by)
    begeleiding = enkel_vergrendelen(MaatschappelijkeBegeleiding.objects.filter(dossier=dossier))
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
    opslaan(activiteit, reden=f"Activiteit {activiteit.get_soort_display()}", door=by)
    if uren:
        regel = Uren(
            dossier=dossier, categorie=UrenCategorie.MB, van=datum, tot=datum, aantal=uren, aanbieder=aanbieder,
            tijdens_intake=_tijdens_intake(selectors.geldend_pip(dossier), datum), mb_activiteit=activiteit,
            toelichting=str(activiteit.get_soort_display()), vastgelegd_door=by,
        )
        opslaan(regel, reden="Uren uit maatschappelijke begeleiding", door=by)
    return activiteit


