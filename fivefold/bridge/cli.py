"""`ape run bridge`: tokens moving between the local chains through Hyperlane, and the local relay.

Both commands talk to every chain at once through web3 (`hyperlane.Chain`), from the chains'
manifests (`deployments/local/`, or the directory the demo names): the routers, Mailboxes and hooks
`ape run deploy` recorded there.

    relay  deliver every pending message once (what Hyperlane's validators and relayer do)
    demo   CMDT from its home chain (BSC) to the three others and part of it back, CC from BSC to
           Ethereum; a table of each chain's supply before and after, and the home chain's books
"""

from __future__ import annotations

from dataclasses import dataclass

from fivefold import manifest as manifest_mod
from fivefold import ui
from fivefold.bridge import hyperlane, relay
from fivefold.config import chain_name
from fivefold.session import SessionError
from fivefold.units import fmt, to_wei

# The local test mnemonic's accounts: the treasury (holds the home chains' distributions) sends,
# account 5 relays (it pays the destination's gas, as a relayer does).
TREASURY_KEY, RELAYER_KEY = 2, 5
HOME = 56  # CMDT's and CC's home (deploy/suite.yaml)
CMDT_OUT, CMDT_BACK, CC_OUT = to_wei(1_000), to_wei(400), to_wei(5_000)


@dataclass
class Side:
    """One chain as the bridge tools see it."""

    chain_id: int
    core: hyperlane.Core  # transactions signed by the relayer
    user: hyperlane.Chain  # the treasury, which sends
    contracts: dict  # manifest name -> address

    def token(self, symbol: str):
        """The token: the few ERC-20 and bridge reads and the approval the demo needs."""
        return self.user.w3.eth.contract(address=self.contracts[symbol], abi=_TOKEN_ABI)

    def router(self, symbol: str):
        """`symbol`'s HypXERC20 router (the proxy)."""
        return self.user.contract("HypXERC20", self.contracts[f"Hyp{symbol}"])


_TOKEN_ABI = [
    {"type": "function", "name": name, "stateMutability": "view", "inputs": inputs,
     "outputs": [{"name": "", "type": "uint256"}]}
    for name, inputs in (
        ("totalSupply", []),
        ("bridged_out", []),
        ("balanceOf", [{"name": "account", "type": "address"}]),
    )
] + [
    {"type": "function", "name": "approve", "stateMutability": "nonpayable",
     "inputs": [{"name": "spender", "type": "address"}, {"name": "amount", "type": "uint256"}],
     "outputs": [{"name": "", "type": "bool"}]}
]


def sides(urls: dict[int, str], directory=None) -> dict[int, Side]:
    """chain id -> Side for every chain of `urls` with a manifest naming a Mailbox."""
    if directory is None:
        manifests = manifest_mod.load_all(kind=manifest_mod.LOCAL)
    else:
        manifests = manifest_mod.load_dir(directory)
    out = {}
    for chain_id, url in urls.items():
        contracts = {n: r["address"] for n, r in (manifests.get(chain_id) or {}).get("contracts", {}).items()}
        if "HyperlaneMailbox" not in contracts:
            raise SessionError(
                f"chain {chain_id} has no bridge in its manifest: run `ape run deploy` on it first"
            )
        relayer = hyperlane.Chain.at(url, hyperlane.local_key(RELAYER_KEY))
        core = hyperlane.Core(
            relayer,
            relayer.contract("Mailbox", contracts["HyperlaneMailbox"]),
            relayer.contract("MerkleTreeHook", contracts["HyperlaneMerkleTreeHook"]),
            relayer.contract("ProtocolFee", contracts["HyperlaneFeeHook"]),
            relayer.contract("StorageMessageIdMultisigIsm", contracts["HyperlaneISM"]),
        )
        user = hyperlane.Chain.at(url, hyperlane.local_key(TREASURY_KEY))
        out[chain_id] = Side(chain_id, core, user, contracts)
    return out


