"""Statements compiled once and handed to the database driver ready to run.

SQLAlchemy prepares a Core statement anew on each execution: it looks up the compiled
form, builds the parameters and an execution context, and renders an expanding ``IN``
again (40 to 120 µs a statement on a 2-core machine, where the query itself takes 1 to
20 µs on SQLite). For the few statements every feed request runs, :class:`Prepared`
does that work once per dialect and runs the SQL string on a cursor of the connection's
own DBAPI connection: inside its transaction, with driver errors raised as SQLAlchemy
raises them, but unseen by cursor events (so not echoed either). Even ``exec_driver_sql``
costs some 30 µs a statement in execution-context set-up. Result values go through the
columns' own result processors, so they come back as the ORM would give them (aware
datetimes, enums as members).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import CompoundSelect, Select

Processor = Callable[[Any], Any] | None
Statement = Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]


class Prepared:
    """A SELECT compiled once per dialect; run it with :meth:`rows`.

    Parameters are named as in the statement; literal values compiled into it keep
    their values. Bound values pass to the driver as given, so they must be of types the
    driver takes as they are (ints, floats, strings): no bind processors are applied.
    """

    def __init__(self, statement: Statement) -> None:
        self._statement = statement
        self._forms: dict[str, tuple[str, Sequence[str] | None, dict[str, Any],
                                     list[Processor]]] = {}
        self._lock = threading.Lock()

    def _form(self, dialect: Dialect) -> tuple[str, Sequence[str] | None, dict[str, Any],
                                              list[Processor]]:
        form = self._forms.get(dialect.name)
        if form is None:
            compiled = self._statement.compile(dialect=dialect)
            fixed = {name: bind.value for name, bind in compiled.binds.items()
                     if not bind.required}
            order = list(compiled.positiontup or ()) if dialect.positional else None
            processors: list[Processor] = [
                column.type.dialect_impl(dialect).result_processor(dialect, None)
                for column in self._statement.selected_columns]
            form = (compiled.string, order, fixed, processors)
            with self._lock:
                self._forms[dialect.name] = form
        return form

    def rows(self, connection: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row of the statement run with ``params``."""
        sql, order, fixed, processors = self._form(connection.dialect)
        values = {**fixed, **params}
        arguments: tuple[Any, ...] | dict[str, Any] = (
            tuple(values[name] for name in order) if order is not None else values)
        dialect = connection.dialect
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, arguments)
            found = cursor.fetchall()
        except dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
            raise DBAPIError.instance(sql, arguments, exc,
                                      dialect.loaded_dbapi.Error) from exc
        finally:
            cursor.close()
        if not any(processors):
            return [tuple(row) for row in found]
        return [tuple(value if process is None else process(value)
                      for value, process in zip(row, processors, strict=True))
                for row in found]
