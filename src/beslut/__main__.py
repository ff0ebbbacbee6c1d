"""Allow `python -m beslut`."""

import gc

# Loading the command line makes many objects and no garbage: collecting while it loads
# would only cost start-up time (~3 ms). start_gui keeps the collector off until the
# window is up; main() turns it back on before any command runs.
gc.disable()

from beslut.cli import main  # noqa: E402

raise SystemExit(main())
