"""The termijnen engine: store what the owning apps computed, suspend and resume, sweep for
deadlines that passed, and the worklist actions on signalen."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.models import Dossier, Signaal, SignaalSoort, Termijn, TermijnOpschorting, TermijnStatus
from cases.models.termijnen import signaal_urgentie
from inburgering.accounts.models import User
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import fatale_datum as atw_fatale_datum
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen

from . import registry, rules
from .soorten import Eigenaar, soort_label, soort_regels, soorten_van

ACTIEF = (TermijnStatus.OPEN, TermijnStatus.OPGESCHORT)
AL_OPGESCHORT = _("Deze termijn is al opgeschort.")
NIET_OPGESCHORT = _("Deze termijn is niet opgeschort.")
NIET_ACTIEF = _("Alleen een open termijn kan worden opgeschort.")
HERVAT_VOOR_START = _("Hervatten kan niet vóór de start van de opschorting.")
SIGNAAL_AFGEHANDELD = _("Dit signaal is al afgehandeld.")
DOSSIER_AFGESLOTEN = _("Dit dossier is al afgesloten.")


def _perioden(termijn: Termijn | None) -> list[tuple[date, date | None]]:
    """The suspensions that move the termijn (not those ended without effect, see TermijnOpschorting)."""
    return [(o.van, o.tot) for o in termijn.opschortingen.all() if o.verschuift] if termijn else []


def _na_verschuiving(soort: str, fatale_datum: date, opgeschort: int) -> date:
    """After a move the Algemene termijnenwet is applied again where it applies (DOMAIN §8)."""
    regels = soort_regels(soort)
    if not (opgeschort and regels.atw):
        return fatale_datum
    return atw_fatale_datum(fatale_datum, atw=True, verwacht=regels.eigenaar == Eigenaar.BURGER)


def _door(by: User | None) -> User:
    """Who the history names: the person whose change made the recomputation, else the named
    system user (a Celery task, a command, an exchange)."""
    return by if by is not None else systeemgebruiker(Systeembron.TERMIJNEN)


def termijnen_bijwerken(
    *, dossier: Dossier, bron: str, berekeningen: list[rules.TermijnBerekening], by: User | None = None
) -> None:
    """Store the termijnen `bron` computed for this dossier. Termijnen of this bron that are no longer
    computed become vervallen (the fact they depended on is gone). Never changed by hand."""
    door = _door(by)
    vooraf = GemeenteInstellingen.huidig().signaal_vooraf_dagen
    bestaand = {
        (t.soort, t.sleutel): t
        for t in Termijn.objects.select_for_update().filter(dossier=dossier, bron=bron).prefetch_related("opschortingen")
    }
    _kennisgeving_volgen(dossier, bestaand.values())
    nu = vandaag()
    for b in berekeningen:
        termijn = bestaand.pop((b.soort, b.sleutel), None)
        perioden = _perioden(termijn)
        opgeschort = rules.opgeschorte_dagen(perioden)
        streef = b.streefdatum or rules.streefdatum(fatale_datum=b.fatale_datum, vooraf_dagen=vooraf,
                                                    basisdatum=b.basisdatum)
        stand = rules.nieuwe_stand(
            huidige_status=termijn.status if termijn else None, berekening=b, streef=streef,
            opgeschort_dagen=opgeschort,
            loopt_opschorting=any(tot is None for _van, tot in perioden), vandaag=nu,
            oude_streefdatum=termijn.streefdatum if termijn else None,
        )
        fataal = _na_verschuiving(b.soort, stand.fatale_datum, opgeschort)
        if termijn is None:
            termijn = Termijn(dossier=dossier, soort=b.soort, sleutel=b.sleutel, bron=bron,
                              dossier_kennisgeving=dossier.datum_kennisgeving)
        elif _ongewijzigd(termijn, b, stand, fataal):
            continue
        verschoven = termijn.pk is not None and termijn.fatale_datum != fataal
        termijn.basisdatum = b.basisdatum
        termijn.berekende_fatale_datum = b.fatale_datum
        termijn.fatale_datum = fataal
        termijn.streefdatum = stand.streefdatum
        termijn.toelichting = b.toelichting[:300]
        termijn.status = stand.status
        termijn.gehaald_op = b.gehaald_op
        if stand.reset_nadert:
            termijn.nadert_gesignaleerd = False
        opslaan(termijn, reden=f"Berekend ({bron})", door=door)
        if verschoven:
            _signalen_volgen(termijn)
    for termijn in bestaand.values():
        if termijn.status in ACTIEF:
            termijn.status = TermijnStatus.VERVALLEN
            opslaan(termijn, reden=f"Vervallen: niet meer berekend ({bron})", door=door)


def _kennisgeving_volgen(dossier: Dossier, termijnen) -> None:
    """issue 18: the termijnen keep a copy of the dossier's datum_kennisgeving (the dossier list's sort
    key). When it changed (the services that change it recompute the termijnen, which lands here), every
    termijn of the dossier follows in one UPDATE — also those of a bron no longer computed. No query when
    nothing changed."""
    if any(t.dossier_kennisgeving != dossier.datum_kennisgeving for t in termijnen):
        Termijn.objects.filter(dossier=dossier).update(dossier_kennisgeving=dossier.datum_kennisgeving)
        for t in termijnen:
            t.dossier_kennisgeving = dossier.datum_kennisgeving


def _ongewijzigd(termijn: Termijn, b: rules.TermijnBerekening, stand: rules.NieuweStand, fataal: date) -> bool:
    return (
        termijn.basisdatum == b.basisdatum and termijn.berekende_fatale_datum == b.fatale_datum
        and termijn.fatale_datum == fataal and termijn.streefdatum == stand.streefdatum
        and termijn.status == stand.status and termijn.gehaald_op == b.gehaald_op
        and termijn.toelichting == b.toelichting[:300]
    )


@transaction.atomic
def termijnen_herberekenen(*, dossier_id: int, by: User | None = None) -> None:
    """Recompute every termijn of a dossier with every registered calculator. Called by the owning
    apps' services after a fact changes, in the same transaction; `by` is the person who changed it
    (none: the system user of the termijnen)."""
    dossier = vergrendelen(Dossier.objects.all(), pk=dossier_id)
    door = _door(by)
    for bron, calculator in registry.calculators().items():
        berekeningen = calculator(dossier)
        if not dossier.is_actief:
            # An ended dossier watches nothing any more: what was met stays gehaald, the rest lapses.
            berekeningen = [b for b in berekeningen if b.gehaald_op is not None]
        termijnen_bijwerken(dossier=dossier, bron=bron, berekeningen=berekeningen, by=door)


@transaction.atomic
def termijn_opschorten(*, termijn_id: int, van: date, reden: str, by: User) -> Termijn:
    termijn = _termijn(termijn_id, by)
    if fout := rules.opschorten_soort_fout(label=soort_label(termijn.soort), regels=soort_regels(termijn.soort)):
        raise ValidationError(fout)
    if termijn.status != TermijnStatus.OPEN:
        raise ValidationError(AL_OPGESCHORT if termijn.status == TermijnStatus.OPGESCHORT else NIET_ACTIEF)
    if fouten := rules.opschorten_fouten(van=van, reden=reden, vandaag=vandaag()):
        raise ValidationError(fouten)
    opslaan(TermijnOpschorting(termijn=termijn, van=van, reden=reden, door=by), reden="Opgeschort", door=by)
    termijn.status = TermijnStatus.OPGESCHORT
    opslaan(termijn, reden=f"Opgeschort: {reden}", door=by)
    return termijn


@transaction.atomic
def termijn_hervatten(*, termijn_id: int, tot: date, by: User) -> Termijn:
    """End the running suspension on `tot` (inclusive); the dates move by the suspended days."""
    termijn = _termijn(termijn_id, by)
    lopend = termijn.opschortingen.select_for_update().filter(tot__isnull=True).first()
    if lopend is None:
        raise ValidationError(NIET_OPGESCHORT)
    if tot < lopend.van:
        raise ValidationError({"tot": str(HERVAT_VOOR_START)})
    lopend.tot = tot
    lopend.hervat_door = by
    opslaan(lopend, reden="Hervat", door=by)
    perioden = _perioden(termijn)
    extra = rules.opgeschorte_dagen(perioden) - termijn.opgeschorte_dagen
    # Both dates move by the newly suspended days; the distance between them (which the owning app
    # chose, e.g. none for a bezwaartermijn) stays as it was; then the Atw again where it applies.
    termijn.opgeschorte_dagen += extra
    termijn.fatale_datum = _na_verschuiving(
        termijn.soort, termijn.berekende_fatale_datum + _dagen(termijn.opgeschorte_dagen), termijn.opgeschorte_dagen)
    termijn.streefdatum += _dagen(extra)
    termijn.status = TermijnStatus.OPEN
    termijn.nadert_gesignaleerd = False
    opslaan(termijn, reden="Hervat na opschorting", door=by)
    _signalen_volgen(termijn)
    return termijn


def _signalen_volgen(termijn: Termijn) -> None:
    """The werkvoorraad sorts on the termijn's current fatale datum, stored on its signals."""
    Signaal.objects.filter(termijn=termijn).update(sorteer_fatale_datum=termijn.fatale_datum)


