"""The client of the BRP API Personen (RvIG Haal Centraal, version 2.7.0; the contract is
standins/brp/openapi.yaml): `RaadpleegMetBurgerservicenummer` only.

- POST {url}/personen in batches of at most 20 BSNs (the contract's maxItems), duplicates removed;
- mutual TLS (PKIoverheid client certificate + key) and the server's CA, an API key in X-API-KEY;
- retries with a short backoff on a timeout, a connection error or a 5xx (BRP_POGINGEN attempts in all),
  never on a 4xx;
- every failure is a `BrpFout` (a `cases.persoonsbron.BronOnbereikbaar`) with a Dutch message that is safe
  to show. The log gets status codes, counts and the 400's title/invalidParams: never a BSN or any other
  personal data.

Only the fields the case needs are asked (AVG data minimisation, `VELDEN`; a setting `BRP_VELDEN`
overrides them). The contract has no `inclusiefOverledenPersonen` for this query type (sending it is a 400):
asked by BSN, a deceased person always comes back, with `overlijden` and `opschortingBijhouding`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence

from django.conf import settings
from django.utils.translation import gettext_lazy as _

import requests

from cases.persoonsbron import ONBEREIKBAAR, BronOnbereikbaar

logger = logging.getLogger(__name__)

QUERY_TYPE = "RaadpleegMetBurgerservicenummer"
MAX_PER_VRAAG = 20  # the contract's maxItems of burgerservicenummer

# The fields the case needs; every path is valid for RaadpleegMetBurgerservicenummer (schema `Persoon`).
# `nationaliteiten.type` keeps the subtype (a stateless person is {"type": "Staatloos"}, without a
# `nationaliteit`); `verblijfplaats.verblijfadres` keeps the verblijfplaats's `type` too.
VELDEN: tuple[str, ...] = (
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    "geslacht",
    "nationaliteiten.type",
    "nationaliteiten.nationaliteit",
    "verblijfplaats.verblijfadres",
    "adressering.adresregel1",
    "adressering.adresregel2",
    "adressering.adresregel3",
    "adressering.aanhef",
    "gemeenteVanInschrijving",
    "datumInschrijvingInGemeente",
    "overlijden.datum",
)

WACHTTIJD = 0.5  # seconds before the second attempt; doubled for every next one

NIET_INGESTELD = _("Er is geen koppeling met de BRP ingesteld; voer de gegevens met de hand in.")
GEWEIGERD = _("De BRP weigert de toegang van deze applicatie (API-sleutel of certificaat). Meld dit bij de "
              "functioneel beheerder en voer de gegevens zo lang met de hand in.")
FOUTE_VRAAG = _("De BRP kon de vraag niet verwerken. Meld dit bij de functioneel beheerder en voer de gegevens "
                "zo lang met de hand in.")
ONGELDIG_ANTWOORD = _("De BRP gaf een antwoord dat niet aan de afspraken voldoet. Meld dit bij de functioneel "
                      "beheerder en voer de gegevens zo lang met de hand in.")

_BSN = re.compile(r"^[0-9]{9}$")
_NEGEN_CIJFERS = re.compile(r"\d{9}")


class BrpFout(BronOnbereikbaar):
    """The BRP did not give a usable answer. `status`: the HTTP status of the last answer (None: no answer)."""

    def __init__(self, melding=None, *, status: int | None = None):
        super().__init__(melding)
        self.status = status


class OngeldigAntwoord(BrpFout):
    """A 200 whose body is not what the contract says; refused as a whole."""

    def __init__(self, reden: str):
        super().__init__(ONGELDIG_ANTWOORD, status=200)
        self.reden = reden  # for the log: describes the shape, never the values


def _zonder_bsn(tekst) -> str:
    """A string from the server, for the log: any run of nine digits (a BSN) masked."""
    return _NEGEN_CIJFERS.sub("*********", str(tekst))[:300]


def _in_groepen(bsns: Iterable[str], grootte: int = MAX_PER_VRAAG) -> Iterator[list[str]]:
    uniek = list(dict.fromkeys(bsns))
    for i in range(0, len(uniek), grootte):
        yield uniek[i:i + grootte]


class BrpClient:
    def __init__(
        self,
        url: str,
        api_key: str = "",
        *,
        cert: str | None = None,
        key: str | None = None,
        ca: str | None = None,
        timeout: float = 10,
        pogingen: int = 3,
        velden: Sequence[str] = VELDEN,
        wachttijd: float = WACHTTIJD,
        sessie: requests.Session | None = None,
    ):
        if not url:
            raise BronOnbereikbaar(NIET_INGESTELD)
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.cert = (cert, key) if cert and key else (cert or None)
        self.verify: str | bool = ca or True
        self.timeout = timeout
        self.pogingen = max(1, int(pogingen))
        self.velden = list(velden)
        self.wachttijd = wachttijd
        self.sessie = sessie or requests.Session()

    @classmethod
    def from_settings(cls, **kwargs) -> BrpClient:
        """A client from the BRP_* settings, read now (so a test's override_settings counts). Raises
        BronOnbereikbaar when BRP_URL is empty."""
        waarden = {
            "cert": settings.BRP_CLIENT_CERT or None,
            "key": settings.BRP_CLIENT_KEY or None,
            "ca": settings.BRP_CA_BUNDLE or None,
            "timeout": settings.BRP_TIMEOUT,
            "pogingen": settings.BRP_POGINGEN,
            "velden": getattr(settings, "BRP_VELDEN", None) or VELDEN,
        }
        waarden.update(kwargs)
        return cls(settings.BRP_URL, settings.BRP_API_KEY, **waarden)

    def headers(self) -> dict[str, str]:
        h = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        if self.api_key:
            h["X-API-KEY"] = self.api_key
        return h

    def raadplegen(self, bsns: Iterable[str], fields: Sequence[str] | None = None) -> list[dict]:
        """The contract's `Persoon` objects of the known persons among `bsns` (unknown ones are absent; a
        string that is not nine digits cannot be a BSN and is not asked). `fields`: default the client's
        `velden` (VELDEN or the setting BRP_VELDEN); must include `burgerservicenummer`. Raises BrpFout."""
        velden = list(fields or self.velden)
        personen: list[dict] = []
        groepen = list(_in_groepen(b for b in bsns if isinstance(b, str) and _BSN.match(b)))
        for groep in groepen:
            personen += self._vraag(groep, velden)
        logger.info("BRP: %d BSN(s) gevraagd in %d vraag/vragen, %d persoon/personen ontvangen",
                    sum(len(g) for g in groepen), len(groepen), len(personen))
        return personen

    def _vraag(self, bsns: list[str], velden: list[str]) -> list[dict]:
        body = {"type": QUERY_TYPE, "burgerservicenummer": bsns, "fields": velden}
        response = self._post(body)
        return self._personen(response, set(bsns))

    def _post(self, body: dict) -> requests.Response:
        """POST /personen with retries; the 200 response, or BrpFout."""
        status: int | None = None
        for poging in range(1, self.pogingen + 1):
            if poging > 1:
                time.sleep(self.wachttijd * 2 ** (poging - 2))
            try:
                response = self.sessie.post(
                    f"{self.url}/personen", json=body, headers=self.headers(),
                    cert=self.cert, verify=self.verify, timeout=self.timeout,
                )
            except (requests.Timeout, requests.ConnectionError) as fout:
                status = None
                logger.warning("BRP: poging %d/%d mislukt: %s", poging, self.pogingen, type(fout).__name__)
                continue
            except requests.RequestException as fout:  # an invalid URL, a certificate file that is missing
                logger.error("BRP: verzoek niet te versturen: %s", type(fout).__name__)
                raise BrpFout() from fout
            status = response.status_code
            if status >= 500:
                logger.warning("BRP: poging %d/%d mislukt: status %d", poging, self.pogingen, status)
                continue
            if status >= 400:
                self._log_weigering(response)
                if status in (401, 403):
                    raise BrpFout(GEWEIGERD, status=status)
                if status == 400:
                    raise BrpFout(FOUTE_VRAAG, status=status)
                raise BrpFout(_("De BRP weigert de vraag (status %(status)s). Probeer het later opnieuw of voer "
                                "de gegevens met de hand in.") % {"status": status}, status=status)
            if status != 200:
                raise self._ongeldig(f"status {status}")
            return response
        logger.error("BRP: geen antwoord na %d poging(en), laatste status %s", self.pogingen, status)
        raise BrpFout(ONBEREIKBAAR, status=status)

    def _log_weigering(self, response: requests.Response) -> None:
        """A 4xx for the log: status, title, code and invalidParams (name, code, reason), BSNs masked."""
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            logger.error("BRP: status %d zonder probleembericht", response.status_code)
            return
        parameters = [
            {k: _zonder_bsn(p.get(k, "")) for k in ("name", "code", "reason")}
            for p in body.get("invalidParams") or [] if isinstance(p, dict)
        ]
        logger.error("BRP: status %d, %s (code %s), invalidParams %s", response.status_code,
                     _zonder_bsn(body.get("title", "")), _zonder_bsn(body.get("code", "")), parameters)

    def _ongeldig(self, reden: str) -> OngeldigAntwoord:
        logger.error("BRP: antwoord geweigerd: %s", reden)
        return OngeldigAntwoord(reden)

    def _personen(self, response: requests.Response, gevraagd: set[str]) -> list[dict]:
        """The `personen` of a 200, checked against the contract's shape of
        RaadpleegMetBurgerservicenummerResponse as far as this client relies on it; the values of each
        person are checked when translated (brp.vertaling)."""
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media != "application/json":
            raise self._ongeldig(f"content type {media!r}")
        try:
            body = response.json()
        except ValueError:
            raise self._ongeldig("geen JSON") from None
        if not isinstance(body, dict) or body.get("type") != QUERY_TYPE:
            raise self._ongeldig("geen RaadpleegMetBurgerservicenummerResponse")
        personen = body.get("personen", [])
        if not isinstance(personen, list) or not all(isinstance(p, dict) for p in personen):
            raise self._ongeldig("personen is geen lijst van objecten")
        for persoon in personen:
            bsn = persoon.get("burgerservicenummer")
            if not isinstance(bsn, str) or bsn not in gevraagd:
                raise self._ongeldig("een persoon zonder gevraagd burgerservicenummer")
        return personen
