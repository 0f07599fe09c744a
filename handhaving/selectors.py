"""Reads for handhaving: the lists (constant query count), the evidence timeline assembled from the
dossier, the facts the pure rules need, and the manager's KPIs."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.timezone import localdate

from cases import access
from cases.contact.rules import ContactSoort
from cases.models import Contactmoment, Dossier, Uitnodiging
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from leerroutes import selectors as leerroutes_selectors
from leerroutes.rules import UrenCategorie, uren_tekst
from pip_plans.models import Pip, PipStatus
from pip_plans.rules import Leerroute

from . import rules
from .models import OPEN_STATUSSEN, EerdereBoete, HandhavingInstellingen, Handhavingszaak, ZaakStatus
from .rules import BesluitUitkomst


def zaken_voor_dossier(dossier: Dossier) -> list[Handhavingszaak]:
    return list(
        Handhavingszaak.objects.filter(dossier=dossier)
        .select_related("geopend_door", "besluit_door")
        .order_by("-geopend_op", "-pk")
    )


def te_besluiten(*, user: User) -> QuerySet[Handhavingszaak]:
    """The consulent's queue: zaken with a voornemen out, the earliest zienswijze end first."""
    return (
        Handhavingszaak.objects.filter(status=ZaakStatus.VOORNEMEN,
                                       dossier__in=access.zichtbare_dossiers(user).values("pk"))
        .select_related("dossier__inburgeraar", "dossier__werkcoach", "geopend_door", "voornemen_door")
        .order_by("zienswijze_einde", "pk")
    )


# --- the cross-dossier list and its filters (the dashboard's numbers link here) ---------------------------
def open_zaken() -> QuerySet[Handhavingszaak]:
    """Every status but afgesloten (the list's `?status=open`)."""
    return Handhavingszaak.objects.filter(status__in=OPEN_STATUSSEN)


def boetes_beslist_in(jaar: int) -> QuerySet[Handhavingszaak]:
    """Fines decided (dagtekening) in this year, without those herroepen in bezwaar or annulled by a court. The dashboard's
    count and total and the list behind them both use this, so they cannot drift apart."""
    return (Handhavingszaak.objects.filter(besluit_uitkomst=BesluitUitkomst.BOETE, dagtekening__year=jaar)
            .exclude(VERNIETIGD))


# The query form of rules.vernietigd: herroepen on bezwaar, or annulled by the last judgment recorded.
VERNIETIGD = (Q(bezwaar_uitkomst=rules.BezwaarUitkomst.GEGROND)
              | Q(hoger_beroep_uitkomst=rules.RechterUitkomst.VERNIETIGD)
              | (Q(beroep_uitkomst=rules.RechterUitkomst.VERNIETIGD)
                 & ~Q(hoger_beroep_uitkomst=rules.RechterUitkomst.BOETE_BLIJFT)))


OPEN = "open"


@dataclass(frozen=True)
class ZaakFilter:
    status: str = ""  # a ZaakStatus or OPEN ("open": every status but afgesloten)
    boete_jaar: int | None = None
    afsluit_reden: str = ""


def zaken_lijst(*, user: User, filter: ZaakFilter | None = None) -> QuerySet[Handhavingszaak]:
    """Zaken of the dossiers the user may see, newest first; two queries with the paginator's count."""
    f = filter or ZaakFilter()
    zaken = access.beperk_tot_zichtbaar(Handhavingszaak.objects.all(), user)
    if f.status == OPEN:
        zaken = zaken.filter(status__in=OPEN_STATUSSEN)
    elif f.status:
        zaken = zaken.filter(status=f.status)
    if f.boete_jaar is not None:
        zaken = zaken.filter(pk__in=boetes_beslist_in(f.boete_jaar).values("pk"))
    if f.afsluit_reden:
        zaken = zaken.filter(status=ZaakStatus.AFGESLOTEN, afsluit_reden=f.afsluit_reden)
    return zaken.select_related("dossier__inburgeraar", "dossier__werkcoach").order_by("-geopend_op", "-pk")


