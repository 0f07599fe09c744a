"""The admin is Dutch (issue 19 item 3): every changelist, add, change and history page as superuser,
the admin's JavaScript catalog (filter_horizontal's 'Choose'/'Remove'), the permission names ('Can add
historical team') and no developer notes ('nog te bevestigen [?]') in help texts."""

import contextlib
import json
import re
from html.parser import HTMLParser

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

import pytest

from tests.factories import DossierFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

# English admin phrases that Dutch pages must not show (Django's nl catalog lacks some of the newer ones).
ENGELS = [
    "Choose", "Remove", "Can add", "Can change", "Can delete", "Can view", "historical", "Historical",
    "Model name", "Add link", "Change or view list link", "Forgotten your login", "Error:", "History",
    "Revert", "Changed by", "Change reason", "Date/time", "Comment", "Home", "Save", "Delete", "Search",
    "Action", "Go", "Select all", "Clear selection", "Show counts", "Hide counts", "Add another", "Today",
    "Now", "Currently", "Unknown", "Yes", "No", "Log out", "View site", "Recent actions", "None",
    "Change history", "This object doesn", "Skip to main content", "Toggle", "click to clear", "Hide",
]
ENGELS_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(e) for e in ENGELS) + r")(?![\w-])")
NOTITIES = ("[?]", "nog te bevestigen", "TODO", "FIXME")
ZICHTBARE_ATTRIBUTEN = {"title", "aria-label", "placeholder", "alt"}


class Tekst(HTMLParser):
    """The text a user sees or hears: text nodes (not scripts or styles) and the labelling attributes."""

    def __init__(self):
        super().__init__()
        self.delen: list[str] = []
        self._verborgen = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._verborgen += 1
        for naam, waarde in attrs:
            if waarde and (naam in ZICHTBARE_ATTRIBUTEN or (naam == "value" and ("type", "submit") in attrs)):
                self.delen.append(waarde)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._verborgen -= 1

    def handle_data(self, data):
        if not self._verborgen and data.strip():
            self.delen.append(data.strip())


def zichtbare_tekst(html: str) -> list[str]:
    parser = Tekst()
    parser.feed(html)
    return parser.delen


def beheerpaginas() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        urls.append(reverse("admin:app_list", args=[model._meta.app_label]))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            with contextlib.suppress(NoReverseMatch):  # not every admin keeps a history page
                urls.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    return sorted(set(urls))


@pytest.fixture
def superuser(db):
    DossierFactory()
    TeamFactory()
    return UserFactory(is_superuser=True, is_staff=True)


def test_every_admin_page_is_dutch_and_without_developer_notes(client, superuser):
    client.force_login(superuser)
    fouten = []
    for url in beheerpaginas():
        response = client.get(url)
        if response.status_code in (302, 403) or (response.status_code == 404 and url.count("/") == 3):
            continue  # an add page the admin forbids (append-only logs); an app without a page of its own
        assert response.status_code == 200, url
        html = response.content.decode()
        for tekst in zichtbare_tekst(html):
            if gevonden := ENGELS_RE.findall(tekst):
                fouten.append(f"{url}: {gevonden} in {tekst[:120]!r}")
        fouten += [f"{url}: {notitie!r}" for notitie in NOTITIES if notitie in html]
    assert not fouten, "\n".join(sorted(set(fouten)))


def test_the_admins_javascript_catalog_is_dutch(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:jsi18n"))

    assert response.status_code == 200
    catalogus = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1))
    for engels in ('Choose %s by selecting them and then select the "Choose" arrow button.', "Choose all %s",
                   "Choose selected %s", "Remove selected %s", "Remove all %s", "Available %s", "Chosen %s",
                   '(click to clear)', 'Remove %s by selecting them and then select the "Remove" arrow button.'):
        vertaling = catalogus.get(engels)
        assert vertaling and not ENGELS_RE.search(vertaling), (engels, vertaling)


def test_permission_names_are_dutch_after_migrate():
    call_command("migrate", verbosity=0)  # Django (re)creates the default permissions in English here

    engels = list(Permission.objects.filter(name__regex=r"^Can |historical").values_list("name", flat=True))

    assert engels == []
    team = Permission.objects.get(codename="add_team")
    assert team.name == "Mag team toevoegen"
    assert Permission.objects.get(codename="view_historicalteam").name == "Mag geschiedenis van team bekijken"


def test_no_help_text_or_label_carries_a_developer_note():
    notities = [
        f"{model._meta.label}.{veld.name}"
        for model in apps.get_models() for veld in model._meta.get_fields()
        if any(n in str(getattr(veld, "help_text", "")) + str(getattr(veld, "verbose_name", "")) for n in NOTITIES)
    ]
    assert notities == []
