"""Allow `python -m beslut`."""

from beslut.cli import main

raise SystemExit(main())
