"""The rows of the Documenten tab: the dossier's letters (kernel `Document`, by its plain `dossier_id`)
and its uploads (`DossierBijlage`), newest first, as one list that pages in a constant number of queries
(one count, one page of keys, one query per kind)."""

from dataclasses import dataclass

from django.db.models import CharField, F, Value
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier, DossierBijlage
from inburgering.documenten.models import Document

# The letters' kinds in Dutch. The kernel stores a code; the apps that make letters sit above cases,
# so the words are kept here (an unknown code is shown as it is).
DOCUMENTSOORTEN = {
    "pip_beschikking": _("Beschikking PIP"),
    "handhaving_waarschuwing": _("Waarschuwingsbrief"),
    "handhaving_rapport": _("Rapport"),
    "handhaving_voornemen": _("Voornemen tot boete"),
    "handhaving_boetebeschikking": _("Boetebeschikking"),
}
BRIEF, BIJLAGE = "brief", "bijlage"


@dataclass(frozen=True)
class DocumentRij:
    soort: str  # BRIEF or BIJLAGE
    object: Document | DossierBijlage

    @property
    def dossier_id(self) -> int:  # the list page's read in the Logboek Dataverwerkingen
        return self.object.dossier_id

    @property
    def is_brief(self) -> bool:
        return self.soort == BRIEF

    @property
    def soort_label(self) -> str:
        if self.is_brief:
            return DOCUMENTSOORTEN.get(self.object.soort, self.object.soort)
        return self.object.get_categorie_display()


class DocumentRijen:
    """A sliceable, countable sequence for the Paginator: a UNION of the keys of both kinds, ordered by
    time; a slice loads only its own rows."""

    def __init__(self, dossier: Dossier):
        brieven = Document.objects.filter(dossier_id=dossier.pk).annotate(
            rijsoort=Value(BRIEF, output_field=CharField()), tijdstip=F("aangemaakt_op"),
        ).values_list("rijsoort", "id", "tijdstip").order_by()
        bijlagen = DossierBijlage.objects.filter(dossier_id=dossier.pk).annotate(
            rijsoort=Value(BIJLAGE, output_field=CharField()), tijdstip=F("toegevoegd_op"),
        ).values_list("rijsoort", "id", "tijdstip").order_by()
        self._sleutels = brieven.union(bijlagen, all=True).order_by("-tijdstip", "rijsoort", "-id")

    def count(self) -> int:
        return self._sleutels.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, stuk: slice) -> list[DocumentRij]:
        sleutels = list(self._sleutels[stuk])
        brieven = Document.objects.select_related("aangemaakt_door").in_bulk([i for s, i, _t in sleutels if s == BRIEF])
        bijlagen = DossierBijlage.objects.select_related("toegevoegd_door").in_bulk(
            [i for s, i, _t in sleutels if s == BIJLAGE])
        return [DocumentRij(s, brieven[i] if s == BRIEF else bijlagen[i]) for s, i, _t in sleutels]
