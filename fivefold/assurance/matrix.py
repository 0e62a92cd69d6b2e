"""The access-control matrix (issue 18): every state-changing external function of every contract
of a deployed suite, called by an unprivileged account with plausible arguments generated from its
ABI, and what came back (tests/assurance/test_access_matrix.py holds the verdicts).

The calls are `eth_call`s from a fresh address funded with the native coin only (no token, no role,
no allowance): a call that would succeed as a transaction succeeds as a call, and nothing is sent,
so one deployment answers every probe without a snapshot between them.

    matrix_types(project)                         contract type -> its state-changing functions
    Values(ctx, actor, now).arguments(fn)         plausible arguments from the ABI types
    probe(chain, contract, fn, args, caller)      one eth_call -> Outcome (reverted, reason)
    problems(case, outcomes, public, incidental)  the verdict on one (type, function)
    stale(cases, *tables)                         table entries naming no function any more
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eth_abi import decode as abi_decode
from eth_abi import encode as abi_encode
from eth_utils import keccak

# A proxy's own ABI has no function (OpenZeppelin 4's transparent proxy answers only its admin, the
# RouterAdmin contract): every other call reaches the implementation, whose functions are probed.
FRONTS = {"TransparentUpgradeableProxy": "HypXERC20"}

# A revert that names the caller's missing authority: owner, role, operator, minter, guardian,
# registry, the one contract allowed to call back, the member of a committee, the owner of a
# position, the votes a proposer needs. Anything else (a zero balance, a phase, an unknown id) is
# incidental: the function may be open and merely have nothing to do for this caller.
ACCESS_PHRASES = (
    "caller",  # "<contract>: caller is not the owner" and every house prefix's like it
    "forbidden",  # Uniswap v2's factory: "UniswapV2: FORBIDDEN"
    "missing role",  # snekmate's access_control (the timelocks)
    "roles for itself",  # access_control's renounceRole for another account
    "sender not",  # Hyperlane: "MailboxClient: sender not mailbox"
    "not a member",  # a committee's seat
    "not the staker",  # an NFT staked by someone else
    "only the creator",  # a vault's deposits
    "not a director",  # a board's income
    "proposer below threshold",  # a governor's proposer needs votes
)

# Plausible values, by the parameter's type and, for addresses and numbers, its name.
SMALL_AMOUNT = 1_000  # wei: small, non-zero
NATIVE_VALUE = 1_000  # wei sent with a payable function
CALLER_BALANCE = 10**18  # the unprivileged caller's native coin: it can pay gas and values
ONE_HOUR = 3_600
_FUTURE = re.compile(r"deadline|expir|until|end|valid", re.IGNORECASE)
_NOW = re.compile(r"time|start|when|at$", re.IGNORECASE)
_TOKEN = re.compile(r"token|asset|currency|underlying|payment", re.IGNORECASE)
_COLLECTION = re.compile(r"collection|nft", re.IGNORECASE)
_MARKET = re.compile(r"market", re.IGNORECASE)
# An address that must hold code (a hook, a module, a model): the probed contract's own address.
_CODE = re.compile(r"hook|module|ism|implementation|router|feed|model|registry|blueprint|adapter", re.I)
# A number that names an entry (a schedule, a round, a packet): the first one, which may exist.
_ID = re.compile(r"(^|_)id$|^id|index|schedule|round|packet|campaign|lot|invoice|proposal|half", re.I)
FIRST_ID = 1


@dataclass(frozen=True)
class Outcome:
    """What one probe returned: `reverted`, and the revert's reason (Error(string)'s text, a custom
    error's name, or "" when the revert carried none)."""

    reverted: bool
    reason: str = ""

    @property
    def access_control(self) -> bool:
        """Whether the revert names the caller's missing authority (see ACCESS_PHRASES)."""
        reason = self.reason.lower()
        return self.reverted and any(phrase in reason for phrase in ACCESS_PHRASES)


