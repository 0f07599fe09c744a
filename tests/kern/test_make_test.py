"""`make test` without Chromium (issue 19 item 10): the browser tests are skipped before they start a
server or touch the database, and the end of the run says how many and how to get them."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_without_chromium_the_run_ends_with_how_many_browser_tests_were_skipped_and_how_to_get_them():
    env = {**os.environ, "CHROMIUM_PATH": "/nergens/chromium", "DJANGO_SETTINGS_MODULE": "inburgering.settings.test"}
    resultaat = subprocess.run(
        [str(Path(sys.executable)), "-m", "pytest", "tests/e2e/test_inloggen.py", "-p", "no:randomly",
         "-p", "no:cacheprovider", "-q"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )

    uitvoer = resultaat.stdout
    assert resultaat.returncode == 0, uitvoer + resultaat.stderr
    assert "browsertests overgeslagen" in uitvoer, uitvoer
    assert "Er is geen Chromium op /nergens/chromium" in uitvoer
    assert "sudo apt-get install chromium" in uitvoer
    assert "CHROMIUM_PATH" in uitvoer
    assert " passed" not in uitvoer  # nothing ran
