"""Reading the project's YAML files: the loader, and where in a file a problem is.

`actors.yml`, `places.yml`, `events.yml` and front matter each turn their
mistakes into `Problem`s with a line; these are the pieces they share.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

# libyaml's safe loader where PyYAML was built with it: the tables hold thousands of names
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_error_line(err: Exception, first_line: int = 1) -> int:
    """The line a YAML error points at (`first_line` is the text's first line in its file), else the first."""
    mark = getattr(err, "problem_mark", None)
    return mark.line + first_line if mark else first_line


def line_finder(text: str) -> Callable[[str], int]:
    """`line_of(needle)`: the first line of the text that holds the needle (1 when none does)."""
    lines = text.split("\n")

    def line_of(needle: str) -> int:
        return next((i + 1 for i, line in enumerate(lines) if needle and needle in line), 1)

    return line_of