def _dagen(n: int) -> timedelta:
    return timedelta(days=n)


def _op_dossier(queryset, pk: int, by: User):
    """Lock a row that hangs off a dossier (a termijn, a signaal) the user may see and change."""
    return vergrendelen(
        queryset.select_related("dossier").filter(dossier__in=access.zichtbare_dossiers(by).values("pk")),
        pk=pk, mag=lambda rij: access.mag_dossier_bewerken(by, rij.dossier),
    )


def _termijn(termijn_id: int, by: User) -> Termijn:
    return _op_dossier(Termijn.objects.all(), termijn_id, by)


# --- The sweep ---------------------------------------------------------------------------------------
# After a sweep that changed at least this many rows the planner statistics of the touched tables are
# refreshed: the werkvoorraad's partial indexes change a lot at once and autovacuum may come much
# later (stale statistics once gave the worklist a 0.5 s plan).
ANALYSE_VANAF = 10_000
_ANALYSE_SLOT = 0x7465726D  # advisory lock key: one ANALYZE at a time when workers finish together


@dataclass(frozen=True)
class SweepResultaat:
    verlopen: int
    nadert: int
    verstreken: int = 0  # the citizen's terms that passed: no signal (DOMAIN §8)
    geanalyseerd: bool = False  # ANALYZE ran on the touched tables (a big sweep)


