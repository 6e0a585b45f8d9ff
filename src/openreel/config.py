"""Settings, read once from the environment (``OPENREEL_*``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything that differs between a laptop and a cluster."""

    model_config = SettingsConfigDict(env_prefix="OPENREEL_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="where databases, blobs and keys live")
    engine: str = "procedural"
    x264_preset: str = "veryfast"
    x264_crf: int = Field(20, ge=0, le=51)
    hf_offline: bool = Field(True, description="never let model libraries reach a hub")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
