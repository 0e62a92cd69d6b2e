"""Every deployable contract `implements:` its interfaces/I<Name>.vyi, and the interface declares
exactly the contract's external functions and events.

The compiler checks, when Ape compiles the contract, that it has every function of an interface it
implements, with the same types; this test reads what Ape compiled (the AST and ABI in .build/, no
second compilation) for the declaration and for the other direction: nothing external the contract
has, or logs, is missing from its interface, and argument and event field names agree.
"""

import re

import pytest
from vyper.ast import parse_to_ast

from fivefold import abi

SOURCES = abi.deployable_sources()


def _source_text(source: str, node) -> str:
    return source[node.src.start : node.src.start + node.src.length]


def _interface(path) -> tuple[dict, dict]:
    """(function -> argument names, event -> [(field, indexed)]) as the .vyi declares them."""
    module = parse_to_ast(path.read_text(), resolved_path=str(path), is_interface=True)
    functions, events = {}, {}
    for node in module.body:
        if type(node).__name__ == "FunctionDef":
            functions[node.name] = [arg.arg for arg in node.args.args]
        elif type(node).__name__ == "EventDef":
            events[node.name] = [
                (field.target.id, field.annotation.node_source_code.startswith("indexed("))
                for field in node.body
                if type(field).__name__ == "AnnAssign"
            ]
    return functions, events


def _contract(contract_type) -> tuple[dict, dict]:
    """The same two maps from the compiled ABI (overloads from default arguments: the longest)."""
    functions, events = {}, {}
    for item in contract_type.abi:
        if item.type == "function":
            names = [arg.name for arg in item.inputs]
            if len(names) >= len(functions.get(item.name, [])):
                functions[item.name] = names
        elif item.type == "event":
            events[item.name] = [(arg.name, arg.indexed) for arg in item.inputs]
    return functions, events


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_interface__deployable_contract__implements_its_vyi(project, name):
    """contracts/<domain>/<Name>.vy imports interfaces/I<Name>.vyi, declares `implements:` it, and
    the interface declares exactly its external functions (argument names) and events (fields)."""
    interface = abi.INTERFACES / f"I{name}.vyi"
    assert interface.exists(), f"{SOURCES[name]} has no {interface}"
    contract_type = getattr(project, name).contract_type
    source = SOURCES[name].read_text()
    top_level = contract_type.ast.children
    implemented = [_source_text(source, n.children[0]) for n in top_level if n.ast_type == "ImplementsDecl"]
    assert f"I{name}" in implemented, f"{SOURCES[name]} does not declare `implements: I{name}`"
    imports = [_source_text(source, n) for n in top_level if n.ast_type in ("Import", "ImportFrom")]
    assert any(
        re.fullmatch(rf"from interfaces import I{name}|import interfaces\.I{name} as I{name}", text.strip())
        for text in imports
    ), f"{SOURCES[name]} implements an I{name} not imported from interfaces/"

    declared, declared_events = _interface(interface)
    functions, events = _contract(contract_type)
    assert sorted(set(functions) - set(declared)) == [], f"external in {name} but not in I{name}"
    assert sorted(set(declared) - set(functions)) == [], f"in I{name} but not external in {name}"
    renamed = {f: (args, declared[f]) for f, args in functions.items() if declared[f] != args}
    assert renamed == {}, f"argument names differ (contract, interface): {renamed}"
    assert events == declared_events, f"events of {name} differ from those I{name} declares"


def test_interfaces__every_vyi__belongs_to_a_deployable_contract():
    """No interface file is left behind by a renamed or removed contract: each is named after a
    deployable contract, or is a standard's interface (IVotes, ERC-5805) that one implements."""
    implemented = {
        name
        for source in SOURCES.values()
        for name in re.findall(r"^implements: (I\w+)$", source.read_text(), re.MULTILINE)
    }
    orphans = [
        p.name
        for p in abi.INTERFACES.glob("I*.vyi")
        if p.stem[1:] not in SOURCES and p.stem not in implemented
    ]
    assert orphans == [], f"interfaces without a deployable contract: {orphans}"
