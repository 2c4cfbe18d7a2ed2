"""A person's name as the archive compares names across briefings.

Briefings written on different days name the same person differently:
"Vladimir Putin", "Mr Putin", "President Putin", "Putin". `person_key`
reads each as the words of the name alone (titles and honorifics dropped,
case and accents ignored): "vladimir putin", "putin". `same_person` then
says whether a key names the person of another: the same words, or a
surname alone where the archive knows one full name with that surname
only, or an initial where it is the only full name it can stand for. It
never joins two full names that differ ("Boris Johnson", "Lyndon
Johnson"), and a surname two full names share stands for neither.
Nothing here imports Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Words in front of a name that say what someone is, not who.
_TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
president vice prime minister ministers secretary general gen lt col colonel major
captain capt admiral adm sgt sergeant senator sen rep representative congressman
congresswoman governor gov mayor judge justice chancellor chief king queen prince
princess pope sheikh emir ayatollah premier deputy foreign defence defense interior
finance health state former acting the of
""".split())
# Words after a name that are not part of who it is.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mp", "qc", "kc"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def person_key(name: str) -> str:
    """The words of a name, without titles, case or accents."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = [w.replace("’", "'") for w in _WORD.findall(text)]
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def same_person(key: str, known: Iterable[str]) -> set[str]:
    """The keys among `known` that name the person `key` names (itself
    included when known): see the module."""
    known = set(known)
    if not key:
        return set()
    words = key.split()
    surname = words[-1]
    full = {k for k in known if len(k.split()) > 1 and k.split()[-1] == surname}
    if len(words) == 1:
        # A surname alone: the one full name it can be, if only one.
        named = {k for k in full if not _initialled(k)}
        found = {key} & known
        if len(named) == 1:
            (person,) = named
            found |= {person} | {k for k in full if _fits(k, person)}
        return found
    if _initialled(key):  # "V. Putin": the one full name it can stand for
        fitting = {k for k in full if not _initialled(k) and _fits(key, k)}
        if len(fitting) == 1:
            (person,) = fitting
            return ({key} & known) | same_person(person, known)
        return {key} & known
    # A full name: itself, the initials that fit it alone, and the surname
    # alone if no other full name has that surname.
    named = {k for k in full if not _initialled(k)}
    found = {key} & known
    found |= {k for k in full if _initialled(k) and _fits(k, key)
              and sum(_fits(k, other) for other in named) == 1}
    if named <= {key} and surname in known:
        found.add(surname)
    return found


def _initialled(key: str) -> bool:
    """Whether a name has an initial for a given name ("v putin")."""
    return any(len(word) == 1 for word in key.split()[:-1])


def _fits(short: str, full: str) -> bool:
    """Whether `short` ("v putin", "putin") can be `full` ("vladimir putin")."""
    a, b = short.split(), full.split()
    if a[-1] != b[-1] or len(a) > len(b):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) for x, y in zip(a[:-1], b[:-1],
                                                                         strict=False))