def termijnen_sweep(
    *, peildatum: date | None = None, batch: int = 5000, analyse_vanaf: int = ANALYSE_VANAF
) -> SweepResultaat:
    """Mark open termijnen whose fatale datum has passed as verlopen and signal them; signal those
    whose streefdatum has come. No lower time bound: a sweep that did not run for a week catches up.

    A fatale datum is the last allowed day, so a termijn is verlopen from the day after it. The
    citizen's terms (bezwaar, zienswijze) are no deadline of the gemeente: when they pass they become
    verstreken, without a signal and without counting as a failure (DOMAIN §8).

    Set-based and safe to run on several workers at once: the due ids are read once from the partial
    indexes (linear in due rows, not in all termijnen), then handled in chunks of `batch`, each in
    one statement that claims its rows with SELECT … FOR UPDATE SKIP LOCKED (rows another sweep is
    holding are skipped, rows it already changed no longer match), changes them and inserts their
    signals (the unique (termijn, soort, fatale datum) constraint makes a second signal impossible).
    Two sweeps thus leapfrog over the chunks and never do a row twice. Before the chunks of a big sweep
    and after it, the touched tables are ANALYZEd (`analyse_vanaf`)."""
    peildatum = peildatum or vandaag()
    burger = list(soorten_van(Eigenaar.BURGER))
    if connection.vendor != "postgresql":
        return _sweep_orm(peildatum, burger, batch)
    verlopen, gevonden_v = _sweep_chunks(_VERLOPEN_IDS, _VERLOPEN, peildatum, burger, batch, analyse_vanaf)
    with connection.cursor() as cursor:
        # One conditional UPDATE: a concurrent sweep waits on the row lock and then finds it changed.
        cursor.execute(_VERSTREKEN, {"peildatum": peildatum, "burger": burger})
        verstreken = cursor.rowcount
    nadert, gevonden_n = _sweep_chunks(_NADERT_IDS, _NADERT, peildatum, burger, batch, analyse_vanaf)
    geanalyseerd = gevonden_v + gevonden_n + verstreken >= analyse_vanaf
    if geanalyseerd:
        geanalyseerd = _analyseren()
    return SweepResultaat(verlopen=verlopen, nadert=nadert, verstreken=verstreken, geanalyseerd=geanalyseerd)


