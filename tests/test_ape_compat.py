"""fivefold/ape_compat.py: the pinned-version check, and the round-trip cuts keep every result."""

import json
from collections import Counter
from importlib import metadata
from pathlib import Path

import ape
import pytest
from web3._utils.http_session_manager import HTTPSessionManager

from fivefold import ape_compat

ROOT = Path(__file__).resolve().parents[1]
REVERT = "erc20: transfer amount exceeds balance"


@pytest.fixture
def rpc_calls(monkeypatch):
    """Counts the JSON-RPC methods sent to the node from the moment it is requested."""
    calls = Counter()
    post = HTTPSessionManager.make_post_request

    def counting(self, endpoint_uri, data, **kwargs):
        body = json.loads(data)
        for request in body if isinstance(body, list) else [body]:
            calls[request["method"]] += 1
        return post(self, endpoint_uri, data, **kwargs)

    monkeypatch.setattr(HTTPSessionManager, "make_post_request", counting)
    return calls


@pytest.fixture
def funded_token(token, owner, holder):
    token.initialize_supply([holder], [10**24], sender=owner)
    return token


def test_require_pinned_versions__installed_toolchain__passes():
    """The toolchain installed from requirements.txt is the one the patches were written for."""
    ape_compat.require_pinned_versions()


def test_require_pinned_versions__other_ape_version__fails_with_one_line(monkeypatch):
    """Another eth-ape stops the run with one line naming the package, both versions and the fix."""
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "0.9.0" if name == "eth-ape" else real(name))
    with pytest.raises(ape_compat.ApeVersionError) as error:
        ape_compat.require_pinned_versions()
    message = str(error.value)
    assert "\n" not in message
    assert "eth-ape is 0.9.0, not 0.8.51" in message
    assert "make setup" in message


def test_pinned__requirements_txt__pins_the_same_versions():
    """PINNED and requirements.txt name the same versions (a bump must revisit the patches)."""
    pins = dict(
        line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line
    )
    assert {package: pins[package] for package in ape_compat.PINNED} == ape_compat.PINNED


def test_transfer__local_anvil__four_round_trips(funded_token, holder, spender, rpc_calls):
    """A contract transaction costs nonce, balance check, send and receipt: no code, automine, fee,
    block, nonce-poll or trace requests."""
    for _ in range(5):
        funded_token.transfer(spender, 1, sender=holder)
    calls = dict(rpc_calls)
    # Ape's own balance check: once per transaction, or never when it finds the transaction costs
    # nothing (seen after other modules ran on the same worker); either way not ours to cut
    balance_checks = calls.pop("eth_getBalance", 0)
    assert balance_checks in (0, 5)
    assert set(calls) == {"eth_getTransactionCount", "eth_sendRawTransaction", "eth_getTransactionReceipt"}
    # anvil may not have mined when the receipt is first asked for: it is polled until it has
    assert calls["eth_getTransactionReceipt"] >= 5
    assert calls["eth_getTransactionCount"] == calls["eth_sendRawTransaction"] == 5
    assert funded_token.balanceOf(spender) == 5


def test_call__local_anvil__one_round_trip(funded_token, holder, rpc_calls):
    """A view call is one eth_call."""
    assert funded_token.balanceOf(holder) == 10**24
    assert rpc_calls == {"eth_call": 1}


def test_transfer__over_balance__reverts_with_the_reason(funded_token, holder, spender):
    """The revert reason still reaches `ape.reverts` and the failed receipt."""
    with ape.reverts(REVERT):
        funded_token.transfer(spender, 10**25, sender=holder)
    receipt = funded_token.transfer(spender, 10**25, sender=holder, raise_on_revert=False)
    assert receipt.failed
    assert REVERT in str(receipt.error)


def test_transfer__local_anvil__pays_no_fee(funded_token, holder, spender, chain):
    """The local anvil has a zero base fee and the priority fee is the configured 0: gas costs nothing,
    and the gas used is what it always was."""
    before = holder.balance
    receipt = funded_token.transfer(spender, 1, sender=holder)
    assert receipt.gas_used > 21_000
    assert receipt.total_fees_paid == 0
    assert holder.balance == before
    assert chain.blocks.head.base_fee == 0


def test_code_cache__deployment_undone_by_restore__forgotten(create_token, chain):
    """A contract whose deployment a snapshot restore undid has no code again, as Ape would say."""
    snapshot = chain.snapshot()
    token = create_token()
    assert token.is_contract and token.symbol() == "TST"
    chain.restore(snapshot)
    assert not token.is_contract
    with pytest.raises(ape.exceptions.ContractNotFoundError):
        token.symbol()


def test_auto_mine__switched_off__read_back_from_the_copy(chain, rpc_calls):
    """The automine flag is read once; the setter keeps the copy in step with the node."""
    provider = chain.provider
    assert provider.auto_mine is True
    try:
        provider.auto_mine = False
        assert provider.auto_mine is False
        assert provider.make_request("anvil_getAutomine", []) is False
    finally:
        provider.auto_mine = True
    assert provider.auto_mine is True
    assert rpc_calls["anvil_getAutomine"] == 1  # only the direct question above


