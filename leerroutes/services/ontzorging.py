"""Financieel ontzorgen (Participatiewet art. 56a) and maatschappelijke begeleiding (Wet 13)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
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
    BESTAAT_AL,
    NOG_NIET_GESTART,
    ONTZORGING_BEEINDIGD,
    TOELICHTING_NODIG,
    _aanbieder,
    _dossier_voor_schrijven,
    _keuze,
    _niet_in_toekomst,
    _opslaan,
    _termijnen,
    _tijdens_intake,
)


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
        einde=rules.ontzorging_einde(bijstand_start, PipInstellingen.huidig().ontzorging_maanden),
    )
    _opslaan(ontzorging, "Financieel ontzorgen gestart", by)
    _termijnen(dossier.pk)  # ONTZORGING_EINDE
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
        soort=soort, soorten=LeerroutesInstellingen.huidig().ontzorging_vaste_lasten_lijst, bedrag=bedrag, van=van,
        tot=tot, start=ontzorging.bijstand_start, einde=ontzorging.geplande_laatste_dag,
    )
    if fouten:
        raise ValidationError(fouten)
    last = VasteLast(ontzorging=ontzorging, soort=soort, begunstigde=begunstigde, bedrag=bedrag, van=van, tot=tot)
    _opslaan(last, f"Vaste last {soort} toegevoegd", by)
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
    _opslaan(ontzorging, f"Verlengd tot {nieuw_einde:%d-%m-%Y}: {reden}", by)
    _termijnen(dossier.pk)  # ONTZORGING_EINDE moves
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
    _opslaan(ontzorging, f"Eerder beëindigd op {datum:%d-%m-%Y}: {reden}", by)
    _termijnen(dossier.pk)  # ONTZORGING_EINDE gehaald
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
    _opslaan(notitie, "Coachingsnotitie", by)
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
    _opslaan(begeleiding, "Maatschappelijke begeleiding gestart", by)
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
    _opslaan(activiteit, f"Activiteit {activiteit.get_soort_display()}", by)
    if uren:
        regel = Uren(
            dossier=dossier, categorie=UrenCategorie.MB, van=datum, tot=datum, aantal=uren, aanbieder=aanbieder,
            tijdens_intake=_tijdens_intake(selectors.geldend_pip(dossier), datum), mb_activiteit=activiteit,
            toelichting=str(activiteit.get_soort_display()), vastgelegd_door=by,
        )
        _opslaan(regel, "Uren uit maatschappelijke begeleiding", by)
    return activiteit


