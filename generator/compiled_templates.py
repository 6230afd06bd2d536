"""The theme's templates compiled once per `timeline serve` session: takes MkDocs' Jinja environment of each
rebuild, gives it the compiled templates of the last one.

MkDocs makes a new Jinja environment for every build, so each rebuild parsed and compiled Material's templates
again (a tenth of a reload on the corpus, measured). Jinja's own bytecode cache hook keeps them here, in memory:
a template is reused only under the same name, file and source checksum (Jinja checks it), and every one is
dropped when mkdocs.yml changes (a theme option or a Jinja setting may change how a template compiles).
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates of one serve session, by Jinja's key and the template source's checksum."""

    def __init__(self) -> None:
        self.compiled: dict[tuple[str, str], CodeType] = {}
        self.config_text: bytes | None = None
        self.reused = 0  # templates the last build took from here instead of compiling them

    def for_config(self, config_text: bytes) -> CompiledTemplates:
        """This cache for a build of the given mkdocs.yml: emptied when the file changed since the last build."""
        if config_text != self.config_text:
            self.compiled, self.config_text = {}, config_text
        self.reused = 0
        return self

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            self.reused += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.compiled[(bucket.key, bucket.checksum)] = bucket.code
