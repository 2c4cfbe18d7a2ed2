"""The format's numbers and dates, as the schema judges them.

Apart from `briefing.schema` so that the validator generated from it
(`briefing.schema_core`) can call them without importing pydantic.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError


def number(value: Any) -> int | float:
    """A TOML integer or float; never a bool, a string, NaN or infinity."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number", "must be a number, not {kind}", {"kind": kind(value)})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "must be a finite number, not {value}",
                                  {"value": str(value)})
    return value


def published(value: Any) -> date:
    """A TOML date or date-time (a datetime is a date); never a bare time."""
    if not isinstance(value, date):
        raise PydanticCustomError("date", "must be a TOML date such as 2022-03-28, not {kind}",
                                  {"kind": kind(value)})
    return value


def kind(value: Any) -> str:
    """What a TOML value is, as a message says it: "a string", "an array"."""
    names = {bool: "a boolean", str: "a string", int: "an integer", float: "a float",
             list: "an array", dict: "a table"}
    return names.get(type(value), "a " + type(value).__name__)
