"""Alembic migration environment for the openreel schema."""
