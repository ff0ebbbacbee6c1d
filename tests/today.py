"""The one day the test suite runs on, whatever the machine's clock says."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 12, 1)
# 09:00 local time on TODAY: the suite's clock starts here in every test and ticks.
START = dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0).astimezone()
