"""The `timeline` command: build, serve, check, eval, new, diff, import.

Each subcommand is a thin wrapper over a stage or tool module, so the same
code builds the seeds, the development set or a large corpus.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_CONTENT = ["content", "seeds"]


def content_dirs(args: argparse.Namespace) -> list[Path]:
    return [Path(p) for p in (args.content or DEFAULT_CONTENT)]


def _add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        action="append",
        metavar="DIR",
        help="a folder of articles (repeatable; default: content/ and seeds/)",
    )


def cmd_build(args: argparse.Namespace) -> int:
    from .site import build_site

    return build_site(content_dirs(args), Path(args.site_dir), config_file=Path(args.config), engine=args.engine)


def cmd_serve(args: argparse.Namespace) -> int:
    from .site import serve_site

    return serve_site(content_dirs(args), config_file=Path(args.config), address=args.dev_addr)


def cmd_check(args: argparse.Namespace) -> int:
    from .check import run_check

    return run_check(content_dirs(args), strict=args.strict)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    return run_eval(Path(args.shared), Path(args.site_dir))


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import run_new

    return run_new(args)


def cmd_diff(args: argparse.Namespace) -> int:
    from .diff import run_diff

    return run_diff(args)


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import run_import

    return run_import(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the site")
    _add_content(build)
    build.add_argument("--site-dir", default="site")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument(
        "--engine",
        choices=("mkdocs", "properdocs", "zensical"),
        help="what renders the pages (default: the timeline plugin's `engine` option, mkdocs with Material)",
    )
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="preview at http://127.0.0.1:8000, rebuilding on change")
    _add_content(serve)
    serve.add_argument("--config", default="mkdocs.yml")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="validate articles, actors and overrides; list every problem")
    _add_content(check)
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(func=cmd_check)

    evaluate = sub.add_parser("eval", help="build the development set and print the scores")
    evaluate.add_argument("--shared", default="../shared")
    evaluate.add_argument("--site-dir", default="build/eval-site")
    evaluate.set_defaults(func=cmd_eval)

    new = sub.add_parser("new", help="scaffold an article file in content/articles/")
    for flag in ("--date", "--outlet", "--url", "--title", "--language"):
        new.add_argument(flag)
    new.add_argument("--into", default="content/articles")
    new.add_argument("--stdin", action="store_true", help="read the article text from standard input")
    new.add_argument(
        "--claims",
        nargs="?",
        const="",
        metavar="FILE",
        help="print the claims the extractor reads (with their ids) in the new article, or in FILE alone",
    )
    _add_content(new)
    new.set_defaults(func=cmd_new)

    diff = sub.add_parser("diff", help="Markdown summary of what changed between two builds")
    diff.add_argument("old", help="old timeline.json, or a git ref to build and compare against")
    diff.add_argument("new", nargs="?", default="site/data/timeline.json")
    diff.set_defaults(func=cmd_diff)

    importer = sub.add_parser("import", help="turn CSV or JSONL rows of news into article files")
    importer.add_argument("file")
    importer.add_argument("--into", required=True)
    for column in ("date", "url", "title", "text", "outlet"):
        importer.add_argument(f"--{column}-column")
    importer.add_argument("--limit", type=int)
    importer.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
