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

    # The platform (openreel serve).
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=0, le=64, description="in-process render workers; 0: none")
    job_lease_seconds: float = Field(
        60.0, gt=0, description="a running job not heard from for this long is requeued"
    )
    job_retry_seconds: float = Field(5.0, ge=0, description="first retry delay; doubles after")
    job_max_attempts: int = Field(3, ge=1, le=20)
    daily_quota: int = Field(50, ge=0, description="videos a user may start per UTC day")
    rate_limit_per_minute: int = Field(
        600, ge=1, description="API requests per minute per token, session or address"
    )
    max_upload_bytes: int = Field(50 * 1024 * 1024, ge=1024)
    session_days: int = Field(30, ge=1, description="how long a sign-in lasts")
    secure_cookies: bool = Field(False, description="set when served over HTTPS")
    warm_up: bool = Field(False, description="load the sentence model on a thread as the "
                          "server starts, so nobody's first steering waits for it "
                          "(openreel serve sets it)")

    # Provenance.
    signing_cert_chain: Path | None = Field(
        None, description="PEM chain (signer first) to sign C2PA manifests with; unset: a "
        "local CA made once in data_dir/keys")
    signing_key: Path | None = Field(None, description="PEM private key of signing_cert_chain")
    watermark_key: int | None = Field(
        None, ge=0, lt=2**64, description="key of the invisible marks; unset: a secret key "
        "made once in data_dir/keys (files marked with openreel's public key by older "
        "versions still read)")

    def resolved_database_url(self) -> str:
        """The database URL to connect to, defaulting to ``data_dir/openreel.db``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'openreel.db').resolve().as_posix()}"

    def scratch_dir(self) -> Path:
        """Where work in progress is kept (render folders, uploads being checked)."""
        return self.data_dir / "tmp"

    def keys_dir(self) -> Path:
        """Where the local signing CA and its keys live."""
        return self.data_dir / "keys"

    def resolved_blob_dir(self) -> Path:
        """The local blob store root, defaulting to ``data_dir/blobs``."""
        return self.blob_dir if self.blob_dir is not None else self.data_dir / "blobs"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
