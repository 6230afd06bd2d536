"""Render the pages of a large site in two processes, so a build uses two cores.

MkDocs renders pages one after another, and the theme's templates are most
of a large build's time. Once every page has been read (MkDocs' on_env),
the build forks: the child renders every other page and exits; the parent
renders the rest and renders the child's as empty (theme/main.html), which
MkDocs does not write; on_post_build waits for the child and fails the
build if the child failed. Linux only (fork is unsafe or missing
elsewhere), and not while serving (a threaded process).
"""

from __future__ import annotations

import os
import sys
import traceback

from mkdocs.commands import build as mkdocs_build

SPLIT_FROM = 400  # pages; a smaller site is not worth a second process


class RenderError(RuntimeError):
    pass


def can_split(page_count: int, command: str | None) -> bool:
    return (
        command == "build"
        and page_count >= SPLIT_FROM
        and sys.platform.startswith("linux")
        and hasattr(mkdocs_build, "_build_page")  # MkDocs' own page renderer, used by the child
    )


class PageSplit:
    """The pages a forked child renders; `skips(source)` tells the parent which to leave to it."""

    def __init__(self, config, files, nav, env, before_render=None):
        doc_files = files.documentation_pages()
        mine = doc_files[1::2]
        self.child_sources = {f.src_uri for f in mine}
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: render its share, then leave without returning into the caller
            code = 1
            try:
                if before_render:
                    before_render()
                for file in mine:
                    excluded = file.inclusion.is_excluded()
                    mkdocs_build._build_page(file.page, config, doc_files, nav, env, excluded=excluded)
                code = 0
            except BaseException:  # noqa: BLE001 (reported here: the parent only sees the exit code)
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)

    def skips(self, source: str) -> bool:
        return source in self.child_sources

    def wait(self) -> None:
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RenderError(f"the second page renderer failed (exit code {code}); its error is printed above")

    def cancel(self) -> None:
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
