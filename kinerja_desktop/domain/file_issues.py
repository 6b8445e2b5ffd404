"""A problem found in an imported file, named by its line and column as the spreadsheet shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LineIssue:
    """One problem; ``line`` None for the whole file, ``column`` None for the whole line.

    Attributes:
        line: The row number as the spreadsheet shows it (the header is line 1 of a table).
        column: The column heading as written in the file.
        message: What is wrong and what to do, in Indonesian.
    """

    line: int | None
    column: str | None
    message: str

    def text(self) -> str:
        """One line: "Baris 7, kolom 'NIP': ..."."""
        if self.line is None:
            return self.message
        if self.column is None:
            return f"Baris {self.line}: {self.message}"
        return f"Baris {self.line}, kolom '{self.column}': {self.message}"