def relay_all(chains: dict[int, Side]) -> list[relay.Delivery]:
    """Every pending message between `chains`, delivered once; a refusal is reported."""
    return relay.relay_once([s.core for s in chains.values()])


def send(origin: Side, destination: int, symbol: str, amount: int):
    """The treasury sends `amount` of `symbol` to itself on `destination` (approve + transferRemote)."""
    user, router = origin.user, origin.router(symbol)
    user.send(origin.token(symbol).functions.approve(router.address, amount))
    recipient = hyperlane.to_bytes32(user.sender.address)
    return user.send(router.functions.transferRemote(destination, recipient, amount))


def supplies(chains: dict[int, Side], symbols=("CMDT", "CC")) -> list[list[str]]:
    """Rows: token, each chain's totalSupply, the home chain's bridged_out."""
    rows = []
    for symbol in symbols:
        per_chain = [chains[c].token(symbol).functions.totalSupply().call() for c in sorted(chains)]
        out = chains[HOME].token(symbol).functions.bridged_out().call() if HOME in chains else 0
        rows.append([symbol, *[fmt(s) for s in per_chain], fmt(out)])
    return rows


def _table(title: str, chains: dict[int, Side], rows) -> None:
    heads = ["token", *[f"{chain_name(c)} ({c})" for c in sorted(chains)], "bridged out of BSC"]
    ui.table(title, heads, rows)


def demo(urls: dict[int, str], directory=None) -> None:
    """CMDT from BSC to the three other chains and part of it back, CC from BSC to Ethereum: each
    transfer is one `transferRemote` (burn on the way out), the relay delivers it (mint on the way
    in); the supplies before and after, and the messages delivered."""
    chains = sides(urls, directory)
    if HOME not in chains:
        raise SessionError(f"the demo starts on BSC (chain {HOME}): pass its RPC")
    _table("Before: supply per chain", chains, supplies(chains))
    away = [c for c in sorted(chains) if c != HOME]
    rows = []
    for c in away:
        receipt = send(chains[HOME], c, "CMDT", CMDT_OUT)
        rows.append([f"CMDT {fmt(CMDT_OUT)}", f"BSC -> {chain_name(c)}", f"{receipt.gasUsed:,}"])
    if 1 in chains:
        receipt = send(chains[HOME], 1, "CC", CC_OUT)
        rows.append([f"CC {fmt(CC_OUT)}", "BSC -> Ethereum", f"{receipt.gasUsed:,}"])
    delivered = relay_all(chains)
    for c in away:
        receipt = send(chains[c], HOME, "CMDT", CMDT_BACK)
        rows.append([f"CMDT {fmt(CMDT_BACK)}", f"{chain_name(c)} -> BSC", f"{receipt.gasUsed:,}"])
    delivered += relay_all(chains)
    ui.table("Transfers sent (transferRemote: burn + dispatch)", ["amount", "route", "gas"], rows)
    refused = [d for d in delivered if d.reason]
    ui.console.print(
        f"relay: {len(delivered) - len(refused)} message(s) delivered with 2 of 3 validator signatures"
        + (f", {len(refused)} refused: {refused[0].reason}" if refused else "")
    )
    _table("After: supply per chain", chains, supplies(chains))
    if refused:
        ui.fail(f"{len(refused)} message(s) refused by their destination: {refused[0].reason}")


def relay_command(urls: dict[int, str], directory=None) -> None:
    """`ape run bridge relay`: one pass, a table of what was delivered."""
    chains = sides(urls, directory)
    done = relay_all(chains)
    rows = [
        [chain_name(d.message.origin), chain_name(d.message.destination), d.message.nonce,
         "delivered" if d.reason is None else f"refused: {d.reason}"]
        for d in done
    ]
    ui.table("Relay", ["from", "to", "nonce", "outcome"], rows)
    if not done:
        ui.console.print("nothing pending")
