"""Issue 12 item 7: Dutch 400/403/404/500 pages with DEBUG=False (the test settings), also for a tampered
document and a too-large POST; no English "Server Error". This module is also the urlconf of its tests:
the project's urls plus views that fail on purpose."""

from pathlib import Path

from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

import pytest

from inburgering.documenten.services import DocumentGemanipuleerd
from inburgering.urls import handler400
from inburgering.urls import urlpatterns as project_urls
from tests.pip_plans.test_beschikking_pdf import vastgesteld  # noqa: F401 (a fixture)

ENGELS = ("Server Error", "Bad Request", "Forbidden", "Not Found", "CSRF verification failed")


def _kapot(request):
    raise RuntimeError("kapot")


def _gemanipuleerd(request):
    raise DocumentGemanipuleerd("Het bestand van document 1 komt niet overeen")


def _verdacht(request):
    raise SuspiciousOperation("verdacht")


@require_POST
def _formulier(request):
    return HttpResponse(request.POST.get("tekst", ""))

urlpatterns = [
    path("test/kapot/", _kapot),
    path("test/gemanipuleerd/", _gemanipuleerd),
    path("test/verdacht/", _verdacht),
    path("test/formulier/", _formulier),
    *project_urls,
]
__all__ = ["handler400", "urlpatterns"]

pytestmark = pytest.mark.urls(__name__)


def _nederlands(response) -> str:
    html = response.content.decode()
    assert '<html lang="nl"' in html
    for engels in ENGELS:
        assert engels not in html
    return html


def test_settings_have_debug_off(settings):
    assert settings.DEBUG is False


def test_500_is_dutch_and_needs_no_database_or_user(client, django_assert_max_num_queries, db):
    client.raise_request_exception = False
    with django_assert_max_num_queries(0):
        response = client.get("/test/kapot/")

    assert response.status_code == 500
    assert "Er ging iets mis" in _nederlands(response)


def test_a_tampered_document_gives_a_dutch_page_and_an_error_log(client, werkcoach, caplog):
    client.force_login(werkcoach)
    client.raise_request_exception = False

    response = client.get("/test/gemanipuleerd/")

    assert response.status_code == 500
    assert "gewijzigd nadat het is vastgelegd" in _nederlands(response)
    assert "Gemanipuleerd document" in caplog.text
    assert "no-store" in response["Cache-Control"]


def test_404_is_dutch(client, werkcoach):
    client.force_login(werkcoach)

    response = client.get("/bestaat/niet/")

    assert response.status_code == 404
    assert "Niet gevonden" in _nederlands(response)


def test_400_is_dutch(client, db):
    response = client.get("/test/verdacht/")

    assert response.status_code == 400
    assert "Verzoek niet verwerkt" in _nederlands(response)


def test_a_too_large_post_gives_a_dutch_page_that_points_back_to_the_typed_text(client, werkcoach, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(werkcoach)

    response = client.post("/test/formulier/", {"tekst": "x" * 2000})

    assert response.status_code == 400
    html = _nederlands(response)
    assert "Invoer te groot" in html
    assert "terugknop" in html


def test_a_csrf_failure_is_dutch(werkcoach, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(werkcoach)

    response = client.post("/test/formulier/", {"tekst": "x"})

    assert response.status_code == 403
    assert "Formulier verlopen" in _nederlands(response)


def test_403_is_dutch(client, werkcoach):
    client.force_login(werkcoach)

    response = client.get("/dashboard/")

    assert response.status_code == 403
    assert "Geen toegang" in _nederlands(response)


@pytest.fixture
def eigen_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.urls("inburgering.urls")
def test_a_tampered_beschikking_download_gives_the_dutch_page(client, werkcoach, eigen_media, vastgesteld):  # noqa: F811
    """The real download URL (pip_plans:pip_beschikking) with a file changed on disk."""
    pip = vastgesteld
    Path(pip.document.bestand.path).write_bytes(b"%PDF-1.7 vervalst")
    client.force_login(werkcoach)
    client.raise_request_exception = False

    response = client.get(reverse("pip_plans:pip_beschikking", args=[pip.pk]))

    assert response.status_code == 500
    assert "Document niet getoond" in _nederlands(response)
