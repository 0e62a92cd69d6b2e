"""The token side against Hyperlane's real HypXERC20 (fivefold/bridge/hyperlane.py builds it from the
pinned npm package): the suite's CappedToken, at home on ape's local chain, is the router's xERC20.

One chain suffices, as in the protocol's gas bench: the router is enrolled with itself for the
chain's own domain, so a transfer dispatches on the Mailbox, the relay signs and processes it on the
same Mailbox, and the token sees exactly the calls of a transfer between two chains (`burn(user,
amount)` on send, `mint(recipient, amount)` on receive). Every fixture is function-scoped: ape's
isolation reverts the chain after each test.
"""

import dataclasses

import pytest
from eth_account import Account

from fivefold import units
from fivefold.bridge import hyperlane

SUPPLY = units.to_wei(10_000)
WARP_LIMIT = units.to_wei(1_000)


@dataclasses.dataclass
class Warp:
    """CappedToken + its HypXERC20 route on one chain, and who acts on it."""

    token: object  # the ape contract
    router: object  # the web3 contract (HypXERC20 behind its proxy)
    core: hyperlane.Core  # transactions sent by the relayer
    user: hyperlane.Chain  # transactions signed by the holder
    holder: object  # the ape account of the user

    @property
    def domain(self) -> int:
        """The chain id, the Mailbox's domain (the route goes to itself)."""
        return self.user.chain_id

    def send(self, amount: int):
        """The holder approves the router for `amount` and calls transferRemote to itself."""
        self.token.approve(self.router.address, amount, sender=self.holder)
        recipient = hyperlane.to_bytes32(self.holder.address)
        return self.user.send(self.router.functions.transferRemote(self.domain, recipient, amount))


@pytest.fixture
def warp(project, chain, deployer, owner, holder, stranger):
    """CMDT at home here, SUPPLY held by `holder`; Hyperlane's core (owned by `owner`) and a HypXERC20
    route enrolled with itself, given WARP_LIMIT to mint and to burn per day."""
    w3 = chain.provider.web3
    deploying = hyperlane.Chain(w3, Account.from_key(deployer.private_key))
    core = hyperlane.deploy_core(deploying, owner.address)
    token = project.CappedToken.deploy(
        "CMDMAX Token",
        "CMDT",
        units.to_wei(10**6),
        owner,
        "CMDMAX Token",
        "1",
        chain.chain_id,
        sender=owner,
    )
    token.initialize_supply([holder], [SUPPLY], sender=owner)
    router = hyperlane.deploy_router(core, token.address, deploying.sender.address, owner.address)
    itself = [hyperlane.to_bytes32(router.address)]
    deploying.send(router.functions.enrollRemoteRouters([chain.chain_id], itself))
    token.setLimits(router.address, WARP_LIMIT, WARP_LIMIT, sender=owner)
    relayer = hyperlane.Chain(w3, Account.from_key(stranger.private_key))
    user = hyperlane.Chain(w3, Account.from_key(holder.private_key))
    return Warp(token, router, dataclasses.replace(core, chain=relayer), user, holder)
