"""Bring a database to the newest schema: ``python -m openreel.db.migrate``.

New revisions are written with Alembic's own API against this config, for example
``alembic.command.revision(alembic_config(url), message="…", autogenerate=True)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from openreel.config import get_settings

if TYPE_CHECKING:
    from alembic.config import Config

# A package resource, so the migrations are found in an installed wheel as in a checkout.
SCRIPT_LOCATION = "openreel.db:migrations"
# The newest revision of migrations/versions (a test holds it to Alembic's own reading):
# a database already there is left alone without loading Alembic and every migration,
# which cost each command of the CLI about half a second.
HEAD = "0014"


def alembic_config(url: str) -> Config:
    """An Alembic config for ``url`` that needs no ``alembic.ini``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    # Passed as an attribute, not an ini option, so a '%' in a password is not interpolated.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``; a no-op when already there."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def ensure_current(url: str) -> None:
    """Bring the database at ``url`` to the newest schema, unless it is there already."""
    if _revision(url) != HEAD:
        upgrade(url)


def _revision(url: str) -> str | None:
    """The revision the database at ``url`` is at (None: none, or no database yet)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, ProgrammingError):  # no such table (or no file) yet
        return None
    finally:
        engine.dispose()
    return str(rows[0][0]) if len(rows) == 1 else None


def main() -> None:
    """Upgrade the database named by the settings."""
    upgrade(get_settings().resolved_database_url())


if __name__ == "__main__":
    main()
