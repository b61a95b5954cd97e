"""The output-format port: one small class per format behind this ABC (after pip-audit).

A format turns a :class:`~dockerbench.Report` into text. It never writes files or prints: the
caller decides where the text goes. Options (such as JUnit's ``warn_as_failure``) are
constructor arguments, so one format instance renders every report the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from .._report import Report


class Format(ABC):
    """An output format of a Report."""

    #: Name used on the command line and in :data:`dockerbench.report.FORMATS` (``"sarif"``).
    name: ClassVar[str]
    #: File name extension without the dot (``"sarif"``).
    extension: ClassVar[str]
    #: IANA media type of the rendered text (``"application/sarif+json"``).
    media_type: ClassVar[str]

    @abstractmethod
    def render(self, report: Report) -> str:
        """The report as text in this format."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
