"""What a handle (the @name a person is known by) may be."""

import re

HANDLE = re.compile(r"[a-z0-9_]{3,32}")
RESERVED_HANDLES = frozenset({"api", "admin", "openreel", "static", "media", "verify", "me"})
