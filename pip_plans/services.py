"""Write use-cases for the PIP. Each: lock, check permission, validate with the pure rules,
transition, save with a history reason. Vaststellen renders the beschikking in the same
transaction: no vastgesteld PIP without its document."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_fsm import can_proceed

from cases import access
from cases.models import Dossier, Fase
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.documenten.services import document_opslaan
from inburgering.documenten.talen import brief_taal
from inburgering.documenten.verzending import verzending_aanmaken
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender import datums
from inburgering.kalender.selectors import bezwaar_einde, vandaag
from inburgering.schrijven import NIET_CONTROLEREN, opslaan, vergrendelen, versie_controleren

from . import haken, rules, selectors
from .instellingen import PipInstellingen
from .models import InformatieVerzoek, Pip, PipStatus, TermijnVerlengingDuo, WijzigingReden
from .selectors import geldend_pip

BESCHIKKING_TEMPLATE = "pip_plans/beschikking.html"
BESCHIKKING_TEMPLATE_VERSIE = "2026.5"  # 2026.5: letter head, bezwaar text by post, the plain-language summary
AFSCHALEN_MINIMUM_UREN = 600  # Besluit 5.5: a rule of law, not a policy setting

NIET_BEWERKBAAR = _("Dit PIP kan niet meer worden gewijzigd; maak een nieuwe versie.")
ALLEEN_CONSULENT = _("Alleen een consulent inburgering kan een PIP beoordelen en vaststellen.")
EIGEN_PIP = _("U heeft dit PIP zelf opgesteld. Een andere consulent moet het vaststellen (vier ogen).")
MEEGESCHREVEN = _("U heeft aan deze versie van het PIP meegeschreven. Een andere consulent moet het vaststellen (vier ogen).")
BIJGEWERKT = "PIP bijgewerkt"
OPMERKING_VERPLICHT = _("Schrijf op wat er moet worden aangepast.")
FASE_ONJUIST = rules.FASE_ONJUIST
AL_OPEN = rules.AL_OPEN
GEEN_GELDEND_PIP = rules.GEEN_GELDEND_PIP
REDEN_WIJZIGING = _("Kies de reden van de wijziging.")

TERMIJN_ONBEKEND_CODE = "termijn_onbekend"
NIET_CONCEPT = _("Dit kan alleen met een concept-PIP.")
NIET_TER_BEOORDELING = _("Dit PIP staat niet (meer) ter beoordeling.")

DUO_VELDEN = ("leerroute", "niveau", "alfabetisering", "b1_intensiteit", "mag_opleiding_afmaken")


def _mag_bewerken(by: User) -> Callable[[Pip | InformatieVerzoek], bool]:
    """The edit rule for a row of a dossier: who may change the dossier may change it."""
    return lambda obj: access.mag_dossier_bewerken(by, obj.dossier)


def _dossier(dossier_id: int, by: User) -> Dossier:
    """The kernel preamble for a write on a dossier: visible, locked, editable by `by`."""
    return vergrendelen(access.zichtbare_dossiers(by).select_related("inburgeraar"), pk=dossier_id,
                        mag=lambda dossier: access.mag_dossier_bewerken(by, dossier))


def _zichtbaar(queryset: QuerySet, by: User) -> QuerySet:
    return queryset.filter(dossier__in=access.zichtbare_dossiers(by).values("pk"))


def _pip(pip_id: int, by: User, *, bewerken: bool = True, versie: int | None = NIET_CONTROLEREN) -> Pip:
    """The kernel preamble for a write on a PIP version: visible, locked, and — unless a consulent
    reviews it (`bewerken=False`: who may review is its own rule) — editable by `by`; with the
    strict version check when a form sends one."""
    return vergrendelen(
        _zichtbaar(Pip.objects.select_related("dossier__inburgeraar", "vorige"), by), pk=pip_id,
        mag=_mag_bewerken(by) if bewerken else None, versie=versie,
    )


def _overgang_toegestaan(overgang, melding) -> None:
    """A transition that is not allowed from the current status is a user-facing error, not a crash
    (e.g. a second click on 'vaststellen' after another consulent already did it)."""
    if not can_proceed(overgang):
        raise ValidationError(melding, code="status")


GELDIGE_STATUSSEN = [PipStatus.VASTGESTELD, PipStatus.VERVANGEN]


def _eerste_pip(dossier: Dossier, pip: Pip) -> bool:
    """DUO's "very first PIP of the person, in any gemeente": no earlier vastgesteld PIP of the
    person here (any of their dossiers) and none recorded elsewhere on the dossier."""
    if dossier.eerder_pip_elders:
        return False
    return not (
        Pip.objects.filter(dossier__inburgeraar_id=dossier.inburgeraar_id, status__in=GELDIGE_STATUSSEN)
        .exclude(pk=pip.pk).exists()
    )


def vorig_pip_van_persoon(pip: Pip) -> Pip | None:
    """The person's previous PIP: the version this one replaces, or for a first version the latest
    vastgesteld PIP of an earlier dossier of the same person here (None after a move from elsewhere)."""
    if pip.vorige is not None:
        return pip.vorige
    return (
        Pip.objects.filter(dossier__inburgeraar_id=pip.dossier.inburgeraar_id, status__in=GELDIGE_STATUSSEN)
        .exclude(dossier_id=pip.dossier_id).order_by("-dagtekening", "-pk").first()
    )


def _volgende_versie(dossier: Dossier) -> int:
    """Version numbers are never reused: a withdrawn draft keeps its number."""
    return (dossier.pips.aggregate(hoogste=Max("versie"))["hoogste"] or 0) + 1


def lbt_uitkomst(dossier: Dossier) -> str | None:
    intake = getattr(dossier, "brede_intake", None)
    return intake.lbt_uitkomst if intake and intake.lbt_uitkomst else None


def inhoud_valideren(pip: Pip) -> None:
    """Every rule that can be checked before the dagtekening is known: DUO's content rules, the
    LBT motivation, and for a wijziging the schakel- or afschaalregels."""
    dossier = pip.dossier
    fouten = rules.inhoud_fouten(rules.PipFeiten(
        leerroute=pip.leerroute, niveau=pip.niveau or None, b1_intensiteit=pip.b1_intensiteit,
        is_asiel=dossier.is_asiel, eerste_pip=_eerste_pip(dossier, pip),
    ))
    fouten.update(rules.onderdelen_fouten(
        leerroute=pip.leerroute, is_asiel=dossier.is_asiel, ontzorgen=pip.ontzorgen,
        ontzorgen_start=pip.ontzorgen_start, map_vorm=pip.map_vorm,
    ))
    if rules.wijkt_af_van_lbt(leerroute=pip.leerroute, lbt=lbt_uitkomst(dossier)) and not (
        pip.lbt_afwijking_motivering.strip()
    ):
        fouten.setdefault("lbt_afwijking_motivering", str(rules.AFWIJKING_LBT))
    vorige = pip.vorige
    if vorige is not None:
        fouten.update(_wijziging_fouten(pip, vorige))
    if _a2_vraagt_afschalen(pip) and not (
        vorige is not None and pip.wijziging_reden in (WijzigingReden.AFSCHALEN, WijzigingReden.SCHAKELEN)
    ):
        fouten.setdefault("niveau", str(rules.A2_ALLEEN_AFSCHALEN if vorige else rules.A2_EERST_B1))
    if fouten:
        raise ValidationError(fouten)


def _a2_vraagt_afschalen(pip: Pip) -> bool:
    vorig = vorig_pip_van_persoon(pip)
    return rules.a2_vraagt_afschalen(
        leerroute=pip.leerroute, niveau=pip.niveau or None,
        vorige_route=vorig.leerroute if vorig else None, vorige_niveau=vorig.niveau_of_standaard if vorig else None,
    )


def afschaal_voorwaarden(pip: Pip) -> rules.AfschaalVoorwaarden:
    return rules.AfschaalVoorwaarden(
        onderdelen=pip.afschalen_onderdelen, geheel=pip.afschalen_geheel, nt2_uren=afschalen_nt2_uren(pip),
        minimum_uren=AFSCHALEN_MINIMUM_UREN, inspanning=pip.afschalen_inspanning,
        onhaalbaar_op=pip.afschalen_onhaalbaar_op, onhaalbaar_grond=pip.afschalen_onhaalbaar_grond, vandaag=vandaag(),
    )


def _wijziging_fouten(pip: Pip, vorige: Pip) -> dict[str, str]:
    if pip.wijziging_reden == WijzigingReden.SCHAKELEN:
        fouten = rules.schakel_fouten(
            van=vorige.leerroute, naar=pip.leerroute, termijn_start=vorige.termijn_start, datum=vandaag(),
            schakel_maanden=rules.SCHAKEL_MAANDEN, uitzondering=pip.schakel_uitzondering,
            motivering=pip.schakel_motivering,
        )
        if _a2_vraagt_afschalen(pip):  # onderwijsroute → B1-route at A2: the conditions of Besluit 5.5
            fouten.update(rules.afschaal_voorwaarden_fouten(afschaal_voorwaarden(pip)))
        return fouten
    if pip.wijziging_reden == WijzigingReden.AFSCHALEN:
        return rules.afschalen_fouten(
            van_route=vorige.leerroute, van_niveau=vorige.niveau_of_standaard, naar_route=pip.leerroute,
            naar_niveau=pip.niveau or None, voorwaarden=afschaal_voorwaarden(pip),
        )
    if pip.leerroute != vorige.leerroute:
        # A route change is a schakeling, whatever reason was picked; it keeps its own rules.
        return {"wijziging_reden": str(_("De leerroute verandert: kies als reden 'Schakelen'."))}
    return {}


def geregistreerde_nt2_uren(dossier: Dossier) -> int:
    """Besluit 5.5: the NT2 hours registered at keurmerk or taalschakeltraject institutions
    (intake-phase and alfabetisering hours included), through the hook the traject app provides;
    whole hours, rounded down: 599,5 is not 600."""
    return int(haken.geregistreerde_nt2_uren(dossier))


def afschalen_nt2_uren(pip: Pip) -> int:
    """The hours the afschalen check counts: the registered hours are the source of truth as soon as
    any are registered; the number typed on the wijziging only when none are (e.g. hours followed
    before this system, with the aanbieder's statement in the file)."""
    geregistreerd = geregistreerde_nt2_uren(pip.dossier)
    return geregistreerd if geregistreerd > 0 else (pip.afschalen_nt2_uren or 0)


@transaction.atomic
def pip_opstellen(*, dossier_id: int, gegevens: dict[str, Any], by: User) -> Pip:
    """Draft the first PIP of a dossier (after the brede intake)."""
    dossier = _dossier(dossier_id, by)
    if fout := rules.opstellen_fout(in_opstelling=dossier.fase == Fase.PIP_IN_OPSTELLING,
                                    statussen=_statussen(dossier)):
        raise ValidationError(fout)
    pip = Pip(dossier=dossier, versie=_volgende_versie(dossier), auteur=by, **gegevens)
    _ontzorgen_controleren(pip)
    opslaan(pip, reden="PIP opgesteld", door=by)
    return pip


@transaction.atomic
def pip_wijziging_starten(*, dossier_id: int, reden: str, toelichting: str, by: User) -> Pip:
    """A change (schakelen, afschalen, verhuizing, other) is a new version drafted from the current
    one (Besluit 5.3 lid 6). The termijn start is carried over and never moves (Wet 11 lid 3)."""
    dossier = _dossier(dossier_id, by)
    if reden not in WijzigingReden.values or reden == WijzigingReden.EERSTE:
        raise ValidationError({"reden": str(REDEN_WIJZIGING)})
    if fout := rules.wijziging_fout(statussen=_statussen(dossier)):
        raise ValidationError(fout)
    huidig = geldend_pip(dossier)
    kopie_velden = [
        f.name for f in Pip._meta.concrete_fields
        if f.name in {*DUO_VELDEN, "lbt_afwijking_motivering", "aanbieder", "leerroute_afspraken", "periode_maanden",
                      "pvt_vorm", "pvt_intensiteit", "pvt_geplande_start", "map_vorm", "map_intensiteit",
                      "knm_afspraken", "ontzorgen", "ontzorgen_start", "ontzorgen_vaste_lasten",
                      "maatschappelijke_begeleiding", "participatie", "participatiewet", "kinderopvang",
                      "vve_afspraken", "aantal_voortgangsgesprekken",
                      # Which exam parts are at A2 is a standing fact of the plan, not of one change.
                      "afschalen_geheel", "afschalen_onderdelen"}
    ]
    nieuw = Pip(
        dossier=dossier, versie=_volgende_versie(dossier), vorige=huidig, auteur=by, wijziging_reden=reden,
        wijziging_toelichting=toelichting, termijn_start=huidig.termijn_start,
        **{veld: getattr(huidig, veld) for veld in kopie_velden},
    )
    opslaan(nieuw, reden=f"Wijziging gestart ({nieuw.get_wijziging_reden_display()})", door=by)
    return nieuw


def _statussen(dossier: Dossier) -> list[str]:
    return list(dossier.pips.values_list("status", flat=True))


def _ontzorgen_controleren(pip: Pip) -> None:
    """The ontzorgen rule holds on every save of the plan; without ontzorgen there is no start date
    and no fixed costs to keep."""
    if fouten := rules.ontzorgen_fouten(ontzorgen=pip.ontzorgen, vaste_lasten=pip.ontzorgen_vaste_lasten):
        raise ValidationError(fouten)
    if not pip.ontzorgen:
        pip.ontzorgen_start = None
        pip.ontzorgen_vaste_lasten = []


@transaction.atomic
def pip_bijwerken(*, pip_id: int, wijzigingsnummer: int | None, gegevens: dict[str, Any], by: User) -> Pip:
    """Save the concept's content. Strict optimistic lock: the `wijzigingsnummer` the form was opened
    on must be the current one (a missing one is refused too)."""
    pip = _pip(pip_id, by, versie=wijzigingsnummer)
    if not pip.is_bewerkbaar:
        raise ValidationError(NIET_BEWERKBAAR)
    for veld, waarde in gegevens.items():
        setattr(pip, veld, waarde)
    _ontzorgen_controleren(pip)
    opslaan(pip, reden=BIJGEWERKT, door=by)  # the history user: four eyes reads who wrote this version
    return pip


@transaction.atomic
def pip_indienen(*, pip_id: int, by: User) -> Pip:
    """Offer the draft for review; DUO's rules are checked now and again at vaststellen."""
    pip = _pip(pip_id, by)
    _overgang_toegestaan(pip.indienen, NIET_CONCEPT)
    inhoud_valideren(pip)
    if fout := rules.indienen_termijn_fout(pip_deadline_bij_indienen(pip.dossier)):
        raise ValidationError(fout, code=TERMIJN_ONBEKEND_CODE)
    pip.indienen()
    pip.ingediend_op = timezone.now()
    opslaan(pip, reden="Ter beoordeling aangeboden", door=by)
    return pip


def pip_deadline_bij_indienen(dossier: Dossier) -> rules.PipDeadline | None:
    """The deadline to vaststellen the dossier's first PIP, or None once a PIP is vastgesteld (a wijziging
    has no such term)."""
    if dossier.pips.filter(status=PipStatus.VASTGESTELD).exists():
        return None
    return selectors.pip_deadline_voor(dossier).deadline


def heeft_meegeschreven(pip: Pip, user: User) -> bool:
    """Four eyes: the author, and anyone who changed this version's content (e.g. a consulent who
    edited a returned draft), may not vaststellen it."""
    return pip.auteur_id == user.pk or pip.history.filter(
        history_user_id=user.pk, history_change_reason=BIJGEWERKT
    ).exists()


def _alleen_consulent(by: User) -> None:
    if not by.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied(ALLEEN_CONSULENT)


def _gezien(pip: Pip, versie: int | None) -> None:
    """A review decides on the content the consulent saw: the review page sends the version it showed,
    and a version that was sent back, changed and offered again since is refused (strict: a missing
    one too). Checked after the status, so a second click on a decided PIP still says so."""
    versie_controleren(pip, versie)


@transaction.atomic
def pip_terugsturen(*, pip_id: int, opmerkingen: str, versie: int | None, by: User) -> Pip:
    _alleen_consulent(by)
    pip = _pip(pip_id, by, bewerken=False)
    if not opmerkingen.strip():
        raise ValidationError({"opmerkingen": str(OPMERKING_VERPLICHT)})
    _overgang_toegestaan(pip.terugsturen, NIET_TER_BEOORDELING)
    _gezien(pip, versie)
    pip.terugsturen()
    pip.beoordeling_opmerkingen = opmerkingen
    opslaan(pip, reden=f"Teruggestuurd: {opmerkingen}", door=by)
    return pip


@transaction.atomic
def pip_vaststellen(
    *, pip_id: int, dagtekening: date, bekendmaking: date | None = None, per_post: bool = False,
    versie: int | None, by: User,
) -> Pip:
    """Vaststellen as a beschikking (Wet 15, Awb): by a consulent who is not the author; every rule
    checked again; the first version starts the inburgeringstermijn on the day after its
    dagtekening; the previous version becomes vervangen; the dossier moves to in_uitvoering; the
    beschikking PDF is rendered and stored in this same transaction; then the apps above follow it
    (`haken.pip_vastgesteld`), in the same transaction. The review page sends the `versie` it showed.

    Bekendmaking (issue 15): handed over in person on `bekendmaking`, or `per_post` — then it waits for
    the daily print batch, and the bezwaartermijn starts only when the postkamer confirms the posting
    (`beschikking_bekendgemaakt`). Not by post without an address."""
    if per_post:
        bekendmaking = None
    elif bekendmaking is None:
        raise ValidationError({"uitgereikt_op": str(_("Vul de datum van uitreiking in."))})
    _alleen_consulent(by)
    pip = _pip(pip_id, by, bewerken=False)
    _overgang_toegestaan(pip.vaststellen, NIET_TER_BEOORDELING)
    _gezien(pip, versie)
    if pip.auteur_id == by.pk:
        raise PermissionDenied(EIGEN_PIP)
    if heeft_meegeschreven(pip, by):
        raise PermissionDenied(MEEGESCHREVEN)
    dossier = vergrendelen(Dossier.objects.select_related("inburgeraar"), pk=pip.dossier_id)
    pip.dossier = dossier
    inhoud_valideren(pip)
    vorige = pip.vorige
    fouten = rules.dagtekening_fouten(
        dagtekening=dagtekening, bekendmaking=bekendmaking, vandaag=vandaag(),
        plicht_start=dossier.datum_kennisgeving,
        vestiging=dossier.datum_vestiging_na_verhuizing or dossier.datum_brp_vestiging,
        huidige_dagtekening=vorige.dagtekening if vorige else None,
    )
    if "bekendmaking" in fouten:  # the form's field for a handover
        fouten["uitgereikt_op"] = fouten.pop("bekendmaking")
    if fouten:
        raise ValidationError(fouten)
    if vorige is not None:
        vorige = vergrendelen(Pip.objects.all(), pk=vorige.pk)
        vorige.vervangen()
        opslaan(vorige, reden=f"Vervangen door versie {pip.versie}", door=by)
    pip.vaststellen()
    pip.dagtekening = dagtekening
    pip.bekendmaking = bekendmaking
    pip.bezwaar_einde = bezwaar_einde(bekendmaking) if bekendmaking else None
    pip.termijn_start = pip.termijn_start or rules.termijn_start_na_dagtekening(dagtekening)
    pip.vastgesteld_door = by
    pip.vastgesteld_op = timezone.now()
    pip.document = document_opslaan(
        template_naam=BESCHIKKING_TEMPLATE, template_versie=BESCHIKKING_TEMPLATE_VERSIE,
        context=beschikking_context(pip), titel=f"Beschikking PIP {dossier.inburgeraar} versie {pip.versie}",
        soort="pip_beschikking", by=by, dossier_id=pip.dossier_id,
    )
    verzending_aanmaken(document=pip.document, dossier_id=dossier.pk, soort="pip_beschikking", kenmerk=pip.kenmerk,
                        per_post=per_post, uitgereikt_op=bekendmaking,
                        heeft_adres=bool(dossier.inburgeraar.adresregels))
    opslaan(pip, reden="Vastgesteld", door=by)
    if dossier.fase == Fase.PIP_IN_OPSTELLING:
        dossier.start_uitvoering()
        opslaan(dossier, reden="PIP vastgesteld", door=by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    haken.pip_vastgesteld(pip, by)  # e.g. a schakeling stops the enrolment in the old route
    return pip


def beschikking_bekendgemaakt(verzending, datum: date, door: User) -> None:
    """The postkamer confirmed the batch with this beschikking as posted on `datum`: that is its bekendmaking
    (Awb 3:41); the bezwaartermijn runs from the next day (Awb 6:8) and the termijnen follow."""
    pip = vergrendelen(Pip.objects.all(), document_id=verzending.document_id)
    pip.bekendmaking = datum
    pip.bezwaar_einde = bezwaar_einde(datum)
    opslaan(pip, reden=f"Bekendgemaakt: verzonden op {datum:%d-%m-%Y}", door=door)
    termijnen_herberekenen(dossier_id=pip.dossier_id, by=door)


def beschikking_context(pip: Pip) -> dict[str, Any]:
    instellingen = GemeenteInstellingen.huidig()
    pip_instellingen = PipInstellingen.huidig()
    termijn = datums.inburgeringstermijn(pip.termijn_start, rules.INBURGERINGSTERMIJN_JAREN)
    return {
        "pip": pip,
        "dossier": pip.dossier,
        "inburgeraar": pip.dossier.inburgeraar,
        "gemeente": instellingen,
        "pip_instellingen": pip_instellingen,
        "termijn": termijn,
        "consulent": pip.vastgesteld_door,
        "bezwaar_weken": datums.BEZWAAR_WEKEN,
        "inburgeringstermijn_jaren": rules.INBURGERINGSTERMIJN_JAREN,
        # The summary (templates/pip_plans/_samenvatting.html): the contact, and the person's language (None:
        # Dutch only; a code no longer in settings.BRIEF_TALEN falls back to Dutch only).
        "werkcoach": pip.dossier.werkcoach,
        "samenvatting_taal": brief_taal(pip.dossier.inburgeraar.correspondentietaal),
    }


@transaction.atomic
def pip_intrekken(*, pip_id: int, reden: str, versie: int | None, by: User) -> Pip:
    """Withdraw a draft that will not be used (e.g. the wrong route was started). Strict version: a
    draft a colleague changed since the page was opened is not withdrawn unseen."""
    pip = _pip(pip_id, by, versie=versie)
    if not reden.strip():
        raise ValidationError({"reden": str(_("Geef een reden op."))})
    _overgang_toegestaan(pip.intrekken, NIET_CONCEPT)
    pip.intrekken()
    # `vorige` is one-to-one: a withdrawn wijziging must release the current version, or no new
    # wijziging of it could ever be started. The link stays in the history rows.
    pip.vorige = None
    opslaan(pip, reden=f"Ingetrokken: {reden}", door=by)
    return pip


@transaction.atomic
def informatieverzoek_vastleggen(
    *, dossier_id: int, wat: str, van_wie: str, gevraagd_op: date, by: User
) -> InformatieVerzoek:
    """Record that the plan waits for third-party information (Besluit 5.3 lid 2)."""
    dossier = _dossier(dossier_id, by)
    if gevraagd_op > vandaag():
        raise ValidationError({"gevraagd_op": str(_("Deze datum ligt in de toekomst."))})
    verzoek = InformatieVerzoek(dossier=dossier, wat=wat, van_wie=van_wie, gevraagd_op=gevraagd_op, vastgelegd_door=by)
    opslaan(verzoek, reden="Informatie gevraagd", door=by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return verzoek


@transaction.atomic
def informatie_ontvangen(*, verzoek_id: int, ontvangen_op: date, versie: int | None, by: User) -> InformatieVerzoek:
    """Record when the requested information arrived; the PIP deadline runs again from then (Besluit
    5.3 lid 2). Strict version: a colleague's recorded date is not overwritten unseen."""
    verzoek = vergrendelen(_zichtbaar(InformatieVerzoek.objects.select_related("dossier"), by), pk=verzoek_id,
                           mag=_mag_bewerken(by), versie=versie)
    if ontvangen_op > vandaag():
        raise ValidationError({"ontvangen_op": str(_("Deze datum ligt in de toekomst."))})
    if ontvangen_op < verzoek.gevraagd_op:
        raise ValidationError({"ontvangen_op": str(_("De ontvangst kan niet vóór de aanvraag liggen."))})
    verzoek.ontvangen_op = ontvangen_op
    opslaan(verzoek, reden="Informatie ontvangen", door=by)
    termijnen_herberekenen(dossier_id=verzoek.dossier_id, by=by)
    return verzoek


@transaction.atomic
def termijnverlenging_duo_vastleggen(
    *, dossier_id: int, besluitdatum: date, grond: str, duo_einddatum: date, toelichting: str = "", by: User
) -> TermijnVerlengingDuo:
    """Record DUO's decision extending the inburgeringstermijn (SS103 ambtshalve / SS104 op aanvraag).
    DUO's exclusive `einddatum` is stored as sent and wins over ours (DOMAIN §8); the start never
    moves (Wet 11 lid 3). The termijnen due at the end of the termijn follow in the same transaction."""
    dossier = _dossier(dossier_id, by)
    if not dossier.is_actief:
        raise ValidationError(_("Dit dossier is al afgesloten."))
    eerste = (
        Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN])
        .order_by("versie").first()
    )
    if eerste is None or eerste.termijn_start is None:
        raise ValidationError(_("Er loopt nog geen inburgeringstermijn: er is geen vastgesteld PIP."))
    if grond not in TermijnVerlengingDuo.Grond.values:
        raise ValidationError({"grond": str(_("Kies de grond van het besluit."))})
    if besluitdatum > vandaag():
        raise ValidationError({"besluitdatum": str(_("Deze datum ligt in de toekomst."))})
    gewoon = datums.inburgeringstermijn(eerste.termijn_start, rules.INBURGERINGSTERMIJN_JAREN).duo_einddatum
    if duo_einddatum <= gewoon:
        raise ValidationError({"duo_einddatum": str(_(
            "Een verlenging eindigt na de gewone einddatum (volgens DUO %(d)s)."
        ) % {"d": f"{gewoon:%d-%m-%Y}"})})
    verlenging = TermijnVerlengingDuo(
        dossier=dossier, besluitdatum=besluitdatum, grond=grond, duo_einddatum=duo_einddatum,
        toelichting=toelichting, vastgelegd_door=by,
    )
    opslaan(verlenging, reden=f"Verlenging DUO vastgelegd ({verlenging.get_grond_display()})", door=by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return verlenging
