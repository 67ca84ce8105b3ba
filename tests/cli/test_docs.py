"""Every command and every setting is documented in the README (Datasette's rule)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from wirewatch.cli import app
from wirewatch.settings import Settings

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def _command_names(group, prefix: str = "wirewatch") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        names.append(full)
        if hasattr(command, "commands"):
            names.extend(_command_names(command, full))
    return names


def test_every_command_is_in_the_readme():
    click_app = typer.main.get_command(app)
    missing = [name for name in _command_names(click_app) if f"`{name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_readme():
    missing = [name for name in Settings.model_fields if f"WIREWATCH_{name.upper()}" not in README]
    assert not missing, f"settings missing from README.md: {missing}"


def test_the_readme_opens_with_make_run_and_make_test():
    head = README[:600]
    assert "make run" in head and "make test" in head
