"""Directing ahead: the prompt read in a forked child gives exactly the storyboard the
director gives in-process, its errors come back as the director's, and a child no longer
wanted is stopped and reaped."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from openreel.director import direct
from openreel.pipeline.ahead import Directing

PROMPT = 'a dog chases a red ball in the park, then a girl says "good boy"'

_PROBE = """
import json, os, sys
from openreel.pipeline.ahead import Directing
directing = Directing(sys.argv[1], seconds=float(sys.argv[2]), style=None, image=None)
forked, child = directing.forked, directing._pid
if sys.argv[3] == "cancel":
    directing.cancel()
    try:
        os.waitpid(child, os.WNOHANG)
        reaped = False
    except ChildProcessError:
        reaped = True
    print(json.dumps({"forked": forked, "reaped": reaped}))
    sys.exit(0)
try:
    board = directing.result()
    print(json.dumps({"forked": forked, "board": board.model_dump(mode="json"),
                      "model_here": "spacy" in sys.modules}))
except ValueError as exc:
    print(json.dumps({"forked": forked, "error": str(exc)}))
"""


def _probe(prompt: str, seconds: float, what: str = "result") -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _PROBE, prompt, str(seconds), what],
                          capture_output=True, text=True, check=True, timeout=120)
    reply: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return reply


def test_a_cold_process_directs_in_a_child_and_gets_the_same_storyboard() -> None:
    reply = _probe(PROMPT, 6.0)
    assert reply["forked"] is True
    assert reply["model_here"] is False, "the language model loads in the child only"
    assert reply["board"] == direct(PROMPT, seconds=6.0).model_dump(mode="json")


def test_the_directors_error_comes_back_from_the_child() -> None:
    reply = _probe(PROMPT, 0.0)
    assert reply["forked"] is True
    try:
        direct(PROMPT, seconds=0.0)
    except ValueError as exc:
        assert reply["error"] == str(exc)
    else:
        raise AssertionError("the director accepted 0 seconds")


def test_a_child_no_longer_wanted_is_stopped_and_reaped() -> None:
    reply = _probe(PROMPT, 6.0, "cancel")
    assert reply == {"forked": True, "reaped": True}


def test_with_threads_running_it_directs_here() -> None:
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        directing = Directing(PROMPT, seconds=4.0, style=None, image=None)
        assert not directing.forked  # forking a process with threads is unsafe
        assert directing.result() == direct(PROMPT, seconds=4.0)
    finally:
        stop.set()
        waiter.join()
