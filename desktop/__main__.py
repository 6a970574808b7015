"""Entry point: ``fumi`` / ``python -m desktop`` / the frozen executable.

No arguments open the window; a subcommand runs headless; ``--engine`` makes
this process the engine worker, speaking the protocol on stdin/stdout;
``--probe FILE...`` reads model files' metadata in a throwaway process (bounded
in time and memory) and prints it as JSON; ``--read-document PATH`` does the
same for a document (``desktop.reading``).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--engine"]:
        from desktop.engine.worker import main as engine_main

        return engine_main()
    if argv[:1] == ["--probe"]:
        from desktop.library.probe import main as probe_main

        return probe_main(argv[1:])
    if argv[:1] == ["--read-document"]:
        from desktop.reading import main as reader_main

        return reader_main(argv[1:])
    from desktop.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
