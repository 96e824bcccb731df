"""Folding text for matching: case, accents and letters that Unicode does not decompose.

"Łódź" folds to "lodz", "Nguyễn" to "nguyen": what a mentor types without the
accents still finds the name.
"""

from __future__ import annotations

import re
import unicodedata

# Letters with no Unicode decomposition into base letter + accent.
_EXTRA = str.maketrans(
    {
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h",
        "ı": "i", "ŧ": "t", "Ŧ": "t", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
    }
)


def fold(text: str) -> str:
    """Lower case, no accents, compatibility forms unified; other scripts kept as they are."""
    if text.isascii():  # the common case, and the answer is the same as below
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    # Only non-ASCII characters can be combining marks: look at those alone (much faster on notes).
    stripped = _NON_ASCII.sub(_drop_marks, decomposed)
    return unicodedata.normalize("NFC", stripped).casefold().translate(_EXTRA)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _drop_marks(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))
