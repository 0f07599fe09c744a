"""The termijnen handhaving owns (DESIGN.md: the app that owns a fact owns the rule): the zienswijze
period after a voornemen (Awb 4:8), the bezwaartermijn of a boetebeschikking (Awb 6:7), the new term
for the brede intake a Wet 22 fine sets, the lapse of the power to fine (Awb 5:45) and the 13-week
decision term after the rapport (Awb 5:51, a termijn van orde: it warns, nothing blocks on it).
Registered with cases' engine in `apps.py`; computed from the stored zaak, so a recomputation changes
nothing."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier
from cases.termijnen.rules import TermijnBerekening
from cases.termijnen.soorten import Eigenaar, SoortRegels
from inburgering.kalender import datums
from pip_plans.termijnen import PipTermijn

from . import rules
from .models import Handhavingszaak
from .rules import BesluitUitkomst

BRON = "handhaving"


class HandhavingTermijn(TextChoices):
    """The termijn kinds handhaving computes (the bezwaartermijn of a boete is pip_plans' BEZWAAR)."""

    ZIENSWIJZE = "zienswijze", _("Zienswijzetermijn")
    INTAKE_NIEUWE_TERMIJN = "intake_nieuwe_termijn", _("Nieuwe termijn brede intake")
    VERJARING = "verjaring", _("Verjaring boetebevoegdheid")
    BESLISTERMIJN = "boete_beslistermijn", _("Beslistermijn boete na rapport (termijn van orde)")


# Who owns each kind and on which ground it may move (DOMAIN.md §8; cases.termijnen.soorten).
REGELS = {
    HandhavingTermijn.ZIENSWIJZE: SoortRegels(
        eigenaar=Eigenaar.BURGER, atw=datums.ATW_ZIENSWIJZE,
        grond=_("zodra het voornemen is verzonden alleen uitstel dat het college de betrokkene verleent of een "
                "nieuw voornemen (Awb 4:8, 5:53), vast te leggen in de handhavingszaak")),
    HandhavingTermijn.INTAKE_NIEUWE_TERMIJN: SoortRegels(
        eigenaar=Eigenaar.WET,
        grond=_("de termijn uit de boetebeschikking (Wet inburgering 2021, art. 22): alleen bij een nieuw besluit")),
    HandhavingTermijn.VERJARING: SoortRegels(
        eigenaar=Eigenaar.WET,
        grond=_("opgeschort tijdens bezwaar en beroep (Awb 5:45 lid 3), vast te leggen in de handhavingszaak")),
    # A termijn van orde: it warns, a later decision stays valid; 13 weeks is more than three months, so no
    # Algemene termijnenwet (art. 4 a).
    HandhavingTermijn.BESLISTERMIJN: SoortRegels(
        eigenaar=Eigenaar.WET,
        grond=_("13 weken na de dagtekening van het rapport (Awb 5:51); alleen een nieuw rapport geeft een nieuwe "
                "termijn")),
}


def bereken(dossier: Dossier) -> list[TermijnBerekening]:
    uitkomst: list[TermijnBerekening] = []
    intake = getattr(dossier, "brede_intake", None)
    intake_afgerond = intake.afgerond_op if intake is not None else None
    for zaak in Handhavingszaak.objects.filter(dossier=dossier).order_by("pk"):
        uitkomst.extend(_voor_zaak(zaak, intake_afgerond))
    return uitkomst


def _voor_zaak(zaak: Handhavingszaak, intake_afgerond) -> list[TermijnBerekening]:
    sleutel = f"zaak-{zaak.pk}"
    uitkomst = []
    besloten = zaak.dagtekening if zaak.besluit_uitkomst else None
    if zaak.voornemen_op and zaak.zienswijze_einde and (zaak.is_open or zaak.besluit_uitkomst):
        uitkomst.append(TermijnBerekening(
            soort=HandhavingTermijn.ZIENSWIJZE, sleutel=sleutel, basisdatum=zaak.voornemen_op,
            fatale_datum=zaak.zienswijze_einde, streefdatum=zaak.zienswijze_einde,
            gehaald_op=zaak.zienswijze_ontvangen_op or besloten,
            toelichting=f"Zienswijze op het voornemen (handhavingszaak {zaak.pk})",
        ))
    if zaak.rapport_dagtekening and (zaak.is_open or besloten):
        einde = rules.beslistermijn_einde(zaak.rapport_dagtekening)
        uitkomst.append(TermijnBerekening(
            soort=HandhavingTermijn.BESLISTERMIJN, sleutel=sleutel, basisdatum=zaak.rapport_dagtekening,
            fatale_datum=einde, streefdatum=einde, gehaald_op=besloten,
            toelichting=f"Besluit binnen 13 weken na het rapport (Awb 5:51; termijn van orde, handhavingszaak {zaak.pk})",
        ))
    if zaak.verjaring_op and (zaak.is_open or besloten):
        uitkomst.append(TermijnBerekening(
            soort=HandhavingTermijn.VERJARING, sleutel=sleutel, basisdatum=zaak.overtreding_datum,
            fatale_datum=zaak.verjaring_op, gehaald_op=besloten,
            toelichting=f"Boetebevoegdheid vervalt (handhavingszaak {zaak.pk})",
        ))
    if zaak.besluit_uitkomst == BesluitUitkomst.BOETE and zaak.bekendmaking and zaak.bezwaar_einde:
        uitkomst.append(TermijnBerekening(
            soort=PipTermijn.BEZWAAR, sleutel=f"handhaving-{zaak.pk}", basisdatum=zaak.bekendmaking,
            fatale_datum=zaak.bezwaar_einde, streefdatum=zaak.bezwaar_einde,
            gehaald_op=zaak.bezwaar_ontvangen_op,
            toelichting=f"Bezwaartermijn boetebeschikking (handhavingszaak {zaak.pk})",
        ))
    if zaak.nieuwe_termijn_einde and zaak.dagtekening and not zaak.herroepen:
        gehaald = intake_afgerond if intake_afgerond and intake_afgerond >= zaak.dagtekening else None
        uitkomst.append(TermijnBerekening(
            soort=HandhavingTermijn.INTAKE_NIEUWE_TERMIJN, sleutel=sleutel, basisdatum=zaak.dagtekening,
            fatale_datum=zaak.nieuwe_termijn_einde, gehaald_op=gehaald,
            toelichting=f"Nieuwe termijn brede intake na boete (handhavingszaak {zaak.pk}, art. 22)",
        ))
    return uitkomst

