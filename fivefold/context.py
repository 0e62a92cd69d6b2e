"""What a domain's deploy and exercise code receives.

Each domain contributes `fivefold/<domain>/flow.py` (registered in `fivefold.domains`) with:

    CONTRACTS: list[Deployable]          # in dependency order
    def configure(ctx: Context) -> None  # chain-specific, owner-only setup after deployment; idempotent
    def exercise(ctx: Context) -> None   # the domain's user flows, recording each tx with ctx.step()
    def parameters(ctx: Context) -> list[Parameter]   # optional: its tunable numbers (see Parameter)

`fivefold.deployment` deploys every Deployable through the CREATE2 factory (same address on every
chain, so constructor arguments must not depend on the chain), then calls `configure`, then hands
ownership to the configured owner. `exercise` runs later from the manifest alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def create_address(sender: str, nonce: int) -> str:
    """The address a plain creation from `sender` at `nonce` gets: keccak(rlp([sender, nonce]))[12:]."""
    from eth_utils import keccak, to_canonical_address, to_checksum_address

    def rlp_bytes(b: bytes) -> bytes:
        if len(b) == 1 and b[0] < 0x80:
            return b
        return bytes([0x80 + len(b)]) + b

    encoded_nonce = rlp_bytes(nonce.to_bytes((nonce.bit_length() + 7) // 8, "big")) if nonce else b"\x80"
    payload = rlp_bytes(to_canonical_address(sender)) + encoded_nonce
    return to_checksum_address(keccak(bytes([0xC0 + len(payload)]) + payload)[12:])


# A local feed dated within this many seconds is fresh for every heartbeat the suite sets (>= 1 h).
FRESH_SECONDS = 600


@dataclass(frozen=True)
class Deployable:
    """One contract of the suite as deployed: `name` is its key in the manifest."""

    name: str
    contract_type: str
    # Constructor arguments from (ctx); may use ctx.address(name) of contracts listed earlier.
    args: Callable[[Context], list] = lambda ctx: []
    # Which domains on which chains it exists on; default: everywhere.
    when: Callable[[Context], bool] = lambda ctx: True
    # An ERC-5202 blueprint (0xFE7100 + init code) for a factory's `create_from_blueprint`,
    # deployed through CREATE2 like everything else, so it too has one address on every chain.
    blueprint: bool = False
    # An npm build artifact deployed as its author built it, instead of a contract the suite compiles:
    # "<package>/build/<Name>.json" under node_modules (package.json pins the package), e.g.
    # "@uniswap/v2-core/build/UniswapV2Factory.json"; `contract_type` is then the file's name.
    artifact: str | None = None


@dataclass(frozen=True)
class Parameter:
    """A tunable number a domain's contract keeps, written only through the suite's parameter
    registry (contracts/governance/ParameterRegistry.vy). A domain lists its own in `parameters(ctx)`
    with this chain's configured value; the governance flow registers each once (which writes the value
    through the setter) and afterwards changes it only through the registry. The contract's setter must
    be guarded by contracts/shared/tunable.vy."""

    name: str  # unique, "<contract>.<what>", e.g. "airdrop_rounds.fee_bps"
    contract: str  # manifest name of the contract that keeps it
    setter: str  # its tunable setter: setter(values...), or setter(key, values...) when `key` is set
    getter: str  # what reads it back: getter() or getter(key), a struct's field when `field` is set
    value: int  # what this chain's configuration wants
    minimum: int = 0
    maximum: int = 0
    key: str | None = None  # a per-market or per-asset setter's first argument (an address)
    is_address: bool = False  # an address parameter (a rate model, a feed): no bounds
    arity: int = 1  # how many values the setter takes (each is a Parameter of its own)
    position: int = 0  # which of them this one is
    field: str | None = None  # the getter returns a struct: this field of it
    registry: str = "ParameterRegistry"  # which DAO's registry writes it (HPC's: "HPCParameterRegistry")


@dataclass(frozen=True)
class Blueprint:
    """A deployed blueprint: only its address is useful (it cannot be called)."""

    name: str
    address: str


@dataclass
class Step:
    name: str
    gas: int
    tx: str
    note: str = ""


@dataclass
class Context:
    project: Any
    chain: Any
    deployer: Any  # the account that deploys and configures; gives up every role at the end
    config: dict  # deploy/<chain>.yaml, parsed
    contracts: dict[str, Any] = field(default_factory=dict)  # manifest name -> ape contract instance
    # accounts the exercise may act as (local chains: test accounts)
    users: list = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    def address(self, name: str) -> str:
        return self.contracts[name].address

    def __getitem__(self, name: str):
        return self.contracts[name]

    @property
    def owner(self) -> str:
        """Who holds every role after deployment (a timelock or a Safe)."""
        return self.config["owner"]

    @property
    def treasury(self) -> str:
        return self.config["treasury"]

    @property
    def chain_id(self) -> int:
        return self.chain.chain_id

    def step(self, name: str, receipt, note: str = "") -> Any:
        """Records one exercised transaction (shown in the exercise table with its gas)."""
        self.steps.append(Step(name, receipt.gas_used, receipt.txn_hash, note))
        return receipt

    def send(self, name: str, method, *args, **kwargs) -> Any:
        """Sends one setup transaction from the deployer and records it: every transaction a
        domain's `configure` sends goes through here, so the deploy's configuration table shows it."""
        return self.step(name, method(*args, sender=self.deployer, **kwargs))

    def deploy(self, name: str, container, *args) -> Any:
        """Deploys a setup contract from the deployer with a plain creation transaction (an address
        that differs per chain), records it as `<name>.deploy` and returns it.

        Written ahead: before the transaction is sent, the manifest's `created` record names the
        address the deployer's next nonce creates (with that nonce, the deployer and the suite's salt
        namespace), so a deploy killed after sending finds the contract again (`create_once`) instead
        of creating a second one at another address (`ape run faults` found it)."""
        from fivefold.deployment import code_hash

        nonce = self.deployer.nonce
        ahead = {
            "contract_type": container.contract_type.name,
            "address": create_address(self.deployer.address, nonce),
            "deployer": self.deployer.address,
            "nonce": nonce,
            "suite": self.suite,
        }
        self._record_created(name, ahead)
        contract = container.deploy(*args, sender=self.deployer)
        receipt = self.chain.get_receipt(contract.txn_hash)
        if contract.address != ahead["address"]:
            # another transaction from the deployer took that nonce meanwhile: record where it is,
            # without a nonce (a re-run then adopts it only if `belongs` says so)
            ahead.update(address=contract.address, nonce=None)
        txn = contract.txn_hash
        self._record_created(
            name,
            {
                **ahead,
                "code_hash": code_hash(self.chain, contract.address),
                "block": receipt.block_number,
                "tx": txn if isinstance(txn, str) else "0x" + bytes(txn).hex(),
                "created_by": "deployer",
            },
        )
        self.step(f"{name}.deploy", receipt)
        self.contracts[name] = contract
        return contract

    @property
    def suite(self) -> str:
        """The salt namespace: which suite of this chain a record belongs to (deploy/suite.yaml)."""
        return self.config.get("salt_namespace", "fivefold/v1")

    def _record_created(self, name: str, record: dict) -> None:
        from fivefold import manifest

        data = manifest.load(self.chain_id)
        data.setdefault("created", {})[name] = record
        manifest.save(data)

    def created_here(self, record: dict) -> bool:
        """Whether a `created` record is a creation this deployer wrote ahead for this suite: its
        address is the one the deployer's recorded nonce creates, which nobody else can obtain."""
        nonce = record.get("nonce")
        return (
            nonce is not None
            and record.get("deployer") == self.deployer.address
            and record.get("suite") == self.suite
            and record.get("address") == create_address(self.deployer.address, nonce)
        )

    def create_once(
        self, name: str, container, args: Callable[[], list], belongs: Callable[[Any], bool] = lambda c: False
    ):
        """A contract `configure` creates with a plain transaction (its arguments are known only then):
        the one an earlier deployment of this chain created (manifest `created` record) if it is still
        there and either this deployer wrote its creation ahead for this suite (`created_here`: also a
        creation a killed deploy sent but never saw mined) or `belongs(contract)` says it is linked to
        this suite (another suite's record on the same chain is never adopted); else a new one
        (`deploy`). Returns it, in `contracts[name]`."""
        from fivefold import manifest

        if name in self.contracts:
            return self.contracts[name]
        record = (manifest.load(self.chain_id).get("created") or {}).get(name)
        if record and self.holds_code_of(record["address"], container):
            found = container.at(record["address"])
            if self.created_here(record) or belongs(found):
                self.contracts[name] = found
                return found
        return self.deploy(name, container, *args())

    def holds_code_of(self, address: str, container=None) -> bool:
        """Whether `address` holds `container`'s code: its runtime bytecode, then the immutables the
        constructor appended. A record written ahead names the deployer's next nonce; on a chain
        reverted to a snapshot (a test's isolation) that address may hold another contract. With no
        container (an npm artifact's type, which the project does not hold) any code counts."""
        code = bytes(self.chain.provider.get_code(address))
        contract_type = getattr(container, "contract_type", None)
        runtime = getattr(getattr(contract_type, "runtime_bytecode", None), "bytecode", None)
        if not code or not runtime:
            return bool(code)
        return code.startswith(bytes.fromhex(runtime.removeprefix("0x")))

    def writes_directly(self, contract) -> bool:
        """Whether a domain's `configure` writes `contract`'s tunable numbers itself: only while the
        contract names no parameter registry (a first deployment). From then on the registry holds them
        and the governance flow changes them there (`Parameter`)."""
        return int(contract.parameter_registry(), 16) == 0

    def advance(self, seconds: int) -> bool:
        """Local chains only: moves time forward and mines a block. Returns False on a live chain."""
        if not self.config.get("local"):
            return False
        self.chain.provider.make_request("evm_increaseTime", [int(seconds)])
        self.chain.provider.make_request("evm_mine", [])
        return True

    def signer(self, address: str):
        """The account of this session whose address is `address`: the deployer, an exercise user or,
        on a local chain, one of the test mnemonic's; None if there is none."""
        from ape import accounts

        local = list(accounts.test_accounts) if self.config.get("local") else []
        return next((a for a in (self.deployer, *self.users, *local) if a.address == address), None)

    def refresh_local_feeds(self) -> None:
        """Local chains: every `LocalPriceFeed` of the suite that has an answer gives it again, dated
        now, from its owner's account. A live feed updates at least once per heartbeat; a local one
        only when told, so after local time moved (an exercise's time travel, `make up` left running)
        red packets and markets would find its answer stale. A feed dated within FRESH_SECONDS is
        left as it is. A no-op on live chains."""
        if not self.config.get("local"):
            return
        now = self.chain.blocks.head.timestamp
        gas, dated = 0, 0
        for name, feed in list(self.contracts.items()):
            contract_type = getattr(feed, "contract_type", None)  # a blueprint has none
            if getattr(contract_type, "name", None) != "LocalPriceFeed":
                continue
            if feed.round_id() == 0 or now - feed.updated_at() < FRESH_SECONDS:
                continue
            signer = self.signer(feed.owner())
            if signer is None:
                self.skip(f"{name}.set_answer", f"its owner {feed.owner()} is not an account of this chain")
                continue
            gas += feed.set_answer(feed.answer(), now, sender=signer).gas_used
            dated += 1
        if dated:  # one row in the exercise table, not one per feed
            self.steps.append(Step("local price feeds answer again, dated now", gas, "", f"{dated} feeds"))

    def skip(self, name: str, why: str) -> None:
        self.steps.append(Step(name, 0, "", f"skipped: {why}"))

    def check(self, condition: bool, what: str) -> None:
        """An exercise assertion: a failure stops the run and exits non-zero."""
        if not condition:
            raise FlowError(f"check failed: {what}")


class FlowError(Exception):
    """An exercise step did not do what it should."""
