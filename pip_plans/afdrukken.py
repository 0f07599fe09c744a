"""The PIP block of the dossier's print view (issue 20 item 6; registered with cases.afdrukken): the
newest version that is not a discarded draft, its leerroute and level, and the PIP-termijn. Two queries."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cases.afdrukken import Afdrukblok
from cases.models import Dossier, Termijn

from .models import Pip, PipStatus
from .termijnen import PipTermijn


def _datum(waarde) -> str:
    return date_format(waarde, "j F Y") if waarde else ""


def pip_blok(dossier: Dossier) -> Afdrukblok:
    pip = Pip.objects.filter(dossier=dossier).exclude(status=PipStatus.INGETROKKEN).order_by("-versie").first()
    termijn = Termijn.objects.filter(dossier=dossier, soort=PipTermijn.PIP_VASTSTELLEN, sleutel="").first()
    regels = []
    if pip is not None:
        regels += [
            (_("Versie"), f"{pip.versie} ({pip.get_status_display()})"),
            (_("Leerroute"), pip.get_leerroute_display()),
            (_("Niveau"), pip.get_niveau_display() if pip.niveau else ""),
            (_("Vastgesteld op"), _datum(pip.dagtekening)),
            (_("Start inburgeringstermijn"), _datum(pip.termijn_start)),
            (_("Beoogde aanbieder"), pip.aanbieder),
        ]
    else:
        regels.append((_("Versie"), _("Nog geen PIP opgesteld")))
    if termijn is not None:
        regels.append((_("PIP-termijn (fatale datum)"),
                       f"{_datum(termijn.fatale_datum)} ({termijn.get_status_display()})"))
    return Afdrukblok(titel=_("PIP en leerroute"), regels=regels)
