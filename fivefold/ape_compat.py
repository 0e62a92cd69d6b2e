"""Every patch of Ape's internals, in one place, written for the versions pinned in requirements.txt.

Ape does per transaction what a test chain does not need: it reads the same code, automine flag and
block gas limit again, asks a zero-fee node for its fees, and traces every contract call to print
console logs. This module removes those round trips (and a few offline, display and pydantic
costs), fixes two things Ape gets wrong with several networks in one process (chain ids, a fork's
upstream), and nothing else: every result, gas figure and revert reason stays what Ape reports.

Entry points (idempotent; the first two start with the version check, the others are reached
only after one of them):

  for_tests()          `ape test` (tests/conftest.py): everything below
  quiet_traces()       no call tree on screen for a failure the caller expects
  for_scripts(local)   `ape run ...` (fivefold.session.connect / prepare): the round-trip cuts
                       and the offline explorer; failure output (call trees, tracebacks) unchanged
  stand_in(provider)   a loopback anvil standing in for a live chain: no confirmations, block limit,
                       and `chain.mine` through anvil_mine
  fork_upstream(network, url)  a *-fork network forks the node at `url` (tests/forks)

and, for the `ape run` commands (fivefold/command.py, fivefold/session.py):

  hide_traces()        no call tree printed for a reverted call: the suite's probes revert on
                       purpose (does schedule 3 exist? has this feed an answer?), and a deploy printed
                       dozens of "reverted without message" traces that were no errors; a failing
                       transaction still raises with its revert reason
  quiet_logs()         no INFO lines ("Confirmed 0x...") on local chains: the commands print tables
  keep_connection(ctx) a command invoked in-process keeps the caller's connected provider
  rpc_timeout()        a node's HTTP request times out after RPC_TIMEOUT seconds, not Ape's 30 min

Another Ape (or plugin) version fails at once with one line naming the fix: the names patched
here are Ape's internals (several private) and move between releases without notice.
"""

from __future__ import annotations

from contextlib import contextmanager
from importlib import metadata
from urllib.parse import urlparse

# What the patches below were written and tested against (tests/test_ape_compat.py checks that
# requirements.txt pins the same).
PINNED = {
    "eth-ape": "0.8.51",
    "ape-foundry": "0.8.12",
    "ape-etherscan": "0.8.7",
    "ape-vyper": "0.8.12",
    "web3": "7.16.0",
}

LOOPBACK = ("127.0.0.1", "localhost", "::1")

_applied: set[str] = set()


class ApeVersionError(RuntimeError):
    """The installed Ape or plugin is not the version these patches were written for."""


def require_pinned_versions() -> None:
    """Raises ApeVersionError (one line) unless every package in PINNED is installed at its pin."""
    wrong = []
    for package, pinned in PINNED.items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != pinned:
            wrong.append(f"{package} is {installed}, not {pinned}")
    if wrong:
        raise ApeVersionError(
            f"fivefold/ape_compat.py patches Ape's internals as of requirements.txt, but {'; '.join(wrong)}: "
            "run `make setup`, or re-check each patch against the new version and update PINNED"
        )


def for_tests() -> None:
    """All patches, for an `ape test` process."""
    require_pinned_versions()
    _once("chain_ids", _chain_id_per_ecosystem)
    _once("explorer", lambda: _explorer_offline(local=True))
    _once("round_trips", _cut_round_trips)
    _once("quiet_failures", _quiet_failures)
    _once("patient_start", _patient_start)
    lean_anvil()


def for_scripts(local: bool) -> None:
    """The round-trip cuts and an explorer that tolerates being offline, for an `ape run` script."""
    require_pinned_versions()
    _once("chain_ids", _chain_id_per_ecosystem)
    _once("explorer", lambda: _explorer_offline(local))
    _once("round_trips", _cut_round_trips)
    _once("patient_start", _patient_start)
    lean_anvil()


def _once(name: str, apply) -> None:
    if name not in _applied:
        apply()
        _applied.add(name)


# Ape waits 20 s for a node it starts (ape-foundry calls `start()` without a timeout). A fork's
# anvil copies its upstream's state before it answers, and on a loaded 2-core CI machine (two test
# workers, each with its own nodes) that took longer: the fork tests failed with RPCTimeoutError.
# 90 s was not always enough once the suite grew (a fresh-clone run on 2026-12-03 timed out once on
# the BSC fork beside the gas check's crowd bench; alone it starts in seconds): it is only the
# ceiling of a wait that normally ends at once.
START_TIMEOUT = 300


