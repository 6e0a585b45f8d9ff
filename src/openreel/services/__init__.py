"""Use cases, one module per family; the front doors call only these."""