def signature(fn) -> str:
    """`name(type,...)`: the canonical signature its selector is hashed from."""
    return f"{fn.name}({','.join(i.canonical_type for i in fn.inputs)})"


def state_changing(abi_items) -> list:
    """The external functions that can change state (not view, not pure), in ABI order."""
    return [a for a in abi_items if a.type == "function" and a.stateMutability not in ("view", "pure")]


def matrix_types(project) -> dict[str, list]:
    """Contract type -> its state-changing functions, from the compiled ABIs of everything the suite
    deploys: each domain's Deployables (npm and Hyperlane artifacts and local doubles included,
    blueprints too) and every deployable source (CamelCase, outside contracts/mocks), which covers
    the contracts a domain's `configure` creates. FRONTS' proxies are probed as what they front."""
    from fivefold import abi, domains

    artifacts: dict[str, str | None] = {name: None for name in abi.deployable_sources()}
    for flow in domains.flows():
        for item in flow.CONTRACTS:
            artifacts.setdefault(item.contract_type, item.artifact)
    out = {}
    for name, artifact in sorted(artifacts.items()):
        if name in FRONTS:
            continue
        out[name] = state_changing(abi.container(project, name, artifact).contract_type.abi)
    return out


def matrix_type(contract) -> str | None:
    """The matrix type of a deployed contract (None for a blueprint, which cannot be called)."""
    contract_type = getattr(contract, "contract_type", None)
    if contract_type is None:
        return None
    return FRONTS.get(contract_type.name, contract_type.name)


class Values:
    """Plausible arguments for one deployed suite: real actors and contracts for addresses, small
    non-zero amounts, the chain's current time for timestamps, non-empty bytes."""

    def __init__(self, ctx, actor: str, now: int):
        self.ctx, self.actor, self.now = ctx, actor, now
        self.target = actor  # the probed contract's address (`for_contract`)

    def for_contract(self, address: str) -> Values:
        """The same values for probing the contract at `address` (what `_CODE` parameters get)."""
        self.target = address
        return self

    def _named(self, *names: str) -> str:
        """The address of the first of `names` the suite deployed (else the real actor)."""
        for name in names:
            if name in self.ctx.contracts and getattr(self.ctx.contracts[name], "address", None):
                return self.ctx.contracts[name].address
        return self.actor

    def value(self, abi_type, name: str = ""):
        """A plausible value of `abi_type` for a parameter called `name` (arrays get one item,
        fixed-size ones all theirs; tuples are built field by field)."""
        t = abi_type.type
        if t.endswith("]"):
            inner, size = t[: t.rindex("[")], t[t.rindex("[") + 1 : -1]
            item = self.value(abi_type.model_copy(update={"type": inner}), name)
            return [item] * (int(size) if size else 1)
        if t == "tuple":
            return tuple(self.value(c, c.name or "") for c in abi_type.components)
        if t == "address":
            if _TOKEN.search(name):
                return self._named("CC")
            if _COLLECTION.search(name):
                return self._named("NftDemoCollection")
            if _MARKET.search(name):
                return self._named("LendingMarketUSD6")
            if _CODE.search(name):
                return self.target
            return self.actor
        if t.startswith("uint") or t.startswith("int"):
            if _FUTURE.search(name):
                return self.now + ONE_HOUR
            if _NOW.search(name):
                return self.now
            if _ID.search(name):
                return FIRST_ID
            if t == "uint8":
                return 27  # a signature's v, or a small number
            return SMALL_AMOUNT
        if t == "bool":
            return True
        if t == "bytes32":
            return keccak(text=f"fivefold matrix {name}")
        if t.startswith("bytes") and t != "bytes":
            return b"\x01" * int(t[5:])
        if t == "bytes":
            return b"\x01" * 64
        if t == "string":
            return "fivefold matrix"
        raise ValueError(f"matrix: no plausible value for ABI type {t} ({name})")

    def arguments(self, fn) -> list:
        """Plausible arguments for every input of `fn`."""
        return [self.value(i, i.name or "") for i in fn.inputs]