def _patient_start() -> None:
    """A node Ape starts gets START_TIMEOUT seconds to answer instead of 20."""
    from ape.api.providers import SubprocessProvider

    start = SubprocessProvider.start

    def patient(self, timeout: int = START_TIMEOUT):
        return start(self, timeout=max(timeout, START_TIMEOUT))

    SubprocessProvider.start = patient


# ape-foundry starts anvil with `--steps-tracing`: anvil then records every opcode of every transaction
# and keeps it for the node's life. Nothing of the suite reads opcode steps (return values and revert
# reasons come from call traces and revert data, which anvil keeps without the flag); with it, a gas
# bench that opens 10,000 staker accounts ran at a third of the speed and once exhausted the node.
#
# Anvil also writes the state of every block that leaves its in-memory window to disk, under
# ~/.foundry/anvil/tmp/, and leaves it there when it is stopped: one `make test` wrote 2 to 4 GB per
# node, and the machine's disk filled within a day of runs (every later write failed, tests included).
# The suite never reads a state that old (calls run at the latest block; Ape's isolation uses
# evm_snapshot, which anvil keeps in memory), so no state is persisted.
ANVIL_FLAGS_DROPPED = ("--steps-tracing",)
ANVIL_FLAGS_ADDED = ("--max-persisted-states", "0")


# Ape gives every HTTP request to a node 30 minutes: an RPC that stops answering mid-deploy held the
# command for half an hour before anything was printed (`ape run faults`, fivefold/assurance/faults.py).
# No request of the suite's commands needs more than a few seconds; FIVEFOLD_RPC_TIMEOUT overrides.
RPC_TIMEOUT = 120
RPC_TIMEOUT_VARIABLE = "FIVEFOLD_RPC_TIMEOUT"


def rpc_timeout() -> None:
    """Applies `_rpc_timeout` once, before Ape connects (`fivefold.command.Command` calls it)."""
    _once("rpc_timeout", _rpc_timeout)


def _rpc_timeout() -> None:
    """Every HTTP request to a node times out after RPC_TIMEOUT seconds (or FIVEFOLD_RPC_TIMEOUT's)."""
    import os

    import ape_ethereum.provider as provider

    create = provider._create_web3

    def create_web3(http_uri=None, ipc_path=None, ws_uri=None, request_kwargs=None):
        request_kwargs = dict(request_kwargs or {})
        request_kwargs.setdefault("timeout", float(os.environ.get(RPC_TIMEOUT_VARIABLE) or RPC_TIMEOUT))
        return create(http_uri=http_uri, ipc_path=ipc_path, ws_uri=ws_uri, request_kwargs=request_kwargs)

    provider._create_web3 = create_web3


def lean_anvil() -> None:
    """Applies `_lean_anvil` once: before Ape starts a node. `fivefold.command.Command` calls it when a
    command is built (Ape starts the chosen network's node while the command parses `--network`, before
    `session.prepare` runs), `for_tests` and `for_scripts` through their lists."""
    _once("lean_anvil", _lean_anvil)


def _lean_anvil() -> None:
    """Anvil nodes Ape starts (local and forks) run without `--steps-tracing` and write no state to
    disk."""
    from ape_foundry.provider import FoundryProvider

    build = FoundryProvider.build_command

    def lean(self) -> list[str]:
        return [arg for arg in build(self) if arg not in ANVIL_FLAGS_DROPPED] + list(ANVIL_FLAGS_ADDED)

    FoundryProvider.build_command = lean


# --- Several networks in one process -------------------------------------------------------------


def _chain_id_per_ecosystem() -> None:
    """Ape caches each network's chain id under the network's name alone, so in one process
    `oktc:mainnet-fork` answers with the id cached for `bsc:mainnet-fork` (56 for 66: wrong EIP-712
    domains, the wrong deploy/<chain>.yaml and manifest). Key it by ecosystem too."""
    from ape.managers.chain import ChainIdCache

    key_for = ChainIdCache.key_for

    def key_with_ecosystem(provider):
        return f"{provider.network.ecosystem.name}:{key_for(provider)}"

    ChainIdCache.key_for = staticmethod(key_with_ecosystem)


# --- Block explorer ---------------------------------------------------------------------------


