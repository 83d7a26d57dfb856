"""Run a command that dies with its parent: `python deploy/exec_child.py CMD [ARGS...]`.

supervisord starts every program of the front through this. It asks Linux to send the program
SIGKILL when its parent (supervisord) dies, then replaces itself with the program (same pid, so
supervisord signals the program itself). Killed with `kill -9`, supervisord cannot stop its
children; this way none of them outlives it to hold the front's port or a worker's.
"""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: exec_child.py CMD [ARGS...]")
    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        sys.exit(f"exec_child: prctl failed: {os.strerror(ctypes.get_errno())}")
    if os.getppid() != parent:  # the parent died before prctl took effect
        sys.exit("exec_child: parent gone")
    os.execvp(sys.argv[1], sys.argv[1:])


if __name__ == "__main__":
    main()
