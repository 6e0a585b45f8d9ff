"""openreel: an open platform for AI-made short video with synchronized sound."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("openreel")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
