"""Hyperlane on a local chain: the core (Mailbox, hooks, validator ISM) and a HypXERC20 warp route
per token, deployed from the artifacts `build_hyperlane` compiles out of the pinned npm package.

Per chain (`deploy_core`), every contract through the CREATE2 proxy (`fivefold.create2`), as the
suite deploys everything:

    Mailbox(localDomain = chain id)            messages in (`process`) and out (`dispatch`)
    MerkleTreeHook(mailbox)                    required hook: every message enters the tree the
                                               validators checkpoint, whatever hook a sender picks
    ProtocolFee(0, 0, owner, owner)            default hook: Hyperlane's fee hook, with no fee and a
                                               maximum of 0 (locally nobody is paid to relay)
    StorageMessageIdMultisigIsm(validators, threshold)   the default ISM
    Mailbox.initialize(owner, ism, protocolFee, merkleTreeHook)

The ISM is `THRESHOLD` of `len(VALIDATOR_KEYS)` (2 of 3): one leaked or misbehaving validator key
cannot forge a message, and one validator down does not stop the bridge. Its constructor sets the
set and disables the initializer, so the set has no owner: changing it means deploying a new ISM
and pointing the Mailbox (`setDefaultIsm`) or a router (`setInterchainSecurityModule`) at it.

Per token and chain (`deploy_router`): a HypXERC20(token, 1, 1, mailbox) implementation and a
TransparentUpgradeableProxy in front of it, initialized in the same transaction with the router's
owner (the implementation's constructor disables initializers, so only a proxy can have an owner).
The proxy's admin must not be the owner (a transparent proxy never forwards its admin's calls).
`enroll` then gives every router the others (`enrollRemoteRouters`): a router accepts a message only
from the router enrolled for its origin domain.

Everything talks to nodes through web3.py (`Chain`): the relay needs several chains at once, which
one Ape provider is not. The module knows nothing of the token but its address (the lead swaps the
tests' BridgeMockXERC20 for CappedToken).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from eth_abi import encode
from eth_account import Account
from eth_utils import keccak, to_checksum_address
from web3 import Web3
from web3.exceptions import ContractLogicError

from fivefold import create2
from fivefold.bridge.build_hyperlane import ARTIFACTS
from fivefold.localchain import MNEMONIC


# Validator keys of the local chains (anvil's test mnemonic, accounts 7 to 9: none of them is a
# deployer or an exercise user, so no transaction of theirs moves a nonce the tests count on).
def local_key(i: int) -> str:
    """The private key of the local chains' account `i` (anvil's test mnemonic, public)."""
    Account.enable_unaudited_hdwallet_features()
    return Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}").key.hex()


VALIDATOR_KEYS = tuple(local_key(i) for i in (7, 8, 9))
THRESHOLD = 2
NAMESPACE = "fivefold/hyperlane/v1"
ZERO = "0x0000000000000000000000000000000000000000"


class Reverted(Exception):
    """A transaction the node refused; `reason` is the contract's revert string, exactly."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@cache
def artifact(name: str) -> dict:
    """A compiled Hyperlane contract (`abi`, `bytecode`) from the build cache."""
    path = ARTIFACTS / f"{name}.json"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: run `make setup` (python -m fivefold.bridge.build_hyperlane)"
        )
    return json.loads(path.read_text())


@dataclass
class Chain:
    """A node the bridge tools talk to, with the account that signs its transactions."""

    w3: Web3
    sender: object  # an eth_account LocalAccount
    contracts: dict = field(default_factory=dict)

    @classmethod
    def at(cls, url: str, private_key: str) -> Chain:
        """The node at `url`, transactions signed with `private_key`."""
        return cls(Web3(Web3.HTTPProvider(url)), Account.from_key(private_key))

    @property
    def chain_id(self) -> int:
        """The node's chain id: the Hyperlane domain of its Mailbox."""
        return self.w3.eth.chain_id

    def contract(self, name: str, address: str, abi: list | None = None):
        """A web3 contract at `address` with Hyperlane artifact `name`'s ABI (or `abi`)."""
        return self.w3.eth.contract(address=address, abi=abi or artifact(name)["abi"])

    def send(self, fn=None, *, to: str | None = None, data: bytes = b"", value=0, sender=None):
        """Sends a contract call `fn` (or raw `data` to `to`) signed by `sender` (default: this
        chain's), after an eth_call that raises Reverted with the exact reason; returns the
        receipt."""
        account = sender or self.sender
        tx = {"from": account.address, "value": value}
        if fn is not None:
            built = fn.build_transaction({**tx, "gas": 0})
            tx |= {"to": built["to"], "data": built["data"]}
        else:
            tx |= {"to": to, "data": data}
        try:
            self.w3.eth.call(tx)
            tx["gas"] = self.w3.eth.estimate_gas(tx)
        except ContractLogicError as exc:
            raise Reverted(str(exc.message).removeprefix("execution reverted: ")) from None
        tx |= {
            "nonce": self.w3.eth.get_transaction_count(account.address),
            "chainId": self.chain_id,
            "gasPrice": self.w3.eth.gas_price,
        }
        signed = account.sign_transaction(tx)
        sent = self.w3.eth.send_raw_transaction(signed.raw_transaction)
        receipt = self.w3.eth.wait_for_transaction_receipt(sent)
        if receipt.status != 1:
            raise Reverted(f"transaction {receipt.transactionHash.hex()} reverted")
        return receipt

    def deploy(self, name: str, args: list, abi: list | None = None, bytecode: str | None = None):
        """CREATE2-deploys artifact `name` (or `abi`/`bytecode`) with constructor `args` through the
        suite's CREATE2 proxy, salted by NAMESPACE and `name`; returns the address (an existing one
        is adopted: the same init code always lands at the same address)."""
        abi = abi or artifact(name)["abi"]
        code = bytecode or artifact(name)["bytecode"]
        ctor = next((item for item in abi if item["type"] == "constructor"), {"inputs": []})
        types = [_abi_type(i) for i in ctor["inputs"]]
        init_code = bytes.fromhex(code.removeprefix("0x")) + encode(types, args)
        salt = create2.salt(NAMESPACE, name)
        address = create2.predict(salt, init_code)
        if len(self.w3.eth.get_code(address)) == 0:
            self.send(to=create2.FACTORY, data=create2.calldata(salt, init_code))
        return address


