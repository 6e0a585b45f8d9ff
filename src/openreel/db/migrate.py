"""Bring a database to the newest schema: ``python -m openreel.db.migrate``.

New revisions are written with Alembic's own API against this config, for example
``alembic.command.revision(alembic_config(url), message="…", autogenerate=True)``.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from openreel.config import get_settings

# A package resource, so the migrations are found in an installed wheel as in a checkout.
SCRIPT_LOCATION = "openreel.db:migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config for ``url`` that needs no ``alembic.ini``."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    # Passed as an attribute, not an ini option, so a '%' in a password is not interpolated.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``; a no-op when already there."""
    command.upgrade(alembic_config(url), revision)


def main() -> None:
    """Upgrade the database named by the settings."""
    upgrade(get_settings().resolved_database_url())


if __name__ == "__main__":
    main()
