"""Feed ranking, steering and topics: pure logic over what the services read from the
database (nothing here imports ``openreel.db`` or SQLAlchemy)."""