_T = Termijn._meta.db_table
_S = Signaal._meta.db_table
_VERLOPEN_IDS = f"""
    SELECT id FROM {_T}
    WHERE status = 'open' AND fatale_datum < %(peildatum)s AND NOT (soort = ANY(%(burger)s)) ORDER BY id"""
_NADERT_IDS = f"""
    SELECT id FROM {_T}
    WHERE status = 'open' AND NOT nadert_gesignaleerd AND streefdatum <= %(peildatum)s ORDER BY id"""
_VERSTREKEN = f"""
    UPDATE {_T} SET status = 'verstreken'
    WHERE status = 'open' AND fatale_datum < %(peildatum)s AND soort = ANY(%(burger)s)"""


def _claim_wijzig_signaleer(voorwaarde: str, wijziging: str, soort: str) -> str:
    """One statement per chunk: claim (skipping rows another sweep holds; FOR UPDATE re-checks the
    condition on the newest row version, so rows it already changed drop out), change, signal."""
    # The chunk's ids drive the plan (a nested loop over the primary key), whatever the statistics say: with
    # `id = ANY(ids)` as a filter, a freshly bulk-loaded table without statistics got a scan of all
    # 867 000 overdue rows, each compared with the 5 000 ids (27 s per chunk at 1M dossiers; 0.2 s now).
    return f"""
    WITH geclaimd AS (
        SELECT t.id FROM unnest(%(ids)s::bigint[]) AS te(id) JOIN {_T} t ON t.id = te.id
        WHERE {voorwaarde} FOR UPDATE OF t SKIP LOCKED
    ), gewijzigd AS (
        UPDATE {_T} t SET {wijziging} FROM geclaimd WHERE t.id = geclaimd.id
        RETURNING t.id, t.dossier_id, t.fatale_datum
    ), gesignaleerd AS (
        INSERT INTO {_S} (dossier_id, termijn_id, soort, termijn_fatale_datum, omschrijving, aangemaakt_op,
                          notitie, urgentie, sorteer_fatale_datum)
        SELECT dossier_id, id, '{soort}', fatale_datum, '', now(), '', {signaal_urgentie(soort)}, fatale_datum
        FROM gewijzigd
        ON CONFLICT DO NOTHING
    )
    SELECT count(*) FROM gewijzigd"""


_VERLOPEN = _claim_wijzig_signaleer(
    "status = 'open' AND fatale_datum < %(peildatum)s AND NOT (soort = ANY(%(burger)s))",
    "status = 'verlopen'", SignaalSoort.VERLOPEN)
_NADERT = _claim_wijzig_signaleer(
    "status = 'open' AND NOT nadert_gesignaleerd AND streefdatum <= %(peildatum)s",
    "nadert_gesignaleerd = true", SignaalSoort.NADERT)


def _sweep_chunks(
    ids_sql: str, chunk_sql: str, peildatum: date, burger: list[str], batch: int, analyse_vanaf: int
) -> tuple[int, int]:
    """(rows this sweep changed, due rows it found). Many due rows are ANALYZEd first: a bulk load or a
    restore may have left the tables without statistics, and the chunks' plans depend on them."""
    params = {"peildatum": peildatum, "burger": burger}
    with connection.cursor() as cursor:
        cursor.execute(ids_sql, params)
        ids = [rij[0] for rij in cursor.fetchall()]
    if len(ids) >= analyse_vanaf:
        _analyseren()
    totaal = 0
    for begin in range(0, len(ids), batch):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(chunk_sql, {**params, "ids": ids[begin:begin + batch]})
            totaal += cursor.fetchone()[0]
    return totaal, len(ids)


