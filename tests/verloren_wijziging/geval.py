"""The shape of one lost-update case (issue 9 §1): an edit form of an existing or singleton object.

Each app lists its edit forms in `gevallen_<app>.py` as `GEVALLEN = [Geval(...), ...]`; the one
parametrised test in `test_verloren_wijziging.py` runs every case twice:

- stale: the user opens the form, a colleague saves first, the user submits → refused with the one
  Dutch message, the user's input still on the page, the colleague's data unchanged;
- missing: the form is submitted without a version → refused the same way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Opzet:
    gebruiker: Any  # who edits (logged in with the test client)
    url: str  # the edit page (GET shows the form with a hidden `versie`, POST saves)
    invoer: dict[str, str]  # a valid POST without `versie`; one value of it must show again on refusal
    zichtbare_invoer: str  # a value from `invoer` that the refused page shows again (the user's input kept)
    collega_slaat_op: Callable[[], None]  # a colleague saves this object first, through its service
    stand: Callable[[], Any]  # the saved state to compare (e.g. a tuple of the edited fields)


@dataclass(frozen=True)
class Geval:
    naam: str
    opzet: Callable[[Any], Opzet]  # gets pytest's `request`, to ask for fixtures (werkcoach, collega, …)
