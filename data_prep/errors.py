"""The one error type the pipeline raises for bad input: it always names the file."""

from pathlib import Path


class InputError(Exception):
    """Input that the pipeline refuses, with the file (and line, when known) it came from.

    `code` and `params` name the refusal for a reader in any language (the dashboard words it in
    Chinese or English from them); `message` is the English wording for the command line.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        code: str = "",
        **params: object,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.code = code
        self.params = params
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
