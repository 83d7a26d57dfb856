"""The one error type the pipeline raises for bad input: it always names the file."""

from pathlib import Path


class InputError(Exception):
    """Input that the pipeline refuses, with the file (and line, when known) it came from."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
