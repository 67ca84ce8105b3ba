"""`wirewatch serve` hands uvicorn the app and the address from flags over settings."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

import wirewatch.cli.serve  # noqa: F401  (registers the command on the app)
from wirewatch.cli._app import app
from wirewatch.cli._state import STATE


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setenv("WIREWATCH_DB", str(tmp_path / "serve.db"))
    monkeypatch.delenv("WIREWATCH_HOST", raising=False)
    monkeypatch.delenv("WIREWATCH_PORT", raising=False)
    monkeypatch.setattr(STATE, "_settings", None)
    return seen


def test_defaults_bind_localhost_8000(served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert served["app"].state.settings.db.endswith("serve.db")


def test_flags_override_environment(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREWATCH_PORT", "9100")
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("0.0.0.0", 8123)


def test_environment_port_is_used(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_PORT", "9100")
    assert CliRunner().invoke(app, ["serve"]).exit_code == 0
    assert served["port"] == 9100


def test_bad_port_is_a_usage_error(served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and not served