def zaak_voor(*, user: User, zaak_id: int) -> Handhavingszaak:
    """A zaak whose dossier the user may see (DoesNotExist otherwise)."""
    return (
        Handhavingszaak.objects.select_related(
            "dossier__inburgeraar", "dossier__werkcoach", "dossier__team", "geopend_door", "voornemen_door",
            "besluit_door", "waarschuwing_document", "voornemen_document", "besluit_document", "rapport_door",
            "rapport_document",
        ).get(pk=zaak_id, dossier__in=access.zichtbare_dossiers(user).values("pk"))
    )


# --- facts for the rules -------------------------------------------------------------------------------
def oproepen(dossier: Dossier) -> list[rules.Oproep]:
    return [rules.Oproep(u.volgnummer, u.verschenen, u.waarschuwing_op)
            for u in Uitnodiging.objects.filter(dossier=dossier).order_by("volgnummer")]


def eerdere_boetes(zaak: Handhavingszaak) -> list[rules.EerdereBoete]:
    """Every fine imposed on the PERSON before this one (Besluit 7.1 lid 3 and 5): the decided fines in
    the other zaken of all their dossiers in this gemeente (Wet 22 intake fines included), and the fines
    of an earlier gemeente a consulent recorded (Wet 35 lid 4). Two queries."""
    inburgeraar_id = zaak.dossier.inburgeraar_id
    andere = (Handhavingszaak.objects.filter(dossier__inburgeraar_id=inburgeraar_id,
                                             besluit_uitkomst=BesluitUitkomst.BOETE)
              .exclude(pk=zaak.pk).order_by("dagtekening", "pk"))
    eigen = [
        rules.EerdereBoete(
            regime=z.regime, bedrag=z.boetebedrag or Decimal("0"), besluit_datum=z.dagtekening,
            geconstateerd_op=z.geconstateerd_op, onherroepelijk_op=z.onherroepelijk_op,
            nieuwe_termijn_einde=z.nieuwe_termijn_einde, herroepen=z.herroepen,
            zelfde_dossier=z.dossier_id == zaak.dossier_id, bron=f"zaak {z.pk}",
        )
        for z in andere
    ]
    elders = [
        rules.EerdereBoete(
            regime=b.regime, bedrag=b.bedrag, besluit_datum=b.opgelegd_op, geconstateerd_op=b.geconstateerd_op,
            onherroepelijk_op=b.onherroepelijk_op, herroepen=b.vervallen, zelfde_dossier=False,
            bron=f"gemeente {b.gemeente}",
        )
        for b in EerdereBoete.objects.filter(inburgeraar_id=inburgeraar_id).order_by("opgelegd_op", "pk")
    ]
    return eigen + elders


def eerdere_boetes_elders(dossier: Dossier) -> list[EerdereBoete]:
    """The fines of earlier gemeenten recorded for this dossier's inburgeraar (the handhaving tab)."""
    return list(EerdereBoete.objects.filter(inburgeraar_id=dossier.inburgeraar_id)
                .select_related("vastgelegd_door").order_by("opgelegd_op", "pk"))


@dataclass(frozen=True)
class BoeteInvoer:
    """What the consulent chooses; the rest of the facts come from the dossier."""

    verwijtbaarheid: str = ""
    verwijtbaarheid_reden: str = ""
    matiging: Decimal = Decimal("0")
    matiging_reden: str = ""
    duo_nieuwe_termijn_maanden: int | None = None
    duo_nieuwe_termijn_start: date | None = None


