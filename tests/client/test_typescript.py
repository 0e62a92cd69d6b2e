"""abi/index.ts type-checks with the pinned TypeScript: the ABIs stay literal (`as const`), viem's
and wagmi's ABI types (abitype) accept them, ethers v6 takes them, the address book is typed."""

import json

from tests.client import node


def test_index_ts__export_of_deployed_suite__type_checks(deployed, tmp_path):
    """tsc --noEmit over tests/client/types.test.ts against the export of a deployed suite."""
    _, _, out = deployed
    config = {
        "extends": str(node.ROOT / "tsconfig.json"),
        "compilerOptions": {"baseUrl": str(out), "paths": {"@fivefold/abi": ["./index.ts"]}},
        "files": [str(node.CLIENT / "types.test.ts")],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    result = node.run(node.tool("tsc"), "-p", str(tmp_path / "tsconfig.json"))
    assert result.returncode == 0, result.stdout + result.stderr

