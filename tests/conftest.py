"""Shared test setup: model libraries never reach the network, data stays in a temp dir."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Commands run in tests keep their database, blobs and signing keys out of the work tree.
if "OPENREEL_DATA_DIR" not in os.environ:
    _data = tempfile.mkdtemp(prefix="openreel-tests-")
    os.environ["OPENREEL_DATA_DIR"] = _data
    atexit.register(shutil.rmtree, _data, ignore_errors=True)
