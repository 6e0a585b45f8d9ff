"""Migrations build the schema the models describe, from an installed package too."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from db_rows import add_user, add_video
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from openreel.config import Settings
from openreel.db import migrate
from openreel.db.migrate import alembic_config, upgrade
from openreel.db.models import Base, User, Video
from openreel.db.session import make_engine, session_scope

HEAD = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def test_revisions_form_one_line() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert HEAD is not None and HEAD != "0001"


def test_the_head_the_code_knows_is_alembics() -> None:
    # ensure_current skips Alembic for a database at migrate.HEAD: a new revision must
    # move it, or databases would never get that revision.
    assert migrate.HEAD == HEAD


def test_a_database_at_the_head_is_left_alone_and_others_are_brought_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgrades: list[str] = []
    real_upgrade = migrate.upgrade
    monkeypatch.setattr(migrate, "upgrade", lambda u: (upgrades.append(u), real_upgrade(u)))
    migrate.ensure_current(url)  # no database yet
    assert upgrades == [url]
    migrate.ensure_current(url)  # at the head: Alembic is not asked
    assert upgrades == [url]
    older = f"sqlite:///{tmp_path / 'older.db'}"
    real_upgrade(older, "0008")  # one revision behind
    migrate.ensure_current(older)
    assert upgrades == [url, older]
    assert _head_revision(make_engine(older)) == HEAD


def _head_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_upgrade_creates_every_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert _head_revision(engine) == HEAD


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_feed_indexes_exist(engine: Engine) -> None:
    indexed = {tuple(ix["column_names"]) for ix in inspect(engine).get_indexes("videos")}
    assert ("status", "published_at") in indexed
    assert ("owner_id", "published_at") in indexed


def test_upgrading_twice_is_a_no_op(
    database_url: str, engine: Engine, sessions: sessionmaker[Session]
) -> None:
    with session_scope(sessions) as session:
        add_user(session, "ada")
    upgrade(database_url)
    assert _head_revision(engine) == HEAD
    with session_scope(sessions) as session:
        assert session.scalars(select(User.handle)).all() == ["ada"]


def test_migration_scripts_ship_inside_the_package() -> None:
    migrations = files("openreel.db") / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert (migrations / "versions" / "0001_initial_schema.py").is_file()


def test_module_entry_point_upgrades_the_configured_database(tmp_path: Path) -> None:
    env = {**os.environ, "OPENREEL_DATA_DIR": str(tmp_path / "data")}
    env.pop("OPENREEL_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "openreel.db.migrate"], cwd=tmp_path, env=env, check=True)
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'openreel.db'}")
    try:
        assert "videos" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_database_url_defaults_to_a_file_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path.resolve()}/openreel.db"
    chosen = Settings(data_dir=tmp_path, database_url="postgresql+psycopg://db/openreel")
    assert chosen.resolved_database_url() == "postgresql+psycopg://db/openreel"


def test_videos_made_before_labels_are_filed_again_from_their_storyboards(
        tmp_path: Path) -> None:
    from alembic import command

    from openreel.director import direct

    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0007")
    engine = make_engine(url)
    try:
        with session_scope(sessionmaker(engine)) as session:
            owner = add_user(session, "ada")
            story = add_video(session, owner)
            story.storyboard = direct("a cat and a dog on a rainy street, noir style",
                                      seconds=4.0).model_dump(mode="json")
            story.topics = ["pets", "animals"]
            unreadable = add_video(session, owner)
            unreadable.storyboard = {"not": "a storyboard"}
            unreadable.topics = ["toys"]
            ids = story.id, unreadable.id
        upgrade(url)
        with session_scope(sessionmaker(engine)) as session:
            labels = {v.id: v.topics for v in session.scalars(select(Video))}
        assert {"cat", "dog", "noir", "pets"} <= set(labels[ids[0]]), labels
        assert labels[ids[1]] == ["toys"]  # kept as it was
    finally:
        engine.dispose()
