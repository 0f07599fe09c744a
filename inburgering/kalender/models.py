"""Editable calendar data for the Algemene termijnenwet (DOMAIN.md §8). The arithmetic is in `datums`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords


class GelijkgesteldeDag(models.Model):
    """A day equated with a recognised holiday by Royal Decree (Algemene termijnenwet art. 3 lid 3).

    In practice the Friday after Hemelvaartsdag and bridge days next to a holiday on a Tuesday or
    Thursday; the decrees come every few years, so functioneel beheer keeps this table up to date.
    """

    datum = models.DateField(_("datum"), unique=True)
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=200,
        help_text=_("Bijvoorbeeld 'vrijdag na Hemelvaartsdag' en het koninklijk besluit waarop de dag berust."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gelijkgestelde dag")
        verbose_name_plural = _("gelijkgestelde dagen (Algemene termijnenwet art. 3 lid 3)")
        ordering = ["datum"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving}"


class AtwInstelling(models.Model):
    """Singleton (pk=1): per termijn kind whether the Algemene termijnenwet applies (DOMAIN.md §8).

    Read it with `AtwInstelling.huidig()`.
    """

    bezwaar = models.BooleanField(
        _("bezwaartermijn"),
        default=True,
        help_text=_("Verleng de bezwaartermijn (Awb 6:7) als de laatste dag in een weekend of op een feestdag valt."),
    )
    zienswijze = models.BooleanField(
        _("zienswijzetermijn"),
        default=True,
        help_text=_("Verleng de zienswijzetermijn bij handhaving als de laatste dag in een weekend of op een "
                    "feestdag valt."),
    )
    pip_vaststellen = models.BooleanField(
        _("termijn PIP vaststellen"),
        default=True,
        help_text=_("Verleng de termijn voor het vaststellen van het PIP (Besluit inburgering 2021 art. 5.3) als "
                    "de laatste dag in een weekend of op een feestdag valt."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("toepassing Algemene termijnenwet")
        verbose_name_plural = _("toepassing Algemene termijnenwet")

    def __str__(self) -> str:
        return str(_("Toepassing Algemene termijnenwet"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def huidig(cls) -> "AtwInstelling":
        instelling, _created = cls.objects.get_or_create(pk=1)
        return instelling
