"""Editable calendar data for the Algemene termijnenwet (DOMAIN.md §8). The arithmetic is in `datums`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords


class GelijkgesteldeDag(models.Model):
    """A day equated with a recognised holiday by Royal Decree (Algemene termijnenwet art. 3 lid 3).

    In practice the Friday after Hemelvaartsdag and bridge days next to a holiday on a Tuesday or
    Thursday; the decrees come every few years, so functioneel beheer keeps this table up to date.
    Seeded with exactly the KBs in force (2023–2028, DOMAIN.md §8); later years hold the expected
    Friday after Hemelvaartsdag with `verwacht` set until the beheerder enters the KB and clears it.

    Reading chosen for an expected day (no KB yet): it counts for the citizen's terms (bezwaar,
    zienswijze: a later last day never cuts a citizen's term short) and not for the gemeente's own
    statutory terms (the PIP deadline: the gemeente must not count on a day off that may not come).
    See `inburgering.kalender.selectors.gelijkgestelde_dagen`.
    """

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=200,
        help_text=_("Bijvoorbeeld 'vrijdag na Hemelvaartsdag' en het koninklijk besluit waarop de dag berust."),
    )
    verwacht = models.BooleanField(
        _("verwacht, nog geen KB"),
        default=False,
        help_text=_("Aangevinkt: de dag wordt verwacht (vrijdag na Hemelvaartsdag), maar er is nog geen koninklijk "
                    "besluit. Vink uit zodra het KB is gepubliceerd en noem het KB in de omschrijving."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen (Algemene termijnenwet art. 3 lid 3)")
        ordering = ["datum"]

    def __str__(self) -> str:
        verwacht = " (verwacht, nog geen KB)" if self.verwacht else ""
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}{verwacht}"
