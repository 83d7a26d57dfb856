"""Writes to seeds/ and data/curated/: one writer at a time, each write whole or not at all.

- **One writer.** `writing(seeds_dir)` holds a lock file (the `filelock` library, an OS lock
  that serialises threads of one process as well as processes) for everything under the seeds
  and the tables built from them. It is re-entrant in the thread that holds it. A writer that
  waits longer than `ZHUNDONG_LOCK_TIMEOUT` seconds (30 by default) is refused with
  `code="busy"`: "another change is being saved, try again", never a hang. The lock file lives in
  the temporary folder, named after the seeds folder, so that a read-only checkout can still build
  its tables elsewhere and the seeds folder holds nothing but seeds.
- **Whole files.** `write_atomic` writes a unique temporary file in the same folder, flushes and
  fsyncs it, and renames it over the old one: a reader sees the old or the new file, never a part.
- **Whole tables.** `data/curated` is a symbolic link to a built folder beside it
  (`.curated-<unique>`). A build fills a new folder, checks it, writes its manifest last, and then
  replaces the link in one rename (`install_tables`). A build killed at any point leaves the link
  on the last good folder; one killed during the one-time move from a plain folder to the link
  leaves a complete folder that `recover` links again.
- **Leftovers.** `recover` (run by every writer once it holds the lock) finishes an `add` whose
  record landed before its text (see data_prep.add), then removes temporary files and unlinked
  table folders, and says what it did.

`step(name)` marks the points between the parts of a write; it does nothing, and tests replace it
to cut a process at each point.
"""

import errno
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from hashlib import sha256
from pathlib import Path

from filelock import FileLock, Timeout

from data_prep.errors import InputError

TIMEOUT_ENV = "ZHUNDONG_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
TEMP_SUFFIX = ".tmp"


def step(name: str) -> None:
    """A point between two parts of a write (tests cut the process here)."""


def lock_path(seeds_dir: Path) -> Path:
    key = sha256(str(Path(seeds_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"zhundong-{key}.lock"


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def writing(seeds_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the one writer's lock of `seeds_dir` and the tables built from it; raises InputError
    (code "busy") when another writer holds it longer than the timeout."""
    lock = FileLock(
        lock_path(seeds_dir),
        is_singleton=True,  # one object per path: re-entrant in a thread, exclusive across them
        preserve_lock_file=True,  # never unlinked, so two writers never lock two inodes
    )
    try:
        lock.acquire(timeout=_timeout() if timeout is None else timeout)
    except Timeout:
        raise InputError(
            seeds_dir,
            "another change is being saved; try again in a moment",
            code="busy",
        ) from None
    except OSError as error:
        raise write_error(lock_path(seeds_dir), error) from None
    try:
        yield
    finally:
        lock.release()


def write_error(path: Path, error: OSError) -> InputError:
    """An OSError of a write as a refusal naming the file: the full disk said as such."""
    if error.errno == errno.ENOSPC:
        return InputError(path, "the disk is full: nothing was changed", code="disk_full")
    return InputError(
        path,
        f"cannot be written ({error.strerror or error}): nothing was changed",
        code="cannot_write",
        reason=error.strerror or str(error),
    )


def temp_name(path: Path) -> Path:
    """A scratch name beside `path`, unique per call (never per process)."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}{TEMP_SUFFIX}")


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def stage(path: Path, data: bytes) -> Path:
    """`data` written and fsynced under a unique temporary name beside `path`; returns it."""
    scratch = temp_name(path)
    try:
        with open(scratch, "xb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError as error:
        scratch.unlink(missing_ok=True)
        raise write_error(path, error) from None
    return scratch


def commit(scratch: Path, path: Path) -> None:
    """Rename a staged file over `path` (atomic), then make the rename itself durable."""
    try:
        os.replace(scratch, path)
        _fsync_folder(path.parent)
    except OSError as error:
        scratch.unlink(missing_ok=True)
        raise write_error(path, error) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` by `data`, whole or not at all; raises InputError naming `path`."""
    commit(stage(path, data), path)


# --- the tables: a link to the last good build -------------------------------------------------


def versions(out_dir: Path) -> list[Path]:
    """The built folders beside `out_dir` (`.curated-…`), linked or not."""
    if not out_dir.parent.is_dir():
        return []
    prefix = f".{out_dir.name}-"
    return sorted(
        p for p in out_dir.parent.iterdir() if p.name.startswith(prefix) and not p.is_symlink()
    )


def new_version(out_dir: Path) -> Path:
    """An empty folder for a build, beside `out_dir`, under a name unique per call."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    except OSError as error:
        raise write_error(out_dir.parent, error) from None


def install_tables(version: Path, out_dir: Path) -> None:
    """Point `out_dir` at the built folder `version` in one rename; remove the folder it left."""
    previous = out_dir.resolve() if out_dir.is_symlink() else None
    try:
        if out_dir.exists() and not out_dir.is_symlink():
            # Tables of an older layout (a plain folder): it becomes a version, then the link
            # replaces it. A kill between the two renames is mended by `recover`.
            previous = out_dir.with_name(f".{out_dir.name}-{uuid.uuid4().hex}")
            out_dir.rename(previous)
            step("build:moved-plain-folder")
        link = out_dir.with_name(f".{out_dir.name}-link-{uuid.uuid4().hex}")
        link.symlink_to(version.name, target_is_directory=True)
        os.replace(link, out_dir)
        _fsync_folder(out_dir.parent)
    except OSError as error:
        raise write_error(out_dir, error) from None
    step("build:linked")
    if previous is not None and previous != version.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def _complete(folder: Path) -> bool:
    return (folder / "manifest.json").is_file()


def recover(seeds_dir: Path, out_dir: Path | None = None) -> list[str]:
    """Mend what a killed writer left, under the lock: link the last complete build when the
    tables' link is missing, remove unlinked builds, temporary files and the text of a report
    whose record never landed. Returns a line per thing done, for the log."""
    from data_prep.reports import finish_adds  # reports reads seeds; store sits below it

    done: list[str] = []
    if out_dir is not None:
        if not out_dir.exists() and not out_dir.is_symlink():
            complete = [v for v in versions(out_dir) if _complete(v)]
            if complete:
                newest = max(complete, key=lambda v: (v / "manifest.json").stat().st_mtime)
                install_tables(newest, out_dir)
                done.append(f"{out_dir}: linked the last complete build {newest.name}")
        elif out_dir.is_symlink() and not out_dir.exists():
            out_dir.unlink()  # a link to nothing: the next build makes a new one
            done.append(f"{out_dir}: removed a link to a missing build")
        current = out_dir.resolve() if out_dir.is_symlink() else None
        for version in versions(out_dir):
            if version.resolve() != current:
                shutil.rmtree(version, ignore_errors=True)
                done.append(f"{version}: removed an unfinished or replaced build")
        for link in (
            out_dir.parent.glob(f".{out_dir.name}-link-*") if out_dir.parent.is_dir() else []
        ):
            link.unlink(missing_ok=True)
            done.append(f"{link}: removed a leftover link")
    if seeds_dir.is_dir():
        for finished in finish_adds(seeds_dir):  # before the scratch files go: it renames one
            done.append(f"{finished}: put in place the text of a report already recorded")
        for scratch in seeds_dir.glob(f".*{TEMP_SUFFIX}"):
            scratch.unlink(missing_ok=True)
            done.append(f"{scratch}: removed an unfinished write")
    for line in done:
        print(f"recovered: {line}", file=sys.stderr)
    return done