def _explorer_offline(local: bool) -> None:
    """ape-etherscan fetches Etherscan's chain list the first time Ape asks for a network's explorer,
    and on every revert (to name the failing contract): offline (local chains, CI) that request fails,
    costs seconds, and for a reverting deployment raises a ConnectionError that hides the revert
    reason. No explorer serves a local node; elsewhere an unreachable list means "no explorer" too."""
    from ape_etherscan.explorer import Etherscan

    current = Etherscan.supports_chain.__func__
    original = getattr(current, "_fivefold_original", current)

    def supports_chain(cls, chain_id):
        if local:
            return False
        try:
            return original(cls, chain_id)
        except Exception:  # requests' ConnectionError and friends: no explorer reachable
            return False

    supports_chain._fivefold_original = original
    Etherscan.supports_chain = classmethod(supports_chain)
    if local:
        # ape-etherscan also registers itself for the live networks by name (bsc:mainnet, ...),
        # which a loopback stand-in borrows: make its lookups answer "unknown" at once.
        Etherscan.get_contract_type = lambda self, address: None


# --- Round trips per transaction ----------------------------------------------------------------
#
# Measured on `token.transfer(...)` under `ape test` (anvil, eth-ape 0.8.51): 12 JSON-RPC requests
# per transaction before, 4 after (nonce, balance check, send, receipt; the code and the block gas
# limit once per test); a view call 3 -> 1. tests/test_ape_compat.py holds these counts.

# Provider-bound caches, emptied whenever the chain's state may go back (snapshot restore, reset,
# set_code) or the provider disconnects. Keys hold the provider id; values keep the provider alive
# so an id is never reused while its entries exist.
_code: dict[tuple[int, str], object] = {}
_auto_mine: dict[int, tuple[object, bool]] = {}
_max_gas: dict[int, tuple[object, int]] = {}


def _forget(*caches) -> None:
    for cache in caches or (_code, _auto_mine, _max_gas):
        cache.clear()


