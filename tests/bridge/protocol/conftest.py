"""Bridge protocol fixtures: three local anvils (chain ids 56, 1 and 137) with Hyperlane's real core
on each (fivefold/bridge/hyperlane.py), a BridgeMockXERC20 per chain (its supply at home, chain 56)
with a HypXERC20 router per chain enrolled with the others, and the relay's view of each chain.

The nodes and deployments are module-scoped; every test runs between an `evm_snapshot` and an
`evm_revert` on every node (ape's isolation covers only its own chain), so no test sees another's
messages.
"""

import dataclasses

import pytest

from fivefold import localchain
from fivefold.bridge import hyperlane
from fivefold.units import to_wei

CHAIN_IDS = (56, 1, 137)
SUPPLY = to_wei(1_000_000)
AMOUNT = to_wei(1_000)


_key = hyperlane.local_key


@dataclasses.dataclass
class Side:
    """One chain of the bridge: its core (sent by the deployer), relay core (sent by the
    relayer), router and token, and the user acting on it."""

    chain: hyperlane.Chain
    core: hyperlane.Core
    relay_core: hyperlane.Core
    router: object
    token: object
    user: hyperlane.Chain

    @property
    def domain(self) -> int:
        """The chain id: the Mailbox's domain."""
        return self.chain.chain_id

    def balance(self, address: str) -> int:
        """The token balance of `address` on this chain."""
        return self.token.functions.balanceOf(address).call()

    def supply(self) -> int:
        """The token's total supply on this chain."""
        return self.token.functions.totalSupply().call()


def _mock(project) -> tuple[list, str]:
    """(abi, init bytecode) of the tests' xERC20 mock."""
    contract_type = project.BridgeMockXERC20.contract_type
    abi = [item.model_dump(mode="json", by_alias=True) for item in contract_type.abi]
    return abi, contract_type.deployment_bytecode.bytecode


@pytest.fixture(scope="module")
def nodes():
    """Three anvils, stopped after the module."""
    with localchain.nodes(CHAIN_IDS) as running:
        yield running


@pytest.fixture(scope="module")
def deployer_key():
    return _key(0)


@pytest.fixture(scope="module")
def sides(nodes, project):
    """Chain id -> Side: core, token (supply at home on the first chain) and enrolled router."""
    abi, bytecode = _mock(project)
    proxy_admin = hyperlane.Chain.at(nodes[0].url, _key(1)).sender.address
    built = {}
    for node in nodes:
        chain = hyperlane.Chain.at(node.url, _key(0))
        relayer = hyperlane.Chain.at(node.url, _key(2))
        user = hyperlane.Chain.at(node.url, _key(3))
        core = hyperlane.deploy_core(chain, chain.sender.address)
        home = node.chain_id == CHAIN_IDS[0]
        supply = SUPPLY if home else 0
        args = [chain.sender.address, user.sender.address, supply]
        token_address = chain.deploy("BridgeMockXERC20", args, abi, bytecode)
        token = chain.w3.eth.contract(address=token_address, abi=abi)
        router = hyperlane.deploy_router(core, token_address, chain.sender.address, proxy_admin)
        chain.send(token.functions.set_bridge(router.address))
        relay_core = dataclasses.replace(core, chain=relayer)
        built[node.chain_id] = Side(chain, core, relay_core, router, token, user)
    hyperlane.enroll([(s.chain, s.router) for s in built.values()])
    return built


@pytest.fixture(autouse=True)
def isolated(sides):
    """Every node back to the module's state after each test."""
    rpc = {cid: s.chain.w3.provider.make_request for cid, s in sides.items()}
    snapshots = {cid: request("evm_snapshot", [])["result"] for cid, request in rpc.items()}
    yield
    for cid, request in rpc.items():
        request("evm_revert", [snapshots[cid]])


@pytest.fixture
def home(sides):
    """The token's home chain (56): the user holds the supply."""
    return sides[CHAIN_IDS[0]]


@pytest.fixture
def away(sides):
    """A chain the token is not at home on (1)."""
    return sides[CHAIN_IDS[1]]


@pytest.fixture
def third(sides):
    """The third chain (137)."""
    return sides[CHAIN_IDS[2]]


@pytest.fixture
def relay_cores(sides):
    """The relay's view of every chain (process sent by the relayer account)."""
    return [s.relay_core for s in sides.values()]


def send_tokens(origin: Side, destination: Side, amount: int = AMOUNT, recipient=None):
    """The user approves its router and calls transferRemote to `destination`; the receipt."""
    user = origin.user
    to = recipient or user.sender.address
    user.send(origin.token.functions.approve(origin.router.address, amount))
    return user.send(
        origin.router.functions.transferRemote(destination.domain, hyperlane.to_bytes32(to), amount)
    )
