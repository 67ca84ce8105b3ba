"""What every command shares: the settings of this run and the consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console

from wirewatch.settings import Settings


class CliError(Exception):
    """A failure to report as one line (no traceback unless --debug), exit code 2."""


@dataclass
class State:
    config: Path | None = None
    flags: dict[str, Any] = field(default_factory=dict)
    debug: bool = False
    _settings: Settings | None = None

    def settings(self, **more: Any) -> Settings:
        """Settings from every layer; flags given to a subcommand override the global ones."""
        if self._settings is None or more:
            try:
                loaded = Settings.load(self.config, **{**self.flags, **more})
            except (ValueError, FileNotFoundError) as error:
                raise CliError(f"invalid settings: {error}") from error
            if more:
                return loaded
            self._settings = loaded
        return self._settings


STATE = State()
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
