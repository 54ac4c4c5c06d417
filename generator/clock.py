"""The build's one clock: read once by the caller and passed down."""

from __future__ import annotations

import datetime
import os


def build_time() -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC, whole seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(microsecond=0)
