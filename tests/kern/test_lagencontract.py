"""The layer contract (.importlinter) that `make lint` checks: no exceptions, and every app of the
project in it. Whether the imports keep it is lint-imports' job, not a test's."""

import configparser
from pathlib import Path

from django.apps import apps
from django.conf import settings

CONFIG = Path(settings.BASE_DIR) / ".importlinter"


def _config() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    assert config.read(CONFIG, encoding="utf-8")
    return config


def test_the_layer_contract_has_no_exceptions():
    config = _config()
    contracten = [sectie for sectie in config.sections() if sectie.startswith("importlinter:contract:")]

    assert contracten
    assert [c for c in contracten if "ignore_imports" in config[c]] == []


def test_every_app_of_the_project_is_in_the_layer_contract():
    config = _config()
    pakketten = set(config["importlinter"]["root_packages"].split())
    lagen = config["importlinter:contract:lagen"]["layers"]
    eigen = {
        app.name.split(".")[0] for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR) and "site-packages" not in Path(app.path).parts
    }

    assert eigen <= pakketten
    assert all(pakket in lagen for pakket in eigen)