def _cut_round_trips() -> None:
    import ape_ethereum.provider as ape_ethereum_provider
    from ape.api.networks import NetworkAPI
    from ape.api.transactions import ReceiptAPI
    from ape.logging import logger
    from ape.managers.chain import ChainManager
    from ape_ethereum.ecosystem import Ethereum
    from ape_foundry.provider import FoundryForkProvider, FoundryProvider
    from web3._utils.http_session_manager import HTTPSessionManager

    # 0. Not round trips, but CPU per transaction. The provider re-validates its pydantic settings
    #    (env and dotenv sources included) dozens of times, though they never change for a provider.
    settings = FoundryProvider.settings
    settings_cache: dict[int, tuple[object, object]] = {}

    def cached_settings(self):
        if id(self) not in settings_cache:
            settings_cache[id(self)] = (self, settings.fget(self))
        return settings_cache[id(self)][1]

    FoundryProvider.settings = property(cached_settings)

    #    Likewise a network's config (validated again on each read, several times per transaction)
    #    and the ecosystem's default transaction type (which builds a pydantic-settings object for a
    #    key the config lacks, on every transaction): a process's config never changes.
    network_config = NetworkAPI.config
    config_cache: dict[int, tuple[object, object]] = {}

    def cached_network_config(self):
        if id(self) not in config_cache:
            config_cache[id(self)] = (self, network_config.fget(self))
        return config_cache[id(self)][1]

    NetworkAPI.config = property(cached_network_config)

    default_transaction_type = Ethereum.default_transaction_type
    type_cache: dict[tuple[int, str | None], object] = {}

    def cached_default_transaction_type(self):
        provider = self.network_manager.active_provider
        key = (id(self), provider.network.name if provider else None)
        if key not in type_cache:
            type_cache[key] = default_transaction_type.fget(self)
        return type_cache[key]

    Ethereum.default_transaction_type = property(cached_default_transaction_type)

    #    And `requests` scans the whole environment for proxy settings on every request, which a
    #    loopback node never goes through.
    cache_and_return_session = HTTPSessionManager.cache_and_return_session

    def session_without_env(self, endpoint_uri, *args, **kwargs):
        session = cache_and_return_session(self, endpoint_uri, *args, **kwargs)
        if urlparse(str(endpoint_uri)).hostname in LOOPBACK:
            session.trust_env = False
        return session

    HTTPSessionManager.cache_and_return_session = session_without_env

    # 1. eth_getCode: Ape checks that a contract has code before every call and transaction, and
    #    caches nothing on a dev network because chain isolation can take code away. Keep what has
    #    code until the next restore/reset/set_code, when the cache is emptied.
    get_code = ChainManager.get_code

    def cached_get_code(self, address, block_id=None):
        network = self.provider.network
        if block_id is not None or not network.is_dev:
            return get_code(self, address, block_id=block_id)
        key = (id(self.provider), address)
        if key in _code:
            return _code[key]
        code = self.provider.get_code(address)
        if len(code) > 0:  # an empty account may receive code later: never cache a "no"
            _code[key] = code
        return code

    ChainManager.get_code = cached_get_code

    # 2. anvil_getAutomine: read on every transaction (and by the test fixtures), though only Ape's
    #    own setter changes it. Read once per connection; the setter keeps the copy in step.
    auto_mine = FoundryProvider.auto_mine

    def get_auto_mine(self):
        if id(self) not in _auto_mine:
            _auto_mine[id(self)] = (self, bool(auto_mine.fget(self)))
        return _auto_mine[id(self)][1]

    def set_auto_mine(self, value):
        auto_mine.fset(self, value)
        _auto_mine[id(self)] = (self, bool(value))

    FoundryProvider.auto_mine = property(get_auto_mine, set_auto_mine)

    # 3. eth_getBlockByNumber for the block gas limit ("max" gas on local networks), on every call
    #    and transaction. Read once; set_block_gas_limit and restores empty the copy.
    max_gas = FoundryProvider.max_gas

    def cached_max_gas(self):
        if not self.network.is_dev:
            return max_gas.fget(self)
        if id(self) not in _max_gas:
            _max_gas[id(self)] = (self, max_gas.fget(self))
        return _max_gas[id(self)][1]

    FoundryProvider.max_gas = property(cached_max_gas)

    # 4. eth_maxPriorityFeePerGas + eth_feeHistory: the anvil that ape-foundry starts for the local
    #    network has a zero base fee (--block-base-fee-per-gas 0, which EIP-1559 keeps at 0) and
    #    static gas price 0; answer with the configured fees (0, so transactions cost no gas fee;
    #    tests that track native balances subtract `receipt.total_fees_paid` either way).
    priority_fee, base_fee = FoundryProvider.priority_fee, FoundryProvider.base_fee

    def zero_fee_node(self) -> bool:
        return self.process is not None and self.network.is_local and self.settings.base_fee == 0

    FoundryProvider.priority_fee = property(
        lambda self: self.settings.priority_fee if zero_fee_node(self) else priority_fee.fget(self)
    )
    FoundryProvider.base_fee = property(
        lambda self: self.settings.base_fee if zero_fee_node(self) else base_fee.fget(self)
    )

    # 5. eth_getCode + trace_transaction after every transaction to a contract, to print console
    #    logs (Vyper `print`); no contract of the suite prints. `receipt.show_debug_logs()` still does.
    def post_send_transaction(tx, receipt):
        logger.info(f"Confirmed {receipt.txn_hash} (total fees paid = {receipt.total_fees_paid})")

    ape_ethereum_provider._post_send_transaction = post_send_transaction

    # 6. eth_getTransactionCount after the receipt, waiting for the sender's nonce to move: a receipt
    #    in a block of a dev node means it has.
    await_nonce = ReceiptAPI._await_sender_nonce_increment

    def await_sender_nonce_increment(self):
        if (self.block_number or -1) >= 0 and self.provider.network.is_dev:
            return
        await_nonce(self)

    ReceiptAPI._await_sender_nonce_increment = await_sender_nonce_increment

    # What empties the caches.
    def emptying(method, *caches):
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            finally:
                _forget(*caches)

        wrapper.__wrapped__ = method
        return wrapper

    FoundryProvider.restore = emptying(FoundryProvider.restore, _code, _max_gas)
    FoundryProvider.set_code = emptying(FoundryProvider.set_code, _code)
    FoundryProvider.set_block_gas_limit = emptying(FoundryProvider.set_block_gas_limit, _max_gas)
    FoundryForkProvider.reset_fork = emptying(FoundryForkProvider.reset_fork)
    FoundryProvider.disconnect = emptying(FoundryProvider.disconnect)


# --- Failure output (tests only) ----------------------------------------------------------------