def berekening(zaak: Handhavingszaak, invoer: BoeteInvoer, *, peildatum: date,
               instellingen: HandhavingInstellingen | None = None) -> rules.Berekening:
    """The amount for this zaak now, with its derivation; for brede intake only when Wet 14 lid 1 was met."""
    if fouten := rules.verplichting_fouten(verplichting=zaak.verplichting, is_asiel=zaak.dossier.is_asiel):
        return rules.Berekening(None, None, [], fouten)
    if zaak.regime == rules.Regime.BREDE_INTAKE:
        fouten = rules.intake_voorwaarde_fouten(verplichting=zaak.verplichting, oproepen=oproepen(zaak.dossier))
        if fouten:
            return rules.Berekening(None, None, [], fouten)
    eerdere = eerdere_boetes(zaak)
    in_termijn = None
    if invoer.duo_nieuwe_termijn_maanden and invoer.duo_nieuwe_termijn_start:
        in_termijn = rules.in_nieuwe_termijn(eerdere, invoer.duo_nieuwe_termijn_start)
    intake = getattr(zaak.dossier, "brede_intake", None)
    feiten = rules.BoeteFeiten(
        regime=zaak.regime, overtreding_datum=zaak.overtreding_datum, peildatum=peildatum, eerdere=eerdere,
        eerdere_in_termijn=in_termijn, intake_afgerond_op=intake.afgerond_op if intake else None,
        verwijtbaarheid=invoer.verwijtbaarheid, verwijtbaarheid_reden=invoer.verwijtbaarheid_reden,
        matiging=invoer.matiging or Decimal("0"), matiging_reden=invoer.matiging_reden,
        duo_nieuwe_termijn_maanden=invoer.duo_nieuwe_termijn_maanden, geconstateerd_op=zaak.geconstateerd_op,
    )
    return rules.boete_berekenen(feiten)


# --- the evidence timeline -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Gebeurtenis:
    datum: date
    titel: str
    tekst: str = ""
    bron: str = ""  # "dossier" (assembled) or "zaak"
    document_soort: str = ""  # a letter of this zaak to download
    notitie_id: int | None = None  # an attachment to download
    bijlage_naam: str = ""


def _contactmomenten_no_show(dossier: Dossier) -> list[Gebeurtenis]:
    return [
        Gebeurtenis(c.datum, "Niet verschenen op een afspraak (no-show)", c.onderwerpen or c.afspraken, "dossier")
        for c in Contactmoment.objects.filter(dossier=dossier, soort=ContactSoort.NO_SHOW).order_by("datum", "pk")
    ]


def _uren_tegen_pip(dossier: Dossier) -> list[Gebeurtenis]:
    """The hours recorded against what the geldende PIP agreed, as of today (leerroutes computes the
    shortfalls): taal en KNM against the B1 intensity (asiel), PVT and MAP against their norms."""
    if leerroutes_selectors.geldend_pip(dossier) is None:
        return []
    overzicht = leerroutes_selectors.traject_overzicht(dossier)
    pip, totalen = overzicht.pip, overzicht.uren_totalen
    regels = []
    taal = totalen.get(UrenCategorie.TAAL_KNM, Decimal(0))
    if pip.leerroute == Leerroute.B1 and pip.b1_intensiteit:
        tekort = max(Decimal(pip.b1_intensiteit) - taal, Decimal(0))
        regels.append(f"Taal en KNM: {uren_tekst(taal)} van {pip.b1_intensiteit} uur uit het PIP"
                      + (f", nog {uren_tekst(tekort)} uur." if tekort else "."))
    else:
        regels.append(f"Taal en KNM: {uren_tekst(taal)} uur geregistreerd.")
    regels.append(f"PVT: {uren_tekst(totalen.get(UrenCategorie.PVT, Decimal(0)))} uur; MAP-praktijk: "
                  f"{uren_tekst(totalen.get(UrenCategorie.MAP_PRAKTIJK, Decimal(0)))} uur.")
    open_punten = overzicht.pvt_ontbreekt + ([] if overzicht.map_vrijgesteld else overzicht.map_ontbreekt)
    if open_punten:
        regels.append("Nog open: " + "; ".join(open_punten) + ".")
    return [Gebeurtenis(vandaag(), "Uren ten opzichte van het PIP (stand vandaag)", " ".join(regels), "dossier")]


