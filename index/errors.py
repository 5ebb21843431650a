"""Exceptions of the index. Each docstring says whether its message is shown to users."""

from __future__ import annotations


class SearchIndexError(Exception):
    """Base class. Messages are written for an operator (admin, CLI user)."""


class KnowledgeFileError(SearchIndexError):
    """A knowledge file is malformed. Shown to admins: names the file and the line."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")


class BuildError(SearchIndexError):
    """Building the index failed; the previous index stays in use. Shown to admins."""


class BuildCancelled(BuildError):
    """A build stopped because the process is shutting down; nothing was swapped in."""


class IndexMissingError(SearchIndexError):
    """No usable index exists and none could be built. Shown to admins and CLI users."""


class IndexDamagedError(IndexMissingError):
    """A file of a build is missing, truncated or garbled (its checksum differs). Shown to
    operators in a warning that names the file; the engine rebuilds or uses an older build."""

    def __init__(self, build: str, file: str, problem: str) -> None:
        self.build, self.file, self.problem = build, file, problem
        super().__init__(f"index file {build}/{file} is damaged: {problem}")


class PageImportError(KnowledgeFileError):
    """A raw article cannot be imported (binary, empty, HTML, too large, nothing left after
    cleaning, id clash). Shown to admins and CLI users: names the file and the problem."""
