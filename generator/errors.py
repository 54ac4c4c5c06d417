"""Problems are data: every check returns Problems; nothing raises past the CLI."""
from __future__ import annotations

from dataclasses import dataclass


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


class GeneratorError(Exception):
    """Raised with every problem found, so a caller can print them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