def _uitnodigingen(dossier: Dossier) -> list[Gebeurtenis]:
    uitkomst = []
    for u in Uitnodiging.objects.filter(dossier=dossier).order_by("volgnummer"):
        if u.waarschuwing_op:
            uitkomst.append(Gebeurtenis(u.waarschuwing_op, "Schriftelijke waarschuwing brede intake (art. 14 lid 1)",
                                        f"Verstuurd bij oproep {u.volgnummer}.", "dossier"))
        status = {True: "verschenen", False: "niet verschenen", None: "uitkomst nog niet vastgelegd"}[u.verschenen]
        uitkomst.append(Gebeurtenis(u.gesprek_op, f"Oproep {u.volgnummer} brede intake: {status}",
                                    f"Verzonden op {u.verzonden_op:%d-%m-%Y}." if u.verzonden_op
                                    else "De brief wacht op verzending.", "dossier"))
    return uitkomst


def _pips(dossier: Dossier) -> list[Gebeurtenis]:
    return [
        Gebeurtenis(p.dagtekening, f"PIP versie {p.versie} vastgesteld ({p.get_status_display().lower()})",
                    f"{p.get_leerroute_display()}; PVT: {p.pvt_intensiteit or '—'}; MAP: {p.map_intensiteit or '—'}.",
                    "dossier")
        for p in Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN])
        if p.dagtekening
    ]


def _andere_zaken(zaak: Handhavingszaak) -> list[Gebeurtenis]:
    uitkomst = []
    for z in Handhavingszaak.objects.filter(dossier_id=zaak.dossier_id).exclude(pk=zaak.pk):
        if z.waarschuwing_op:
            uitkomst.append(Gebeurtenis(z.waarschuwing_op, f"Eerdere waarschuwing (zaak {z.pk})",
                                        z.get_verplichting_display(), "dossier"))
        if z.voornemen_op:
            uitkomst.append(Gebeurtenis(z.voornemen_op, f"Eerder voornemen (zaak {z.pk})",
                                        z.get_verplichting_display(), "dossier"))
        if z.besluit_uitkomst:
            bedrag = f" {rules.euro(z.boetebedrag)}" if z.boetebedrag else ""
            uitkomst.append(Gebeurtenis(z.dagtekening, f"Eerder besluit (zaak {z.pk}): {z.get_besluit_uitkomst_display()}"
                                        f"{bedrag}", z.get_verplichting_display(), "dossier"))
    return uitkomst


def _eigen(zaak: Handhavingszaak) -> list[Gebeurtenis]:
    uitkomst = [Gebeurtenis(zaak.geopend_op.date(), "Zaak geopend", zaak.omschrijving, "zaak")]
    uitkomst += [Gebeurtenis(g.datum, g.get_uitkomst_display(),
                             g.verslag + (f"\nCautie (Awb 5:10a): {g.get_cautie_display()}" if g.cautie else ""), "zaak")
                 for g in zaak.gesprekken.all()]
    uitkomst += [Gebeurtenis(n.datum, "Notitie", n.tekst, "zaak", notitie_id=n.pk if n.bijlage else None,
                             bijlage_naam=n.bijlage_naam) for n in zaak.notities.all()]
    if zaak.waarschuwing_op:
        uitkomst.append(Gebeurtenis(zaak.waarschuwing_op, "Schriftelijke waarschuwing verstuurd",
                                    zaak.waarschuwing_toelichting, "zaak", document_soort="waarschuwing"))
    if zaak.rapport_dagtekening:
        uitkomst.append(Gebeurtenis(zaak.rapport_dagtekening, "Rapport opgemaakt (Awb 5:48)",
                                    zaak.rapport_overtreding, "zaak", document_soort="rapport"))
    if zaak.voornemen_op:
        uitkomst.append(Gebeurtenis(zaak.voornemen_op, "Voornemen tot boete verstuurd",
                                    f"Voorgenomen boete {rules.euro(zaak.voornemen_bedrag or Decimal(0))}.", "zaak",
                                    document_soort="voornemen"))
    if zaak.zienswijze_ontvangen_op:
        uitkomst.append(Gebeurtenis(zaak.zienswijze_ontvangen_op,
                                    f"Zienswijze ontvangen ({zaak.get_zienswijze_wijze_display().lower()})",
                                    zaak.zienswijze_inhoud, "zaak"))
    if zaak.besluit_uitkomst:
        uitkomst.append(Gebeurtenis(zaak.dagtekening, f"Besluit: {zaak.get_besluit_uitkomst_display()}",
                                    zaak.motivering, "zaak",
                                    document_soort="besluit" if zaak.besluit_document_id else ""))
    if zaak.bezwaar_ontvangen_op:
        uitkomst.append(Gebeurtenis(zaak.bezwaar_ontvangen_op, "Bezwaar ontvangen",
                                    zaak.get_bezwaar_uitkomst_display(), "zaak"))
    if zaak.beroep_ingesteld_op:
        uitkomst.append(Gebeurtenis(zaak.beroep_ingesteld_op, "Beroep ingesteld", zaak.get_beroep_uitkomst_display(),
                                    "zaak"))
    if zaak.hoger_beroep_ingesteld_op:
        uitkomst.append(Gebeurtenis(zaak.hoger_beroep_ingesteld_op, "Hoger beroep ingesteld",
                                    zaak.get_hoger_beroep_uitkomst_display(), "zaak"))
    if zaak.afgesloten_op:
        uitkomst.append(Gebeurtenis(zaak.afgesloten_op.date(), f"Afgesloten: {zaak.get_afsluit_reden_display()}",
                                    zaak.afsluit_toelichting, "zaak"))
    return uitkomst


