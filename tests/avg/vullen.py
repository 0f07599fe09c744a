"""A dossier with a row in *every* model that can hold data about the person, made from the model graph
(not from a hand-kept list): every text field carries the person's name and BSN, every file too. A new
model with a foreign key into a dossier is filled here the day it exists, so the destruction and export
tests cover it without anyone remembering to add it.

Values are plausible enough for the database (choices, lengths, constraints); the rules of the services
are not the point here. A few fields get a fixed value where a constraint asks for one (`OVERRIDES`).
"""

import hashlib
import uuid
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from avg import persoonsgegevens
from cases.models import Dossier, Inburgeraar
from inburgering.documenten.models import Document
from leerroutes.models import Aanbieder
from tests import klok
from tests.factories import AanbiederFactory


@klok.per_test
def _datums() -> None:
    global VERLEDEN
    VERLEDEN = date.today() - timedelta(days=400)


def _te_vullen() -> list[type[models.Model]]:
    """The models the walk reaches from a dossier or a person (what destruction must remove)."""
    naar = persoonsgegevens._verwijzingen()
    bereikt: set = {Dossier, Inburgeraar, Document}
    nieuw = [Dossier, Inburgeraar, Document]  # a letter's own rows (its verzending) hang off the document
    while nieuw:
        doel = nieuw.pop()
        for model, _veld in naar.get(doel, []):
            if model not in bereikt:
                bereikt.add(model)
                nieuw.append(model)
    # A print batch points to its own bundle and verzendlijst, not to a person's letters: the bundle is
    # removed once the batch is confirmed and the verzendlijst lists kenmerken only (no personal data).
    return [m for m in bereikt if m not in (Dossier, Inburgeraar, Document)
            and m._meta.label != "documenten.Verzendbatch"]


def _waarde(veld: models.Field, tekst: str):
    if veld.choices:
        return veld.default if veld.has_default() and veld.default != "" else veld.choices[0][0]
    if isinstance(veld, models.EmailField):
        return "geheim@example.org"
    if isinstance(veld, models.GenericIPAddressField):
        return "192.0.2.1"
    if isinstance(veld, models.FileField):
        return None  # set after construction
    if isinstance(veld, (models.CharField, models.TextField)):
        return tekst[: veld.max_length] if veld.max_length else tekst
    if isinstance(veld, models.DateTimeField):
        return timezone.now() - timedelta(days=400)
    if isinstance(veld, models.UUIDField):
        return uuid.uuid4()
    if isinstance(veld, models.DateField):
        return VERLEDEN
    if isinstance(veld, models.TimeField):
        return time(10, 0)
    if isinstance(veld, models.DecimalField):
        return Decimal("1")
    if isinstance(veld, (models.IntegerField, models.FloatField)):
        return 1
    if isinstance(veld, models.BooleanField):
        return veld.default if veld.has_default() else False
    if isinstance(veld, models.JSONField):
        return {"notitie": tekst}
    if veld.has_default():
        return veld.get_default()
    return None


def document(tekst: str, gebruiker, *, dossier_id: int | None = None) -> Document:
    inhoud = f"%PDF-1.7 test {tekst}".encode()
    doc = Document(titel=tekst[:200], soort="test", sha256=hashlib.sha256(inhoud).hexdigest(), html=tekst,
                   template_naam="test", template_versie="1", grootte=len(inhoud), aangemaakt_door=gebruiker,
                   dossier_id=dossier_id)
    doc.bestand.save("test.pdf", ContentFile(inhoud), save=False)
    doc.save()
    return doc


def alles_vullen(dossier: Dossier, *, gebruiker) -> dict[type[models.Model], models.Model]:
    """One row per reachable model for `dossier` (its person included), each text holding name and BSN."""
    persoon = dossier.inburgeraar
    tekst = f"{persoon.volledige_naam} {persoon.bsn}"
    gemaakt: dict[type[models.Model], models.Model] = {Dossier: dossier, Inburgeraar: persoon}
    aanbieder = Aanbieder.objects.first() or AanbiederFactory()
    te_doen = _te_vullen()
    for _ronde in range(10):
        for model in list(te_doen):
            waarden = {}
            klaar = True
            for veld in model._meta.concrete_fields:
                if veld.primary_key or getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
                    continue
                if veld.is_relation:
                    doel = veld.related_model
                    if doel in gemaakt:
                        waarden[veld.name] = gemaakt[doel] if doel is not model else None
                    elif doel is Document:
                        waarden[veld.name] = document(tekst, gebruiker)
                    elif doel is Aanbieder:
                        waarden[veld.name] = aanbieder
                    elif doel._meta.label == "accounts.User":
                        waarden[veld.name] = gebruiker
                    elif doel._meta.label == "accounts.Team":
                        waarden[veld.name] = gebruiker.team
                    elif veld.null:
                        waarden[veld.name] = None
                    else:
                        klaar = False  # a parent that is not made yet: next round
                        break
                    continue
                waarde = dossier.pk if veld.name == "dossier_id" else _waarde(veld, tekst)
                if waarde is None and not veld.null and not isinstance(veld, models.FileField):
                    waarde = veld.get_default()
                waarden[veld.name] = waarde
            if not klaar:
                continue
            waarden.update(OVERRIDES.get(model._meta.label, {}))
            obj = model(**{k: v for k, v in waarden.items() if not isinstance(model._meta.get_field(k),
                                                                             models.FileField)})
            for veld in model._meta.concrete_fields:
                if isinstance(veld, models.FileField):
                    getattr(obj, veld.name).save("bijlage.txt", ContentFile(tekst.encode()), save=False)
            obj.save()
            gemaakt[model] = obj
            te_doen.remove(model)
        if not te_doen:
            break
    assert not te_doen, f"niet te vullen: {[m._meta.label for m in te_doen]}"
    # A letter that names the dossier only by its plain id (no foreign key points to it).
    document(tekst, gebruiker, dossier_id=dossier.pk)
    return gemaakt


# Values a model's constraints insist on.
OVERRIDES: dict[str, dict] = {
    "pip_plans.Pip": {"status": "concept", "versie": 1},
    "leerroutes.Examen": {"resultaat": "Geen"},
    "cases.DossierBijlage": {"sha256": "0" * 64},
}