def _quiet_failures() -> None:
    """On every revert, ape-foundry renders the call tree and Ape rebuilds a source traceback
    (re-tracing deep reverts several times to point at the failing line): seconds per
    `ape.reverts`, only for pytest's captured output. The revert reason is decoded before and
    is unaffected."""
    import ape.exceptions as ape_exceptions
    from ape.exceptions import TransactionError
    from ape_ethereum.trace import Trace
    from ape_vyper.compiler.api import VyperCompiler

    Trace.show = lambda self, *args, **kwargs: None
    TransactionError._get_ape_traceback = lambda self: None
    ape_exceptions._get_ape_traceback_from_tx = lambda txn: None
    TransactionError.with_ape_traceback = lambda self: self
    VyperCompiler.enrich_error = lambda self, err: err


def hide_traces(enabled: bool = True) -> None:
    """No call tree on screen for any reverted call of this process (`enabled=False` restores it)."""
    require_pinned_versions()
    from ape_ethereum.trace import Trace

    original = getattr(Trace, "_fivefold_show", None)
    if original is None:
        original = Trace.show
        Trace._fivefold_show = original
    Trace.show = (lambda self, *a, **k: None) if enabled else original


def quiet_logs(level: str = "WARNING") -> None:
    """Ape's INFO lines ("Confirmed 0x... (total fees paid = ...)", "Connecting to ...") off."""
    from ape.logging import logger

    logger.set_level(level)


@contextmanager
def keep_connection(click_ctx):
    """A command invoked in-process on the chain a provider is already connected to (the tests, a
    caller's session) must neither disconnect it on exit nor start another: Ape's
    ConnectedProviderCommand would stop the shared anvil (its context manager records
    `disconnect_after` per connection), and a new ethereum:local:foundry would be another, empty
    chain. Ape reads the `interactive` parameter for the first; in that mode a failing command also
    leaves the provider "recycled" for the next context and its stack entry unpopped, which would
    hand a later command on another network this chain: both are undone on the way out. A command
    for another network is left to Ape as it is."""
    require_pinned_versions()
    from ape import networks
    from ape.api.networks import ProviderContextManager
    from ape.api.providers import ProviderAPI
    from ape.cli.options import NETWORK_META_KEY

    provider = networks.active_provider
    if provider is None or not provider.is_connected:
        yield
        return

    def same(p) -> bool:
        if not isinstance(p, ProviderAPI) or p is provider:
            return False
        return p.network_choice == provider.network_choice

    if same(click_ctx.params.get("network")):
        click_ctx.params["network"] = provider
    meta = click_ctx.meta.get(NETWORK_META_KEY) or {}
    if same(meta.get("provider")):
        meta["provider"] = provider
    chosen = meta.get("provider") or click_ctx.params.get("network")
    if isinstance(chosen, ProviderAPI) and chosen is not provider:
        yield
        return
    connection = provider.connection_id
    before = ProviderContextManager.disconnect_map.get(connection)
    depth = len(ProviderContextManager.provider_stack)
    click_ctx.params["interactive"] = True
    try:
        yield
    finally:
        if ProviderContextManager._recycled_provider is provider:
            ProviderContextManager._recycled_provider = None
        del ProviderContextManager.provider_stack[depth:]
        networks.active_provider = provider
        if before is not None:
            ProviderContextManager.disconnect_map[connection] = before


@contextmanager
def quiet_traces():
    """No call tree on screen for a failure the caller expects (a gas estimate that may revert)."""
    from ape_ethereum.trace import Trace

    show = Trace.show
    Trace.show = lambda self, *args, **kwargs: None
    try:
        yield
    finally:
        Trace.show = show


# --- Loopback stand-ins for live chains ---------------------------------------------------------


_memory_only: set[tuple[str, str]] = set()


def stand_in(provider) -> None:
    """A loopback anvil under a live network's name (bsc:mainnet on 127.0.0.1, mining on demand):
    waiting for the live network's confirmations would wait forever, and its gas estimation margin
    is tight for calls whose path depends on the block's timestamp (interest accrual), so send with
    the block limit. Ape builds one class per network (custom networks rebuild their config on
    every read), so the override goes on that class, for this process only. Ape's generic node
    provider cannot `mine` (APINotImplementedError): on this provider, `chain.mine(n)` becomes one
    `anvil_mine` request (the flows mine to an airdrop round's draw block).

    Ape also caches the contract types of a live-named network in ~/.ape/<ecosystem>/<network>/
    and reads, compares and merges them back on every `Contract.at` (a few hundred milliseconds a
    contract, and stand-in addresses left in the real network's cache): for a stand-in, and its
    forks, keep them in memory."""
    require_pinned_versions()
    network = provider.network
    type(network).required_confirmations = property(lambda self: 0)
    type(network).gas_limit = property(lambda self: "max")
    _once("memory_only_caches", _memory_only_contract_caches)
    _memory_only.add((network.ecosystem.name, network.name.replace("-fork", "")))
    if "_fivefold_mine" not in type(provider).__dict__:
        original = type(provider).mine

        def mine(self, num_blocks: int = 1):
            if not getattr(self, "_fivefold_stand_in", False):
                return original(self, num_blocks)
            self.make_request("anvil_mine", [hex(num_blocks)])

        type(provider).mine = mine
        type(provider)._fivefold_mine = True
    provider._fivefold_stand_in = True