def tijdlijn(zaak: Handhavingszaak) -> list[Gebeurtenis]:
    """Evidence, oldest first: intake summonses and warnings, no-show contactmomenten, PIP versions and
    the hours against the PIP, earlier zaken of the dossier, and this zaak's own steps, notes and letters."""
    dossier = zaak.dossier
    alles = (_uitnodigingen(dossier) + _contactmomenten_no_show(dossier) + _pips(dossier) + _uren_tegen_pip(dossier)
             + _andere_zaken(zaak) + _eigen(zaak))
    return sorted(alles, key=lambda g: (g.datum, g.bron != "dossier"))


# --- manager dashboard -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HandhavingKpis:
    open_per_status: list[tuple[str, str, int]] = field(default_factory=list)  # (status, label, count)
    boetes_dit_jaar: int = 0
    boetes_dit_jaar_totaal: Decimal = Decimal("0")
    afgesloten: int = 0
    afgesloten_naleving_hersteld: int = 0
    jaar: int = 0  # the year of boetes_dit_jaar (the peildatum's)

    @property
    def open_totaal(self) -> int:
        return sum(n for _status, _label, n in self.open_per_status)

    @property
    def aandeel_naleving_hersteld(self) -> float | None:
        """Share (0–1) of closed zaken closed because compliance was restored; None without closed zaken."""
        return self.afgesloten_naleving_hersteld / self.afgesloten if self.afgesloten else None

    @property
    def percentage_naleving_hersteld(self) -> float | None:
        """The same share in percent, one decimal, for the dashboard."""
        aandeel = self.aandeel_naleving_hersteld
        return None if aandeel is None else round(100 * aandeel, 1)


def handhaving_kpis(*, peildatum: date | None = None) -> HandhavingKpis:
    """Open zaken per stage, fines decided this year (count and total, fines herroepen in bezwaar
    excluded) and the share of closed zaken closed by restored compliance. Three queries."""
    jaar = (peildatum or localdate()).year
    tellingen = dict(open_zaken().order_by().values_list("status").annotate(n=Count("pk"))
                     .values_list("status", "n"))
    boetes = boetes_beslist_in(jaar).aggregate(n=Count("pk"), totaal=Sum("boetebedrag"))
    afgesloten = Handhavingszaak.objects.filter(status=ZaakStatus.AFGESLOTEN).aggregate(
        n=Count("pk"), hersteld=Count("pk", filter=Q(afsluit_reden=rules.AfsluitReden.NALEVING_HERSTELD)))
    return HandhavingKpis(
        open_per_status=[(s.value, str(s.label), tellingen.get(s.value, 0)) for s in ZaakStatus
                         if s != ZaakStatus.AFGESLOTEN],
        boetes_dit_jaar=boetes["n"], boetes_dit_jaar_totaal=boetes["totaal"] or Decimal("0"),
        afgesloten=afgesloten["n"], afgesloten_naleving_hersteld=afgesloten["hersteld"], jaar=jaar,
    )
