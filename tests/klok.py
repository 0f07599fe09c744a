"""A test module's dates as of the test, not as of its import.

`VANDAAG = date.today()` at module level is evaluated once, at collection: a run that crosses midnight in
Amsterdam then compares yesterday with the new today of the code under test. A module keeps its readable
constants but sets them in one function marked @per_test, which runs at import and again before every test
(the autouse fixture `_klok` in tests/conftest.py). Check: `make test-middernacht` (tests/middernacht.py).
A parametrize case table is built at import as well: a date in it is a callable
(`lambda: VANDAAG + timedelta(days=1)`) that the test resolves with `invullen`.
"""

from collections.abc import Callable

_VOOR_ELKE_TEST: list[Callable[[], None]] = []


def per_test(datums: Callable[[], None]) -> Callable[[], None]:
    """Decorator: run `datums` (it sets its module's date constants) now and again before every test."""
    datums()
    _VOOR_ELKE_TEST.append(datums)
    return datums


def bijwerken() -> None:
    for datums in _VOOR_ELKE_TEST:
        datums()


def invullen(waarde):
    """A case table's value as of the test: a callable is called, also as the value in a dict."""
    if isinstance(waarde, dict):
        return {sleutel: invullen(v) for sleutel, v in waarde.items()}
    return waarde() if callable(waarde) else waarde
