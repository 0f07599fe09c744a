"""pip_plans sits below leerroutes, handhaving and dashboards: it reaches them only through the hooks
they register (pip_plans.haken), never by an import — not even one inside a function."""

import ast
from pathlib import Path

import pip_plans

HOGER = ("leerroutes", "handhaving", "dashboards")


def _imports(pad: Path):
    for knoop in ast.walk(ast.parse(pad.read_text(), filename=str(pad))):
        if isinstance(knoop, ast.Import):
            yield from (alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            yield knoop.module


def test_pip_plans_imports_no_app_above_it():
    map_ = Path(pip_plans.__file__).parent
    omhoog = [
        f"{pad.relative_to(map_.parent)}: {module}"
        for pad in sorted(map_.rglob("*.py"))
        for module in _imports(pad)
        if module.split(".")[0] in HOGER
    ]
    assert omhoog == []