def _abi_type(item: dict) -> str:
    """The canonical type of an ABI input (tuples spelled out)."""
    if item["type"].startswith("tuple"):
        inner = ",".join(_abi_type(c) for c in item["components"])
        return f"({inner}){item['type'][5:]}"
    return item["type"]


def validators() -> list[str]:
    """The local validators' addresses, in the order the ISM keeps them (signatures follow it)."""
    return [Account.from_key(k).address for k in VALIDATOR_KEYS]


@dataclass
class Core:
    """One chain's Hyperlane core, as web3 contracts."""

    chain: Chain
    mailbox: object
    merkle_hook: object
    fee_hook: object
    ism: object

    @property
    def domain(self) -> int:
        """The Mailbox's local domain (the chain id)."""
        return self.mailbox.functions.localDomain().call()


def deploy_core(chain: Chain, owner: str, threshold: int = THRESHOLD) -> Core:
    """The Mailbox, its hooks and the multisig ISM on `chain`, the Mailbox owned by `owner`;
    idempotent (existing contracts are adopted, an initialized Mailbox is left as it is)."""
    mailbox = chain.deploy("Mailbox", [chain.chain_id])
    merkle = chain.deploy("MerkleTreeHook", [mailbox])
    fee = chain.deploy("ProtocolFee", [0, 0, owner, owner])
    ism = chain.deploy("StorageMessageIdMultisigIsm", [validators(), threshold])
    core = Core(
        chain,
        chain.contract("Mailbox", mailbox),
        chain.contract("MerkleTreeHook", merkle),
        chain.contract("ProtocolFee", fee),
        chain.contract("StorageMessageIdMultisigIsm", ism),
    )
    if int(core.mailbox.functions.defaultIsm().call(), 16) == 0:
        chain.send(core.mailbox.functions.initialize(owner, ism, fee, merkle))
    return core


def deploy_router(core: Core, token: str, owner: str, proxy_admin: str, name: str = "token"):
    """The HypXERC20 router of `token` on `core`'s chain: implementation and proxy (initialized in
    the proxy's constructor: default hook and ISM of the Mailbox, `owner` as the router's owner,
    `proxy_admin` as the proxy's admin). Returns the router (web3 contract at the proxy)."""
    chain, mailbox = core.chain, core.mailbox.address
    implementation = chain.deploy(f"HypXERC20:{name}", [token, 1, 1, mailbox], *_code("HypXERC20"))
    init = chain.contract("HypXERC20", implementation).encode_abi("initialize", [ZERO, ZERO, owner])
    proxy = chain.deploy(
        f"HypXERC20Proxy:{name}",
        [implementation, proxy_admin, bytes.fromhex(init.removeprefix("0x"))],
        *_code("TransparentUpgradeableProxy"),
    )
    return chain.contract("HypXERC20", proxy)


def _code(name: str) -> tuple[list, str]:
    """(abi, bytecode) of an artifact, for a deployment salted under another name."""
    return artifact(name)["abi"], artifact(name)["bytecode"]


def to_bytes32(address: str) -> bytes:
    """An address as Hyperlane's bytes32 (left-padded), how routers and recipients are named."""
    return bytes(12) + bytes.fromhex(address[2:])


def from_bytes32(word: bytes) -> str:
    """The address in a left-padded bytes32."""
    return to_checksum_address(word[12:])


def enroll(routes: list[tuple[Chain, object]]) -> None:
    """Enrolls every router with every other one (`enrollRemoteRouters`, sent by its chain's sender,
    who must own the router); a router whose remote routers are already right is left alone."""
    for chain, router in routes:
        todo = [
            (other.chain_id, remote)
            for other, remote in routes
            if remote is not router
            and router.functions.routers(other.chain_id).call() != to_bytes32(remote.address)
        ]
        if todo:
            chain.send(
                router.functions.enrollRemoteRouters(
                    [d for d, _ in todo], [to_bytes32(r.address) for _, r in todo]
                )
            )


def message_id(message: bytes) -> bytes:
    """A Hyperlane message's id: keccak256 of its bytes (Message.id)."""
    return keccak(message)
