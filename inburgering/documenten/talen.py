"""The languages a letter's plain-language summary can also be written in (issue 15).

Only the documents speak them: the UI stays Dutch (`LANGUAGES` holds only "nl", so LocaleMiddleware
never switches to one of these). A language belongs in `settings.BRIEF_TALEN` only when it has a
translation catalogue in `locale/<code>/LC_MESSAGES/django.po` (README "Taal van de samenvatting").
"""

from typing import NamedTuple

from django.conf import settings
from django.utils.translation import gettext_lazy as _

ALLEEN_NEDERLANDS = ""


class BriefTaal(NamedTuple):
    code: str
    naam: str  # the language's own name, e.g. "العربية"
    rtl: bool  # written right to left: the section gets dir="rtl"


def brief_talen() -> dict[str, str]:
    """code -> own name, in the order of the setting."""
    return dict(settings.BRIEF_TALEN)


def correspondentietaal_keuzes() -> list[tuple[str, str]]:
    """The choices of `Inburgeraar.correspondentietaal`: a callable, so a change of the setting needs
    no migration."""
    return [(ALLEEN_NEDERLANDS, _("alleen Nederlands")), *settings.BRIEF_TALEN]


def brief_taal(code: str) -> BriefTaal | None:
    """The language of a summary, or None for "" or a code no longer in BRIEF_TALEN (then: Dutch only)."""
    naam = brief_talen().get(code or "")
    if naam is None:
        return None
    rtl = code in settings.LANGUAGES_BIDI or code.split("-")[0] in settings.LANGUAGES_BIDI
    return BriefTaal(code=code, naam=naam, rtl=rtl)
