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
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; unset means a SQLite file in data_dir"
    )
    blob_dir: Path | None = Field(None, description="local blob store root; unset: data_dir/blobs")

    def resolved_database_url(self) -> str:
        """The database URL to connect to, defaulting to ``data_dir/openreel.db``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'openreel.db').resolve().as_posix()}"

    def resolved_blob_dir(self) -> Path:
        """The local blob store root, defaulting to ``data_dir/blobs``."""
        return self.blob_dir if self.blob_dir is not None else self.data_dir / "blobs"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
