"""Termijnen for many new dossiers at once (demo data, the benchmark): the same pure rules as
`services.termijnen_bijwerken`, written with bulk inserts instead of a recomputation per dossier."""

from datetime import date

from simple_history.utils import bulk_create_with_history

from cases.models import Dossier, Termijn
from inburgering.instellingen.models import GemeenteInstellingen

from . import registry, rules


def termijnen_bulk_aanmaken(*, dossiers: list[Dossier], vandaag: date, batch: int = 5000) -> int:
    """Store the termijnen every registered bulk calculator computes for `dossiers`, which must not
    have termijnen yet. Overdue ones are stored open: the sweep marks them verlopen and signals them."""
    vooraf = GemeenteInstellingen.huidig().signaal_vooraf_dagen
    kennisgeving = {d.pk: d.datum_kennisgeving for d in dossiers}
    nieuw = []
    for bron, calculator in registry.bulk_calculators().items():
        for dossier_id, berekeningen in calculator(dossiers).items():
            nieuw.extend(_termijn(dossier_id, bron, b, vooraf, vandaag, kennisgeving=kennisgeving[dossier_id])
                         for b in berekeningen)
    bulk_create_with_history(nieuw, Termijn, batch_size=batch, default_change_reason="Berekend (bulk)")
    return len(nieuw)


def _termijn(dossier_id: int, bron: str, b: rules.TermijnBerekening, vooraf: int, vandaag: date, *,
             kennisgeving: date) -> Termijn:
    """One new termijn; `kennisgeving`: its dossier's datum_kennisgeving (the copy the dossier list sorts on)."""
    streef = b.streefdatum or rules.streefdatum(fatale_datum=b.fatale_datum, vooraf_dagen=vooraf,
                                                basisdatum=b.basisdatum)
    stand = rules.nieuwe_stand(huidige_status=None, berekening=b, streef=streef, opgeschort_dagen=0,
                               loopt_opschorting=False, vandaag=vandaag, oude_streefdatum=None)
    return Termijn(
        dossier_id=dossier_id, soort=b.soort, sleutel=b.sleutel, bron=bron, basisdatum=b.basisdatum,
        streefdatum=stand.streefdatum, berekende_fatale_datum=b.fatale_datum, fatale_datum=stand.fatale_datum,
        toelichting=b.toelichting[:300], status=stand.status, gehaald_op=b.gehaald_op,
        dossier_kennisgeving=kennisgeving,
    )