def calldata(fn, args: list) -> bytes:
    """The selector of `fn` followed by its ABI-encoded `args`."""
    return keccak(text=signature(fn))[:4] + abi_encode([i.canonical_type for i in fn.inputs], args)


def _reason(data: bytes, errors: dict[bytes, str]) -> str:
    """The revert's reason from its return data: Error(string)'s text, Panic's code, or the name of
    a custom error the contract declares."""
    if data[:4] == keccak(text="Error(string)")[:4]:
        return abi_decode(["string"], data[4:])[0]
    if data[:4] == keccak(text="Panic(uint256)")[:4]:
        return f"panic {abi_decode(['uint256'], data[4:])[0]:#x}"
    if len(data) >= 4:
        return errors.get(data[:4], f"custom error 0x{data[:4].hex()}")
    return ""


def probe(chain, contract, fn, args: list, caller: str) -> Outcome:
    """`fn(*args)` on `contract`, as an eth_call from `caller` (with NATIVE_VALUE if payable)."""
    errors = {
        keccak(text=f"{e.name}({','.join(i.canonical_type for i in e.inputs)})")[:4]: e.name
        for e in contract.contract_type.abi
        if e.type == "error"
    }
    tx = {"from": caller, "to": contract.address, "data": "0x" + calldata(fn, args).hex()}
    if fn.stateMutability == "payable":
        tx["value"] = hex(NATIVE_VALUE)
    try:  # the raw RPC: no ape or web3 decoding between the node's answer and the verdict
        response = chain.provider.web3.provider.make_request("eth_call", [tx, "latest"])
    except Exception as exc:  # a transport failure is not a verdict
        raise RuntimeError(f"matrix: eth_call to {contract.address} failed: {exc}") from exc
    error = response.get("error")
    if not error:
        return Outcome(False)
    message = str(error.get("message", ""))
    # A revert (code 3 with data) or another EVM failure (invalid opcode, out of gas) fails the call
    # as it would fail the transaction; anything else (the node refusing the request) is no verdict.
    if error.get("code") != 3 and "revert" not in message.lower() and "evm" not in message.lower():
        raise RuntimeError(f"matrix: the node refused the eth_call to {contract.address}: {message}")
    data = error.get("data") or "0x"
    if isinstance(data, dict):
        data = data.get("data") or "0x"
    raw = bytes.fromhex(data[2:]) if isinstance(data, str) and data.startswith("0x") else b""
    return Outcome(True, _reason(raw, errors))


def problems(case: tuple, outcomes: dict[str, Outcome], public: dict, incidental: dict) -> list[str]:
    """What is wrong with one (contract type, function) given its probes' outcomes (where -> Outcome),
    by the tables' rules; empty when nothing is. PUBLIC: at least one contract lets the caller in
    (it succeeds or fails for want of funds or state, not of authority). Otherwise every probe must
    revert and, unless the case is INCIDENTAL, at least one must name the caller's authority (a type
    deployed several times runs the same code: one that is still empty, e.g. a vault with no
    schedule yet, may stop at the missing entry before it reaches the caller check)."""
    if case in public:
        if all(o.access_control for o in outcomes.values()):
            return [f"{case} is listed in PUBLIC but every contract refuses the caller: move it out"]
        return []
    out = [
        f"{where} succeeded for an unprivileged caller: protect it, or list {case} in PUBLIC"
        for where, outcome in outcomes.items()
        if not outcome.reverted
    ]
    if not out and case not in incidental and not any(o.access_control for o in outcomes.values()):
        reasons = sorted({o.reason for o in outcomes.values()})
        out.append(
            f"{case} reverted with {reasons}, which does not name the caller's authority: "
            f"check the caller first, or list {case} in INCIDENTAL with why"
        )
    return out


def stale(cases: set[tuple[str, str]], *tables: dict) -> list[tuple[str, str]]:
    """Table entries that name no state-changing function of the suite any more."""
    return sorted({key for table in tables for key in table} - set(cases))
