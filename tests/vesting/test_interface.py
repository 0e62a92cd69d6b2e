"""interfaces/IVestingVault.vyi declares exactly VestingVault's external ABI (functions, events, names, types)."""

import json
from pathlib import Path

from vyper.compiler import compile_from_file_input
from vyper.compiler.input_bundle import FilesystemInputBundle

ROOT = Path(__file__).resolve().parents[2]


def _canonical(abi) -> list[str]:
    return sorted(json.dumps(item, sort_keys=True) for item in abi if item["type"] != "constructor")


def test_interface__abi__equals_the_contract_abi(project):
    bundle = FilesystemInputBundle([ROOT])
    source = bundle.load_file(Path("interfaces/IVestingVault.vyi"))
    interface_abi = compile_from_file_input(source, input_bundle=bundle, output_formats=["abi"])["abi"]
    contract_abi = [item.model_dump(mode="json", by_alias=True, exclude_none=True) for item in project.VestingVault.contract_type.abi]
    assert _canonical(interface_abi) == _canonical(contract_abi)
