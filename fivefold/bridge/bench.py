"""Bridge gas (see fivefold/gas.py): a HypXERC20 transfer out and in through Hyperlane's real
contracts, and the protocol's own parts of each measured alone.

One chain suffices: the router is enrolled with itself for the chain's own domain, so a transfer
to that domain dispatches on the Mailbox and is processed by the same Mailbox with the relay's
validator signatures (2 of 3), exactly the calls a transfer between two chains makes on each side.
The token is the suite's CappedToken (CMDT at home on the bench chain): its ERC-7281 burn and mint,
limits and `bridged_out` bookkeeping included (`xerc20.*` measures the token's part alone). A prior
transfer warms nothing the measured one uses but the Mailbox's nonce and tree (as on a live chain
after its first message).
"""

from __future__ import annotations

from dataclasses import dataclass

from eth_account import Account

from fivefold.bridge import hyperlane, relay
from fivefold.gas import Bench, operation
from fivefold.units import to_wei

AMOUNT = to_wei(1_000)


@dataclass
class _Receipt:
    """What the gas harness reads of a receipt."""

    gas_used: int


def _bridge(b: Bench):
    """Hyperlane's core on the bench chain, CMDT (a CappedToken at home here, 10 transfers' worth
    held by user(0)) and its HypXERC20 enrolled with itself, with a daily limit of 1,000 transfers
    each way; one transfer already sent and delivered. Returns (chain, core, router, user chain,
    relayer chain)."""
    from fivefold.tokens.bench import capped_token

    w3 = b.chain.provider.web3
    chain = hyperlane.Chain(w3, Account.from_key(b.deployer.private_key))
    user = hyperlane.Chain(w3, Account.from_key(b.user(0).private_key))
    relayer = hyperlane.Chain(w3, Account.from_key(b.user(1).private_key))
    core = hyperlane.deploy_core(chain, b.owner.address)
    cmdt = capped_token(b, "CMDMAX Token", "CMDT", 10**27)
    cmdt.initialize_supply([b.user(0)], [10 * AMOUNT], sender=b.owner)
    router = hyperlane.deploy_router(core, cmdt.address, chain.sender.address, b.owner.address)
    cmdt.setLimits(router.address, 1_000 * AMOUNT, 1_000 * AMOUNT, sender=b.owner)
    itself = [hyperlane.to_bytes32(router.address)]
    chain.send(router.functions.enrollRemoteRouters([chain.chain_id], itself))
    cmdt.approve(router.address, 10 * AMOUNT, sender=b.user(0))
    _send(router, user, chain.chain_id)
    relay.relay_once([_as(core, relayer)])
    return chain, core, router, user, relayer


def _as(core: hyperlane.Core, sender: hyperlane.Chain) -> hyperlane.Core:
    """The same core, transactions signed by `sender`."""
    return hyperlane.Core(sender, core.mailbox, core.merkle_hook, core.fee_hook, core.ism)


def _send(router, user: hyperlane.Chain, domain: int):
    """user's transferRemote of AMOUNT to itself on `domain`; the receipt."""
    recipient = hyperlane.to_bytes32(user.sender.address)
    return user.send(router.functions.transferRemote(domain, recipient, AMOUNT))


@operation(
    "bridge.send",
    "HypXERC20.transferRemote by a user (allowance given): CMDT's ERC-7281 burn(user, amount) "
    "within the router's limit, the router's message, Mailbox.dispatch with the MerkleTreeHook "
    "insert (required hook) and the zero-fee ProtocolFee (default hook); the Mailbox's nonce and "
    "tree already used once",
)
def send(b: Bench):
    chain, _, router, user, _ = _bridge(b)
    return _Receipt(_send(router, user, chain.chain_id).gasUsed)


@operation(
    "bridge.send.dispatch",
    "the protocol's share of bridge.send: Mailbox.dispatch alone of the same 64-byte body by an "
    "account (MerkleTreeHook insert and zero-fee ProtocolFee included), no token, no router",
)
def dispatch(b: Bench):
    chain, core, router, user, _ = _bridge(b)
    body = hyperlane.to_bytes32(user.sender.address) + AMOUNT.to_bytes(32, "big")
    fn = core.mailbox.functions.dispatch(chain.chain_id, hyperlane.to_bytes32(router.address), body)
    return _Receipt(user.send(fn).gasUsed)


@operation(
    "bridge.receive",
    "Mailbox.process by the relayer of a HypXERC20 transfer: the 2-of-3 message-id multisig ISM's "
    "verification (two ecrecovers), the router's handle (enrolled-sender check) and the token's "
    "mint(user, amount) to an account already holding it (CMDT at home: bridged_out brought back)",
)
def receive(b: Bench):
    chain, core, router, user, relayer = _bridge(b)
    _send(router, user, chain.chain_id)
    (message,) = [m for _, _, m in relay.pending([core])]
    fn = core.mailbox.functions.process(relay.metadata(core, message), message.raw)
    return _Receipt(relayer.send(fn).gasUsed)


@operation(
    "bridge.receive.verify",
    "the protocol's share of bridge.receive: StorageMessageIdMultisigIsm.verify alone (2 of 3, "
    "two ecrecovers) sent as a transaction with the same metadata and message",
)
def verify(b: Bench):
    chain, core, router, user, relayer = _bridge(b)
    _send(router, user, chain.chain_id)
    (message,) = [m for _, _, m in relay.pending([core])]
    fn = core.ism.functions.verify(relay.metadata(core, message), message.raw)
    return _Receipt(relayer.send(fn).gasUsed)
