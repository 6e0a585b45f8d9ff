"""What a handle (the @name a person is known by) may be."""

import re

from openreel import spec

HANDLE = re.compile(spec.HANDLE)
RESERVED_HANDLES = frozenset({"api", "admin", "openreel", "static", "media", "verify", "me"})
