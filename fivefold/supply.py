"""One supply across chains (`ape run deploy check-supply`): each token's totalSupply on every chain
with a manifest, against its cap, and the bridge's books.

What the home chain released (`totalSupply + bridged_out` there: the token's cap bounds it) must
equal the supply on every other chain plus what is in flight between them: burnt by a router and
not yet minted by the router of the destination. In flight = every message a Mailbox dispatched
(`Dispatch` events) whose id the destination's Mailbox has not processed (`ProcessId` events). A
difference is flagged: more away than released means a mint without a burn (a compromised bridge,
within its daily limit); less means tokens burnt by their holders away from home, or a message
that never arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fivefold import manifest as manifest_mod
from fivefold import ui
from fivefold.config import TOKENS, chain_name
from fivefold.session import SessionError, connect
from fivefold.units import fmt

# A Hyperlane message: version(1) nonce(4) origin(4) sender(32) destination(4) recipient(32) body;
# a warp route's body: recipient(32) amount(32) metadata.
_SENDER, _DESTINATION, _BODY = slice(9, 41), slice(41, 45), 77


@dataclass
class ChainBooks:
    """What one chain says: per token (totalSupply, cap, bridged_out, home chain id), the transfers
    its Mailbox dispatched (id, token, destination, amount) and the ids it processed."""

    tokens: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    dispatched: list[tuple[bytes, str, int, int]] = field(default_factory=list)
    processed: set[bytes] = field(default_factory=set)


def _read_chain(project, provider, manifest: dict) -> ChainBooks:
    """The books of the connected chain."""
    from eth_utils import keccak

    from fivefold.bridge import hyperlane

    books = ChainBooks()
    contracts = manifest["contracts"]
    for symbol in TOKENS:
        record = contracts.get(symbol)
        if record:
            token = project.CappedToken.at(record["address"], fetch_from_explorer=False)
            books.tokens[symbol] = (
                token.totalSupply(),
                token.cap(),
                token.bridged_out(),
                token.home_chain_id(),
            )
    mailbox = contracts.get("HyperlaneMailbox")
    if not mailbox:
        return books
    routers = {
        contracts[f"Hyp{s}"]["address"].lower(): s for s in TOKENS if f"Hyp{s}" in contracts
    }
    box = provider.web3.eth.contract(address=mailbox["address"], abi=hyperlane.artifact("Mailbox")["abi"])
    for event in box.events.Dispatch().get_logs(from_block=0):
        raw = bytes(event["args"]["message"])
        symbol = routers.get(hyperlane.from_bytes32(raw[_SENDER]).lower())
        if symbol:
            amount = int.from_bytes(raw[_BODY + 32 : _BODY + 64], "big")
            books.dispatched.append((keccak(raw), symbol, int.from_bytes(raw[_DESTINATION], "big"), amount))
    books.processed = {bytes(e["args"]["messageId"]) for e in box.events.ProcessId().get_logs(from_block=0)}
    return books


def read_books(where: dict[str, str]) -> dict[int, ChainBooks]:
    """chain id -> its books, connecting to each chain in turn."""
    from ape import project

    # every chain on loopback: the local chains' manifests (`make up`), else the committed ones
    loopback = bool(where) and all(any(h in n for h in ("127.0.0.1", "localhost")) for n in where.values())
    kind = manifest_mod.LOCAL if loopback else manifest_mod.LIVE
    manifests = manifest_mod.load_all(kind=kind)
    if not manifests:
        raise SessionError(f"no manifests in {manifest_mod.directory(kind)}/: deploy first")
    out = {}
    for chain_id, manifest in manifests.items():
        network = where.get(str(chain_id))
        if not network:
            raise SessionError(
                f"no RPC for chain {chain_id} ({chain_name(chain_id)}): pass --rpc {chain_id}=<network or "
                "URL>"
            )
        with connect(network) as provider:
            if provider.chain_id != chain_id:
                raise SessionError(
                    f"--rpc {chain_id}={network} is chain {provider.chain_id}: point it at chain {chain_id}"
                )
            out[chain_id] = _read_chain(project, provider, manifest)
    return out


def in_flight(books: dict[int, ChainBooks]) -> dict[str, int]:
    """token -> amount burnt by a router and not yet minted at its destination."""
    out = dict.fromkeys(TOKENS, 0)
    for origin in books.values():
        for id_, symbol, destination, amount in origin.dispatched:
            arrived = destination in books and id_ in books[destination].processed
            if not arrived:
                out[symbol] += amount
    return out


def summarize(books: dict[int, ChainBooks]):
    """The table's rows and the tokens whose books disagree (over the cap, or away + in flight !=
    released at home)."""
    chains = sorted(books)
    flying = in_flight(books)
    rows, wrong = [], []
    for symbol in TOKENS:
        held = {c: books[c].tokens[symbol] for c in chains if symbol in books[c].tokens}
        if not held:
            continue  # not deployed on these chains
        caps = {cap for _, cap, _, _ in held.values()}
        cap = max(caps) if caps else 0
        homes = {home for _, _, _, home in held.values()}
        home = next(iter(homes)) if len(homes) == 1 else None
        total = sum(supply for supply, _, _, _ in held.values())
        status = "ok"
        if total + flying[symbol] > cap or len(caps) > 1 or home is None:
            status = "OVER CAP" if total + flying[symbol] > cap else "CONFIG DIFFERS"
        elif home in held:
            supply, _, out, _ = held[home]
            away = total - supply
            if away + flying[symbol] > out:
                status = "MINTED WITHOUT A BURN"
            elif away + flying[symbol] < out:
                status = "LESS AWAY THAN SENT"
        if status != "ok":
            wrong.append(symbol)
        released = held[home][0] + held[home][2] if home in held else total
        rows.append(
            [
                symbol,
                *[fmt(held[c][0]) if c in held else "-" for c in chains],
                fmt(flying[symbol]),
                fmt(released),
                fmt(cap),
                status,
            ]
        )
    return {"chains": [f"{chain_name(c)} ({c})" for c in chains], "rows": rows}, wrong


def check(where: dict[str, str]):
    return summarize(read_books(where))


def run(rpcs: tuple[str, ...]) -> None:
    """`ape run deploy check-supply --rpc CHAIN_ID=NETWORK ...`: the table, failing if a token's books
    disagree (over its cap, or what is away and in flight differs from what its home sent)."""
    malformed = [r for r in rpcs if "=" not in r]
    if malformed:
        raise SessionError(f"--rpc {malformed[0]!r}: write CHAIN_ID=NETWORK, e.g. --rpc 56=bsc:mainnet")
    rows, wrong = check(dict(r.split("=", 1) for r in rpcs))
    ui.table(
        "Supply across chains",
        ["token", *rows["chains"], "in flight", "released at home", "cap", "status"],
        rows["rows"],
    )
    if wrong:
        ui.fail(f"the supplies do not add up for: {', '.join(wrong)} (see the status column)")
