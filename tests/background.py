"""Shell steps run in the background by one test process and awaited by others (pytest-xdist workers).

A job writes `<name>.status` (the exit code) into its directory when it ends, so any process that
knows the directory can wait for it, not only the one that started it.
"""

import shlex
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class Job:
    def __init__(self, directory, name, steps, env):
        self.directory, self.name = Path(directory), name
        self.directory.mkdir(parents=True, exist_ok=True)
        status, written = (shlex.quote(str(self.directory / f"{name}.{end}")) for end in ("status", "status.tmp"))
        script = " && ".join(step if isinstance(step, str) else shlex.join(step) for step in steps)
        self.log = open(self.directory / f"{name}.log", "wb")  # closed by discard()
        self.process = subprocess.Popen(
            ["/bin/sh", "-c", f"{script}; echo $? > {written} && mv {written} {status}"],
            cwd=REPO,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def discard(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def wait_for(directory, name, timeout=900):
    """None when the job `name` in `directory` succeeded, else why not (the end of its log)."""
    status = Path(directory) / f"{name}.status"
    deadline = time.monotonic() + timeout
    while not status.exists():
        if time.monotonic() > deadline:
            return f"{name} did not finish within {timeout} s"
        time.sleep(0.2)
    if status.read_text().strip() == "0":
        return None
    return (Path(directory) / f"{name}.log").read_text(errors="replace")[-3000:]


def awaited(directory, name):
    """A shell step that waits for the job `name` in `directory` and fails if it failed."""
    status = shlex.quote(str(Path(directory) / f"{name}.status"))
    return f'until [ -f {status} ]; do sleep 0.2; done; [ "$(cat {status})" = 0 ]'
