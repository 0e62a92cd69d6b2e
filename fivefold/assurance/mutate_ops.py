"""The mutation operators: every mutant of one Vyper source, found from its tokens.

Vyper 0.4's surface syntax is Python's, so Python's own tokenizer splits a contract into tokens; a
comment is one COMMENT token and a docstring or string one STRING token, so no operator ever
touches them. The operators (issue 18):

  compare   flip a comparison: < <=, <= <, > >=, >= >, == !=, != ==
  arith     swap + and - (binary only; += and -= too; unsafe_add and unsafe_sub)
  assert    drop an `assert` statement (replaced by `pass`)
  number    change a numeric literal by one (n-1, or 1 for 0); not inside a type's brackets
            (String[64], Bytes[32], DynArray[T, 10], uint256[3]): those change the ABI, not logic
  store     remove a storage write `self.x... = / += / -= ...` (replaced by `pass`)

A replaced statement keeps its line count (blank lines after `pass`), so every later line number
still points at the original source.
"""

from __future__ import annotations

import hashlib
import io
import re
import tokenize
from dataclasses import dataclass

COMPARE_FLIP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
ARITH_SWAP = {
    "+": "-",
    "-": "+",
    "+=": "-=",
    "-=": "+=",
    "unsafe_add": "unsafe_sub",
    "unsafe_sub": "unsafe_add",
}
ASSIGN_OPS = {"=", "+=", "-=", "*=", "/=", "//=", "%=", "|=", "&=", "^=", "<<=", ">>=", "**="}
# a `-`/`+` after one of these is unary (`x = -1`, `return -y`, `f(-a)`), not a subtraction
_UNARY_AFTER_NAMES = {"return", "assert", "and", "or", "not", "in", "if", "else", "raise", "log"}
_CLOSERS = {")", "]", "}"}
# a NAME before `[` that makes the bracket a type's size, not an index
_TYPE_NAME = re.compile(r"^(String|Bytes|DynArray|u?int\d+|bytes\d+|address|bool|decimal|[A-Z]\w*)$")
OPERATORS = ("compare", "arith", "assert", "number", "store")


@dataclass(frozen=True)
class Mutant:
    """One mutation of one file: where (1-based line, 0-based column), which operator, the text
    replaced and its replacement, and the whole mutated source."""

    path: str
    line: int
    col: int
    operator: str
    original: str
    replacement: str
    source: str

    @property
    def description(self) -> str:
        """`<operator>: <original> -> <replacement>` on one line (statements cut to 60 characters)."""
        original = " ".join(self.original.split())
        if len(original) > 60:
            original = original[:57] + "..."
        return f"{self.operator}: {original} -> {self.replacement.strip()}"

    @property
    def key(self) -> str:
        """Stable id: file, line, column, operator and replacement (what equivalent.yaml names)."""
        return f"{self.path}:{self.line}:{self.col}:{self.operator}:{self.replacement.strip()}"

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()


def _offsets(source: str) -> list[int]:
    """Character offset of the start of each line (index 0 unused, lines are 1-based)."""
    starts = [0, 0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _significant(tokens):
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
    return [t for t in tokens if t.type not in skip]


def _statements(tokens):
    """The logical lines: lists of significant tokens, split at NEWLINE."""
    current = []
    for token in _significant(tokens):
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            if current:
                yield current
            current = []
        else:
            current.append(token)


def _number_mutation(text: str) -> str | None:
    clean = text.replace("_", "")
    try:
        value = int(clean, 0)
    except ValueError:
        return None  # a decimal literal: not mutated
    if clean.lower().startswith("0x"):
        digits = len(clean) - 2
        if digits >= 40:
            return None  # an address literal: any other value fails the checksum
        new = value - 1 if value > 0 else value + 1
        return "0x" + format(new, f"0{digits}x")
    return str(value - 1 if value > 0 else value + 1)


def mutants(source: str, path: str = "<source>", operators=OPERATORS) -> list[Mutant]:
    """Every mutant of `source`, in source order (line, column, operator)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    starts = _offsets(source)

    def at(pos):
        return starts[pos[0]] + pos[1]

    found: list[Mutant] = []

    def add(op, start, end, original, replacement):
        a, b = at(start), at(end)
        found.append(
            Mutant(path, start[0], start[1], op, original, replacement, source[:a] + replacement + source[b:])
        )

    def statement_out(op, stmt):
        first, last = stmt[0], stmt[-1]
        lines = last.end[0] - first.start[0]
        add(op, first.start, last.end, source[at(first.start) : at(last.end)], "pass" + "\n" * lines)

    sig = _significant(tokens)
    # bracket stack: True where the bracket is a type's size
    brackets: list[bool] = []
    for i, token in enumerate(sig):
        prev = sig[i - 1] if i else None
        if token.type == tokenize.OP and token.string in "([{":
            is_type = (
                token.string == "["
                and prev is not None
                and prev.type == tokenize.NAME
                and bool(_TYPE_NAME.match(prev.string))
            )
            brackets.append(is_type or (bool(brackets) and brackets[-1] and token.string == "["))
            continue
        if token.type == tokenize.OP and token.string in ")]}":
            if brackets:
                brackets.pop()
            continue
        in_type = any(brackets)
        if "compare" in operators and token.type == tokenize.OP and token.string in COMPARE_FLIP:
            add("compare", token.start, token.end, token.string, COMPARE_FLIP[token.string])
        elif "arith" in operators and token.type == tokenize.OP and token.string in ("+", "-", "+=", "-="):
            unary = token.string in ("+", "-") and (
                prev is None
                or (prev.type == tokenize.OP and prev.string not in _CLOSERS)
                or (prev.type == tokenize.NAME and prev.string in _UNARY_AFTER_NAMES)
            )
            if not unary:
                add("arith", token.start, token.end, token.string, ARITH_SWAP[token.string])
        elif (
            "arith" in operators
            and token.type == tokenize.NAME
            and token.string in ("unsafe_add", "unsafe_sub")
        ):
            add("arith", token.start, token.end, token.string, ARITH_SWAP[token.string])
        elif "number" in operators and token.type == tokenize.NUMBER and not in_type:
            new = _number_mutation(token.string)
            if new is not None:
                add("number", token.start, token.end, token.string, new)

    for stmt in _statements(tokens):
        head = stmt[0]
        if "assert" in operators and head.type == tokenize.NAME and head.string == "assert":
            statement_out("assert", stmt)
        elif (
            "store" in operators
            and head.type == tokenize.NAME
            and head.string == "self"
            and len(stmt) > 2
            and stmt[1].string == "."
            and _assigns(stmt)
        ):
            statement_out("store", stmt)

    found.sort(key=lambda m: (m.line, m.col, OPERATORS.index(m.operator)))
    return found


def _assigns(stmt) -> bool:
    """True if the statement assigns at bracket depth 0 (`self.a[k].b = v`, `self.n += 1`)."""
    depth = 0
    for token in stmt:
        if token.type != tokenize.OP:
            continue
        if token.string in "([{":
            depth += 1
        elif token.string in ")]}":
            depth -= 1
        elif depth == 0 and token.string in ASSIGN_OPS:
            return True
    return False
