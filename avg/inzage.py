"""The inzageverzoek (AVG art. 15, issue 13): everything the system holds about one person, as a readable
PDF in Dutch and as machine-readable JSON, for the privacy officer to hand over.

What is in it (`inzage_samenstellen`):
- the person (every field; only the core fields once all their dossiers were destroyed) and the cores
  (`Kerngegevens`) kept of destroyed dossiers;
- for all their dossiers every *live* row the model-graph walk collects (`avg.persoonsgegevens`, the same
  walk destruction uses, so a new model shows up here the day it exists), grouped per model under its
  Dutch `verbose_name_plural`, each field with its `verbose_name` and display value. Technical fields
  (the optimistic lock, hashes, a document's HTML, file paths) are left out;
- the documents (titel, soort, datum, size; not the content);
- who read the dossiers when (`InzageLog`), the destroyed dossiers' numbers included;
- internal notes (models named `…Notitie`) only when the gemeente's setting does not withhold them; when
  it does, the export says so and on which ground.

The export is not stored (it is a copy of personal data): the views stream it and log that they did.

JSON shape (`exporteer_json`, `SCHEMA`), dates and times ISO 8601:

    {"schema": "inburgering.inzageverzoek/1", "samengesteld_op": "...", "kenmerk": "...",
     "gemeente": "...",
     "persoon": {"alleen_kerngegevens": bool, "velden": [VELD, ...]},
     "kerngegevens": [RIJ, ...],
     "dossiers": [id, ...],
     "categorieen": [{"model": "app.Model", "naam": "contactmomenten", "rijen": [RIJ, ...]}, ...],
     "documenten": [{"id", "titel", "soort", "datum", "grootte"}, ...],
     "inzagen": [{"tijdstip", "gebruiker", "dossier", "pagina"}, ...],
     "weggelaten": null | {"categorieen": ["notities (handhaving)", ...], "grond": "..."}}
    RIJ  = {"id": pk, "velden": [VELD, ...]}
    VELD = {"veld": name, "label": verbose_name, "waarde": raw value (FK: the pk), "weergave": display text}
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

from cases.models import Dossier, Inburgeraar
from cases.rules import normaliseer_bsn
from inburgering.audit.models import InzageLog
from inburgering.documenten.models import Document
from inburgering.documenten.pdf import render_pdf
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import versieveld

from . import persoonsgegevens
from .models import Kerngegevens

SCHEMA = "inburgering.inzageverzoek/1"
PDF_TEMPLATE = "avg/inzage_pdf.html"
PDF_TITEL = "Overzicht van uw persoonsgegevens"
WEGLAATGROND = (
    "Interne notities voor eigen beraad van medewerkers zijn niet opgenomen. Dat mag op grond van "
    "artikel 15 lid 4 van de Algemene verordening gegevensbescherming (AVG) en artikel 41 van de "
    "Uitvoeringswet AVG (UAVG): ter bescherming van de rechten en vrijheden van anderen, waaronder het "
    "belang van vertrouwelijk intern beraad."
)
# Fields that say nothing about the person: the system's own bookkeeping.
TECHNISCHE_VELDEN = frozenset({"sha256", "hash", "vorige_hash", "html", "template_naam", "template_versie",
                               "mime_type"})
NOTITIE_ACHTERVOEGSEL = "Notitie"


# --- values -----------------------------------------------------------------------------------------

def is_technisch(model: type[models.Model], veld: models.Field) -> bool:
    """A field left out of the export: the primary key (rows carry their id separately), the optimistic
    lock (`versie`, or a PIP's `wijzigingsnummer`), hashes, a document's HTML and every file path."""
    return (veld.primary_key or veld.name in TECHNISCHE_VELDEN or veld.name == versieveld(model)
            or isinstance(veld, models.FileField))


def is_interne_notitie(model: type[models.Model]) -> bool:
    return model.__name__.endswith(NOTITIE_ACHTERVOEGSEL)


def _getal(waarde: Decimal | float) -> str:
    tekst = format(waarde, "f") if isinstance(waarde, Decimal) else str(waarde)
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


def _json_weergave(waarde: Any) -> str:
    if isinstance(waarde, list) and all(not isinstance(w, (dict, list)) for w in waarde):
        return ", ".join(weergave(w) for w in waarde)
    if isinstance(waarde, dict) and all(not isinstance(w, (dict, list)) for w in waarde.values()):
        return "; ".join(f"{k}: {weergave(w)}" for k, w in waarde.items())
    return json.dumps(waarde, ensure_ascii=False, default=str)


def weergave(waarde: Any, veld: models.Field | None = None) -> str:
    """A value as a Dutch reader reads it: a choice's label, Ja/Nee, dates as 17-05-1990, times local
    as 17-05-1990 14:05, numbers with a decimal comma, a related row as its name; empty: ""."""
    if waarde is None or waarde == "" or waarde == [] or waarde == {}:
        return ""
    if veld is not None and veld.choices and not isinstance(waarde, (list, dict)):
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    if isinstance(waarde, datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return f"{waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, (Decimal, float)):
        return _getal(waarde)
    if isinstance(waarde, (list, dict)):
        return _json_weergave(waarde)
    return str(waarde)


def json_waarde(waarde: Any) -> Any:
    """A raw value for the JSON export: ISO dates and times, decimals as text (exact)."""
    if isinstance(waarde, datetime):
        return (timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde).isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return format(waarde, "f")
    if isinstance(waarde, models.Model):
        return waarde.pk
    return waarde


# --- the export -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    waarde: Any  # JSON-ready (json_waarde)
    weergave: str


@dataclass(frozen=True)
class Rij:
    id: Any
    velden: list[Veld]

    @property
    def gevuld(self) -> list[Veld]:
        """The fields with a value (the PDF leaves empty ones out)."""
        return [v for v in self.velden if v.weergave]


@dataclass(frozen=True)
class Categorie:
    model: str  # app label.Model
    naam: str  # the Dutch verbose_name_plural
    rijen: list[Rij]


@dataclass(frozen=True)
class DocumentRegel:
    id: int
    titel: str
    soort: str
    datum: datetime
    grootte: int


@dataclass(frozen=True)
class InzageRegel:
    tijdstip: datetime
    gebruiker: str
    dossier: int
    pagina: str


@dataclass
class Inzage:
    naam: str
    persoon: Rij
    alleen_kerngegevens: bool
    kerngegevens: list[Rij]
    dossier_ids: list[int]
    categorieen: list[Categorie]
    documenten: list[DocumentRegel]
    inzagen: list[InzageRegel]
    vernietigde_dossier_ids: list[int] = field(default_factory=list)  # the cores' dossier numbers
    weggelaten: list[str] = field(default_factory=list)  # names of the withheld categories
    samengesteld_op: datetime = field(default_factory=timezone.now)

    @property
    def weglaatgrond(self) -> str:
        return WEGLAATGROND if self.weggelaten else ""

    @property
    def alle_dossier_ids(self) -> list[int]:
        """Live dossiers and destroyed ones (whose cores are kept): the log refers to both."""
        return sorted(set(self.dossier_ids) | set(self.vernietigde_dossier_ids))


def _rij(obj: models.Model, *, velden: list[models.Field] | None = None) -> Rij:
    model = type(obj)
    velden = velden if velden is not None else [v for v in model._meta.concrete_fields
                                                 if not is_technisch(model, v)]
    uitkomst = []
    for veld in velden:
        if veld.is_relation:
            gerelateerd = getattr(obj, veld.name)
            uitkomst.append(Veld(veld.name, str(veld.verbose_name), getattr(obj, veld.attname),
                                 "" if gerelateerd is None else str(gerelateerd)))
            continue
        waarde = getattr(obj, veld.attname)
        uitkomst.append(Veld(veld.name, str(veld.verbose_name), json_waarde(waarde), weergave(waarde, veld)))
    return Rij(obj.pk, uitkomst)


def _velden(model: type[models.Model]) -> list[models.Field]:
    return [v for v in model._meta.concrete_fields if not is_technisch(model, v)]


def _persoon(persoon: Inburgeraar, *, alleen_kern: bool) -> Rij:
    velden = _velden(Inburgeraar)
    if alleen_kern:
        velden = [v for v in velden if v.name in persoonsgegevens.KERNVELDEN]
    return _rij(persoon, velden=velden)


def _kern(kern: Kerngegevens) -> Rij:
    return _rij(kern, velden=[v for v in _velden(Kerngegevens) if v.name != "inburgeraar"])


def _sorteer(model: type[models.Model]) -> tuple:
    return (model is not Dossier, str(model._meta.verbose_name_plural).lower(), model._meta.label)


def _categorieen(verzameling: persoonsgegevens.Verzameling, *, notities_weglaten: bool
                 ) -> tuple[list[Categorie], list[str]]:
    categorieen, weggelaten = [], set()
    for model in sorted(verzameling.modellen(), key=_sorteer):
        if model is Document:
            continue  # listed as documents: titel, soort, datum, size
        if notities_weglaten and is_interne_notitie(model):
            weggelaten.add(str(model._meta.verbose_name_plural))
            continue
        velden = _velden(model)
        relaties = [v.name for v in velden if v.is_relation]
        # Live rows only: the walk also returns the ids of rows that exist only in a history table.
        rijen = [_rij(obj, velden=velden) for obj in model._base_manager.filter(
            pk__in=sorted(verzameling.rijen[model])).select_related(*relaties).order_by("pk")]
        if rijen:
            categorieen.append(Categorie(model._meta.label, str(model._meta.verbose_name_plural), rijen))
    if notities_weglaten:  # say so for every kind of internal note, whether this person has them or not
        weggelaten |= {str(m._meta.verbose_name_plural) for m in persoonsgegevens.project_modellen()
                       if is_interne_notitie(m)}
    return categorieen, sorted(weggelaten)


def _documenten(verzameling: persoonsgegevens.Verzameling) -> list[DocumentRegel]:
    ids = sorted(verzameling.rijen.get(Document, set()))
    return [DocumentRegel(d.pk, d.titel, d.soort, d.aangemaakt_op, d.grootte)
            for d in Document.objects.filter(pk__in=ids).order_by("aangemaakt_op", "pk")]


def _inzagen(dossier_ids: list[int]) -> list[InzageRegel]:
    rijen = InzageLog.objects.filter(dossier_id__in=dossier_ids).select_related("gebruiker").order_by(
        "tijdstip", "id")
    return [InzageRegel(r.tijdstip, r.gebruiker.get_full_name() or r.gebruiker.get_username(), r.dossier_id,
                        r.pagina) for r in rijen]


def persoon_zoeken(bsn: str) -> Inburgeraar | None:
    return Inburgeraar._base_manager.filter(bsn=normaliseer_bsn(bsn)).first()


def inzage_samenstellen(bsn: str) -> Inzage | None:
    """Everything about the person with this BSN (see the module), or None: no person with that BSN."""
    persoon = persoon_zoeken(bsn)
    if persoon is None:
        return None
    dossier_ids = sorted(Dossier._base_manager.filter(inburgeraar=persoon).values_list("pk", flat=True))
    kernen = list(Kerngegevens.objects.filter(inburgeraar=persoon).order_by("dossier_nummer"))
    alleen_kern = not dossier_ids and bool(kernen)
    verzameling = persoonsgegevens.verzamelen(dossier_ids=dossier_ids, inburgeraar_id=persoon.pk)
    weglaten = GemeenteInstellingen.huidig().inzage_interne_notities_weglaten
    categorieen, weggelaten = _categorieen(verzameling, notities_weglaten=weglaten)
    inzage = Inzage(
        naam=persoon.volledige_naam,
        persoon=_persoon(persoon, alleen_kern=alleen_kern),
        alleen_kerngegevens=alleen_kern,
        kerngegevens=[_kern(k) for k in kernen],
        dossier_ids=dossier_ids,
        categorieen=categorieen,
        documenten=_documenten(verzameling),
        inzagen=[],
        vernietigde_dossier_ids=[k.dossier_nummer for k in kernen],
        weggelaten=weggelaten,
    )
    inzage.inzagen = _inzagen(inzage.alle_dossier_ids)
    return inzage


# --- exports ----------------------------------------------------------------------------------------

def _rij_json(rij: Rij) -> dict:
    return {"id": rij.id, "velden": [{"veld": v.naam, "label": v.label, "waarde": v.waarde,
                                      "weergave": v.weergave} for v in rij.velden]}


def als_dict(inzage: Inzage, *, kenmerk: str = "") -> dict:
    """The JSON document (shape in the module docstring)."""
    return {
        "schema": SCHEMA,
        "samengesteld_op": json_waarde(inzage.samengesteld_op),
        "kenmerk": kenmerk,
        "gemeente": GemeenteInstellingen.huidig().naam,
        "persoon": {"alleen_kerngegevens": inzage.alleen_kerngegevens,
                    "velden": _rij_json(inzage.persoon)["velden"]},
        "kerngegevens": [_rij_json(r) for r in inzage.kerngegevens],
        "dossiers": inzage.dossier_ids,
        "categorieen": [{"model": c.model, "naam": c.naam, "rijen": [_rij_json(r) for r in c.rijen]}
                        for c in inzage.categorieen],
        "documenten": [{"id": d.id, "titel": d.titel, "soort": d.soort, "datum": json_waarde(d.datum),
                        "grootte": d.grootte} for d in inzage.documenten],
        "inzagen": [{"tijdstip": json_waarde(i.tijdstip), "gebruiker": i.gebruiker, "dossier": i.dossier,
                     "pagina": i.pagina} for i in inzage.inzagen],
        "weggelaten": ({"categorieen": inzage.weggelaten, "grond": inzage.weglaatgrond}
                       if inzage.weggelaten else None),
    }


def exporteer_json(inzage: Inzage, *, kenmerk: str = "") -> bytes:
    """UTF-8 JSON, keys in a fixed order, indented (readable as text too)."""
    return json.dumps(als_dict(inzage, kenmerk=kenmerk), ensure_ascii=False, indent=2,
                      default=str).encode("utf-8")


def exporteer_pdf(inzage: Inzage, *, kenmerk: str = "") -> bytes:
    """The readable export (PDF/A-2a, Dutch). Not stored as a Document: it is streamed to the officer."""
    _html, pdf = render_pdf(template_naam=PDF_TEMPLATE, titel=PDF_TITEL, context={
        "inzage": inzage, "kenmerk": kenmerk, "gemeente": GemeenteInstellingen.huidig(),
    })
    return pdf
