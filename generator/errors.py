"""Problems are data: every check returns Problems; nothing raises past the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a terminal or a CI log would take for a new line or a command: C0 and C1 controls,
# DEL, the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` on one line, each control character written as its escape (\\n, \\x01): a
    value from data can neither start a line of its own in a log (a GitHub workflow command
    such as ::add-mask::) nor hide the rest of the message."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a data file: path relative to the project, 1-based line and column."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with where it is and what was expected."""

    location: Location
    message: str
    expected: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.expected:
            text += f" ({self.expected})"
        return text

    def line(self) -> str:
        """The problem as one printable line (what the CLI and the build print)."""
        return one_line(str(self))


class GeneratorError(Exception):
    """Raised with every problem found, so a caller can print them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