def test_max_gas__block_gas_limit_changed__read_again(chain):
    """The cached block gas limit follows set_block_gas_limit."""
    provider = chain.provider
    limit = provider.max_gas
    try:
        provider.set_block_gas_limit(limit // 2)
        chain.mine()
        assert provider.max_gas == limit // 2
    finally:
        provider.set_block_gas_limit(limit)
        chain.mine()
    assert provider.max_gas == limit


def test_chain_id_cache__same_network_name_in_two_ecosystems__kept_apart(networks):
    """`bsc:mainnet-fork` and `oktc:mainnet-fork` in one process keep their own chain ids."""
    from ape.managers.chain import ChainIdCache

    keys = {
        ChainIdCache.key_for(networks.get_ecosystem(name).get_network("mainnet-fork").get_provider("foundry"))
        for name in ("bsc", "oktc")
    }
    assert len(keys) == 2


def test_start__node_ape_starts__waits_start_timeout_not_20_s():
    """A fork's anvil copies its upstream's state before answering; on a loaded 2-core machine that
    took over Ape's 20 s (the fork tests failed with RPCTimeoutError). ape-foundry calls `start()`
    without a timeout, so the default itself is raised."""
    import inspect

    from ape.api.providers import SubprocessProvider
    from ape_foundry.provider import FoundryProvider

    assert FoundryProvider.start is SubprocessProvider.start  # the patched one, not an override
    timeout = inspect.signature(SubprocessProvider.start).parameters["timeout"]
    assert timeout.default == ape_compat.START_TIMEOUT


def test_build_command__anvil_ape_starts__no_step_tracing_and_no_state_on_disk(chain):
    """Anvil records no opcode steps and persists no state under ~/.foundry/anvil/tmp (2-4 GB per node
    and test run otherwise, never cleaned up: the disk filled); the demo's nodes take the same flag."""
    from fivefold import localchain

    command = chain.provider.build_command()
    assert "--steps-tracing" not in command
    at = command.index("--max-persisted-states")
    assert command[at + 1] == "0"
    with localchain.node(1) as node:
        args = list(node.process.args)
    at = args.index("--max-persisted-states")
    assert args[at + 1] == "0"


def test_command__built__lean_anvil_applied_before_any_node_starts():
    """An `ape run` command starts its network's node while parsing `--network`, before
    `session.prepare`: building the command already applies the anvil flags."""
    from fivefold.command import Command

    Command(name="probe", callback=lambda: None)
    assert "lean_anvil" in ape_compat._applied


def test_hold_manifest_writes__held__memory_updated_build_untouched(project):
    """While the mutation session holds writes (a mutant's bytecode in the manifest), an update of
    the local manifest reaches memory and never `.build`; a second call keeps the first `held`."""
    held = [True]
    ape_compat.hold_manifest_writes(lambda: held[0])
    ape_compat.hold_manifest_writes(lambda: False)
    before = project.manifest_path.stat().st_mtime_ns if project.manifest_path.exists() else None
    from ethpm_types import PackageMeta

    original = project.manifest.meta
    try:
        project.update_manifest(meta=PackageMeta(description="held"))
        assert project.manifest.meta.description == "held"
        after = project.manifest_path.stat().st_mtime_ns if project.manifest_path.exists() else None
        assert after == before
    finally:
        project.update_manifest(meta=original)  # still held: memory only, `.build` never written
        held[0] = False


def test_isolation_reset__after_a_round__as_before_the_first_test(monkeypatch):
    """The mutation session's next round starts as a new session: the test's own fixture names
    (without the isolation fixtures Ape added, whose presence makes Ape skip the test's isolation
    and rebasing), no snapshot, no fixture seen, no stateless verdict, no recorded blocks; a
    verdict declared with `@ape.fixture(chain_isolation=...)` stays."""
    from types import SimpleNamespace

    from ape.pytest.fixtures import FixtureManager, IsolationManager, Scope, SnapshotRegistry

    registry = SnapshotRegistry()  # stand-ins: the live session's own bookkeeping stays untouched
    monkeypatch.setattr(IsolationManager, "snapshots", registry)
    monkeypatch.setattr(FixtureManager, "_stateful_fixtures_cache", {"declared": True})
    manager = SimpleNamespace(_fixture_name_to_info={"usdt": {"scope": Scope.SESSION}})
    runner = SimpleNamespace(fixture_manager=manager, _initialized_fixtures=[], _finalized_fixtures=[])
    config = SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin={"ape-test": runner}.get))
    item = SimpleNamespace(fixturenames=["usdt"])
    reset = ape_compat.isolation_reset(config, [item])
    # one round: what Ape adds, records and concludes while the tests run
    item.fixturenames = ["_session_isolation", "_function_isolation", "usdt"]
    registry[Scope.SESSION].identifier = 7
    registry[Scope.SESSION].fixtures.append("usdt")
    FixtureManager._stateful_fixtures_cache["usdt"] = False
    manager._fixture_name_to_info["usdt"].update(setup_block=5, teardown_block=5)
    runner._initialized_fixtures.append("usdt")
    runner._finalized_fixtures.append("usdt")
    reset()
    assert item.fixturenames == ["usdt"]
    assert all(s.identifier is None and s.fixtures == [] for s in registry.values())
    assert FixtureManager._stateful_fixtures_cache == {"declared": True}
    assert manager._fixture_name_to_info == {"usdt": {"scope": Scope.SESSION}}
    assert runner._initialized_fixtures == runner._finalized_fixtures == []