def _sweep_orm(peildatum: date, burger: list[str], batch: int) -> SweepResultaat:
    """The same sweep through the ORM for SQLite (development; one writer at a time, no row locks)."""
    open_ = Termijn.objects.filter(status=TermijnStatus.OPEN)
    verlopen = _sweep_orm_batches(open_.filter(fatale_datum__lt=peildatum).exclude(soort__in=burger),
                                  {"status": TermijnStatus.VERLOPEN}, SignaalSoort.VERLOPEN, batch)
    verstreken = open_.filter(fatale_datum__lt=peildatum, soort__in=burger).update(status=TermijnStatus.VERSTREKEN)
    nadert = _sweep_orm_batches(open_.filter(nadert_gesignaleerd=False, streefdatum__lte=peildatum),
                                {"nadert_gesignaleerd": True}, SignaalSoort.NADERT, batch)
    return SweepResultaat(verlopen=verlopen, nadert=nadert, verstreken=verstreken)


def _sweep_orm_batches(selectie, wijziging: dict, soort: str, batch: int) -> int:
    totaal = 0
    while rijen := list(selectie.order_by("pk").values_list("pk", "dossier_id", "fatale_datum")[:batch]):
        with transaction.atomic():
            selectie.filter(pk__in=[pk for pk, _d, _f in rijen]).update(**wijziging)
            Signaal.objects.bulk_create(
                [Signaal(dossier_id=d, termijn_id=pk, soort=soort, termijn_fatale_datum=f,
                         urgentie=signaal_urgentie(soort), sorteer_fatale_datum=f) for pk, d, f in rijen],
                ignore_conflicts=True,
            )
        totaal += len(rijen)
    return totaal


def _analyseren() -> bool:
    """ANALYZE the tables a big sweep changed, unless a concurrent sweep is doing it right now."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_ANALYSE_SLOT])
        if not cursor.fetchone()[0]:
            return False
        cursor.execute(f"ANALYZE {_T}, {_S}")
    return True


# --- Worklist actions ----------------------------------------------------------------------------------
def _signaal(signaal_id: int, by: User) -> Signaal:
    return _op_dossier(Signaal.objects.all(), signaal_id, by)


@transaction.atomic
def signaal_afhandelen(*, signaal_id: int, notitie: str, by: User) -> Signaal:
    signaal = _signaal(signaal_id, by)
    if not signaal.is_open:
        raise ValidationError(SIGNAAL_AFGEHANDELD)
    signaal.afgehandeld_op = timezone.now()
    signaal.afgehandeld_door = by
    signaal.notitie = notitie
    opslaan(signaal, reden="Afgehandeld", door=by)
    return signaal


@transaction.atomic
def signaal_wegzetten(*, signaal_id: int, tot: date, by: User) -> Signaal:
    """Snooze: the signal leaves the worklist until `tot`."""
    signaal = _signaal(signaal_id, by)
    if not signaal.is_open:
        raise ValidationError(SIGNAAL_AFGEHANDELD)
    if fout := rules.wegzetten_fout(tot=tot, vandaag=vandaag()):
        raise ValidationError({"tot": fout})
    signaal.gesnoozed_tot = tot
    opslaan(signaal, reden=f"Weggezet tot {tot:%d-%m-%Y}", door=by)
    return signaal


@transaction.atomic
def aandachtspunt_aanmaken(*, dossier_id: int, omschrijving: str, by: User) -> Signaal:
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id,
                           mag=lambda d: access.mag_dossier_bewerken(by, d))
    if not dossier.is_actief:  # the view offers no form then; the service enforces it
        raise ValidationError(DOSSIER_AFGESLOTEN)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": str(_("Beschrijf het aandachtspunt."))})
    signaal = Signaal(dossier=dossier, soort=SignaalSoort.AANDACHTSPUNT, omschrijving=omschrijving, aangemaakt_door=by)
    opslaan(signaal, reden="Aandachtspunt", door=by)
    return signaal


@transaction.atomic
def samenvatting_instellen(*, aan: bool, by: User) -> User:
    """Opt in or out of the daily e-mail digest (only werkcoaches get one)."""
    if not by.is_werkcoach:
        raise PermissionDenied
    by.dagelijkse_samenvatting = aan
    by._change_reason = "Dagelijkse samenvatting " + ("aan" if aan else "uit")
    by._history_user = by
    # Only this field: the digest task may claim `laatste_samenvatting` at the same moment.
    by.save(update_fields=["dagelijkse_samenvatting"])
    return by