def _memory_only_contract_caches() -> None:
    from ape.managers._contractscache import ContractCache

    get_data_cache = ContractCache._get_data_cache

    def data_cache(self, key, model_type, ecosystem_key=None, network_key=None):
        cache = get_data_cache(self, key, model_type, ecosystem_key, network_key)
        ecosystem = ecosystem_key or self.provider.network.ecosystem.name
        network = network_key or self.provider.network.name.replace("-fork", "")
        if (ecosystem, network) in _memory_only:
            cache._write_to_disk = cache._read_from_disk = False
        return cache

    ContractCache._get_data_cache = data_cache


def fork_upstream(network, url: str) -> None:
    """Makes `network` (a `*-fork` network) fork the node at `url`. ape-foundry takes the upstream
    from the network's config (`upstream_provider`), which a custom ecosystem (oktc) rebuilds on every
    read, so neither ape-config.yaml (read before the node exists) nor provider settings can name a
    node started during the run. A URL as provider name is Ape's ad-hoc node provider on that URL.
    Per network class, like stand_in."""
    type(network).upstream_provider = property(lambda self: self.upstream_network.get_provider(url))


# --- Mutation testing ----------------------------------------------------------------------------


def hold_manifest_writes(held) -> None:
    """While `held()` is true, the local project's manifest is updated in memory only, never saved
    to `.build`: the mutation session (fivefold/assurance/mutate_session.py) swaps a mutant's
    bytecode into the manifest's contract types, and a compile while it is in place (Ape compiles
    what a test asks for on first use) would save the mutant as the project's build. Once per
    process; the first `held` stays."""
    require_pinned_versions()
    _once("manifest_writes", lambda: _hold_manifest_writes(held))


def _hold_manifest_writes(held) -> None:
    from ape.managers.project import LocalProject

    write = LocalProject.update_manifest

    def update_manifest(self, **kwargs):
        if held():  # `Project.update_manifest`: the in-memory manifest only
            return super(LocalProject, self).update_manifest(**kwargs)
        return write(self, **kwargs)

    LocalProject.update_manifest = update_manifest


def isolation_reset(config, items):
    """A function that puts Ape's isolation back to where it is now, before the first test: every
    test's own fixture names (Ape adds its isolation fixtures to them when the test first runs, and
    skips a test that has them, rebasing included), no snapshot taken, no fixture seen in any scope,
    no fixture judged stateless. The mutation session runs the same tests again after tearing every
    fixture down (session ones too), but all of that outlived it: from the second round on Ape never
    rebased, so a session `usdt` first deployed inside a module (tests/payouts) was reverted away
    with the module while pytest kept the contract. The per-scope lists live on IsolationManager's
    class-level registry, the verdicts on a class-level cache (FixtureManager), the fixtures' blocks
    on the `ape-test` plugin."""
    require_pinned_versions()
    from ape.pytest.fixtures import FixtureManager, IsolationManager

    runner = config.pluginmanager.get_plugin("ape-test")
    declared = dict(FixtureManager._stateful_fixtures_cache)  # `@ape.fixture(chain_isolation=...)`
    names = [(item, list(item.fixturenames)) for item in items]

    def reset() -> None:
        for item, original in names:
            item.fixturenames = list(original)
        for snapshot in IsolationManager.snapshots.values():
            snapshot.identifier = None
            snapshot.fixtures.clear()
        FixtureManager._stateful_fixtures_cache.clear()
        FixtureManager._stateful_fixtures_cache.update(declared)
        for info in runner.fixture_manager._fixture_name_to_info.values():
            info.pop("setup_block", None)
            info.pop("teardown_block", None)
        runner._initialized_fixtures.clear()
        runner._finalized_fixtures.clear()

    return reset
