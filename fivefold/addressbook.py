"""The address book a dApp builds on: what a deployment records beyond its CREATE2 contracts, and
the per-chain book that `ape run export` writes (abi/addresses.json, abi/index.ts).

deployments/<chain-id>.json holds, next to `contracts` (every CREATE2 contract of the suite):

    local    true on a local stand-in chain: its addresses mean nothing anywhere else
    created  contracts made while configuring, not through CREATE2: the lending markets (the
             Controller creates each from its blueprint) and, on local chains, the settable
             mock feeds; each with its type, address, block, transaction and creator
    assets   the assets red packets, airdrop rounds and lending know on this chain: address,
             symbol, decimals, the red packet's price feed and the lending market, if any

`record` writes these after `configure` (and again, idempotently, on every re-run); the export
reads manifests only, so it needs no RPC.
"""

from __future__ import annotations

from typing import Any

from eth_abi import decode as abi_decode
from eth_abi.exceptions import DecodingError
from eth_utils import keccak, to_checksum_address

from fivefold import manifest as manifest_mod

NATIVE = "0x" + "00" * 20
ERC20 = "ERC20"  # the ABI name of an asset that is not one of the suite's contracts
# Config keys naming external assets (the chain's USDT, stablecoin, wrapped native coin).
_EXTERNAL_ASSET_KEYS = (("payouts", "usdt"), ("lending", "stablecoin"), (None, "wrapped_native"))


def _is_instance(contract) -> bool:
    """An ape contract instance (not a blueprint, not a contract still pending deployment)."""
    return hasattr(contract, "contract_type") and hasattr(contract, "address")


def _hex(value) -> str:
    return value if isinstance(value, str) else "0x" + bytes(value).hex()


def _first_block(manifest: dict) -> int:
    blocks = [r["block"] for r in manifest["contracts"].values() if r.get("block") is not None]
    return min(blocks, default=0)


def _announced_by(
    chain, address: str, emitters: dict[str, str], from_block: int
) -> tuple[str, int, str] | None:
    """(emitter name, block, tx) of the first log of a suite contract carrying `address` as an
    indexed argument: how a factory-made contract (a market) is found without an archive node."""
    if not emitters:
        return None
    topic = "0x" + "00" * 12 + address[2:].lower()
    by_address = {a.lower(): n for n, a in emitters.items()}
    for position in (1, 2, 3):
        logs = chain.provider.make_request(
            "eth_getLogs",
            [{"fromBlock": hex(from_block), "toBlock": "latest", "address": list(emitters.values()),
              "topics": [None] * position + [topic]}],
        )
        if logs:
            log = logs[0]
            return by_address[log["address"].lower()], int(log["blockNumber"], 16), log["transactionHash"]
    return None


def _creation(ctx, contract, manifest: dict) -> dict:
    """Block, transaction and creator of a contract made while configuring."""
    txn_hash = getattr(contract, "txn_hash", None)  # set by ape when this process deployed it
    if txn_hash:
        receipt = ctx.chain.provider.get_receipt(txn_hash)
        return {"block": receipt.block_number, "tx": _hex(txn_hash), "created_by": "deployer"}
    emitters = {n: r["address"] for n, r in manifest["contracts"].items() if not r.get("blueprint")}
    found = _announced_by(ctx.chain, contract.address, emitters, _first_block(manifest))
    if found:
        name, block, tx = found
        return {"block": block, "tx": tx, "created_by": name}
    return {"block": None, "tx": None, "created_by": None}


def record_created(ctx, manifest: dict) -> dict[str, dict]:
    """Records every contract of ctx that is not a CREATE2 contract of the manifest."""
    from fivefold.deployment import code_hash

    created = manifest.setdefault("created", {})
    for name, contract in ctx.contracts.items():
        if name in manifest["contracts"] or not _is_instance(contract):
            continue
        known = created.get(name) or {}
        if known.get("address") == contract.address and known.get("tx"):
            continue  # a re-run: already recorded
        record = {
            "contract_type": contract.contract_type.name,
            "address": contract.address,
            "code_hash": code_hash(ctx.chain, contract.address),
            **_creation(ctx, contract, manifest),
        }
        if record["contract_type"] == "Market":
            record["asset"] = to_checksum_address(contract.asset())
        # a record written ahead of the creation keeps its nonce, deployer and suite
        created[name] = {**known, **record} if known.get("address") == contract.address else record
    return created


def _candidate_assets(ctx, manifest: dict) -> dict[str, str | None]:
    """Address -> suite contract name (None for the native coin and external tokens)."""
    out: dict[str, str | None] = {NATIVE: None}
    for name, record in manifest["contracts"].items():  # the suite's tokens and local mocks
        contract = ctx.contracts.get(name)
        if not record.get("blueprint") and _is_instance(contract) and _is_erc20(contract.contract_type.abi):
            out[to_checksum_address(record["address"])] = name
    for record in (manifest.get("created") or {}).values():  # what the markets lend
        if record.get("asset"):
            out.setdefault(to_checksum_address(record["asset"]), None)
    payouts = ctx.config.get("payouts") or {}
    for section, key in _EXTERNAL_ASSET_KEYS:
        value = (ctx.config.get(section) or {}).get(key) if section else ctx.config.get(key)
        if value:
            out.setdefault(to_checksum_address(value), None)
    for value in (payouts.get("assets") or {}).values():
        out.setdefault(to_checksum_address(value), None)
    return out


def _call(chain, address: str, signature: str) -> bytes:
    data = "0x" + keccak(text=signature)[:4].hex()
    return bytes.fromhex(
        chain.provider.make_request("eth_call", [{"to": address, "data": data}, "latest"])[2:]
    )


def _erc20_metadata(chain, address: str) -> tuple[str, int]:
    """(symbol, decimals) of any ERC-20, including the old ones whose symbol is a bytes32."""
    raw = _call(chain, address, "symbol()")
    try:
        (symbol,) = abi_decode(["string"], raw)
    except (DecodingError, UnicodeDecodeError):  # a bytes32 symbol (pre-ERC-20-final tokens)
        symbol = raw[:32].rstrip(b"\0").decode("utf-8", "replace")
    (decimals,) = abi_decode(["uint8"], _call(chain, address, "decimals()"))
    return symbol, decimals


def _is_erc20(abi) -> bool:
    names = {getattr(item, "name", None) for item in abi if getattr(item, "type", None) == "function"}
    return {"transfer", "balanceOf", "decimals", "symbol"} <= names


def record_assets(ctx, manifest: dict) -> dict[str, dict]:
    """Symbol -> asset, for the native coin and every ERC-20 the suite deploys or is configured
    with; each with the red packet's feed settings and the lending market, read from the chain."""
    rp = ctx.contracts.get("RedPacket")
    controller = ctx.contracts.get("LendingController")
    markets = {
        r["address"]: n
        for n, r in (manifest.get("created") or {}).items()
        if r.get("contract_type") == "Market"
    }
    assets: dict[str, dict] = {}
    for address, contract_name in _candidate_assets(ctx, manifest).items():
        symbol, decimals = ("native", 18) if address == NATIVE else _erc20_metadata(ctx.chain, address)
        entry: dict[str, Any] = {
            "address": address,
            "symbol": symbol,
            "decimals": decimals,
            "contract": contract_name,
            "red_packet": None,
            "lending_market": None,
        }
        if rp is not None and _is_instance(rp):
            config = rp.asset_config(address)  # IRedPacket.AssetConfig
            feed, feed_decimals, supported = config.feed, config.feed_decimals, config.supported
            if int(feed, 16) != 0 or not supported:
                entry["red_packet"] = {
                    "price_feed": feed,
                    "feed_decimals": int(feed_decimals),
                    "supported": bool(supported),
                }
        if controller is not None and _is_instance(controller) and address != NATIVE:
            market = controller.market_for(address)
            if int(market, 16) != 0:
                entry["lending_market"] = markets.get(market, market)
        key = symbol if symbol not in assets else f"{symbol}-{address[2:8]}"
        assets[key] = entry
    return assets


def record(ctx, manifest: dict) -> dict:
    """Adds `local`, `created` and `assets` to a chain's manifest and saves it."""
    manifest["local"] = bool(ctx.config.get("local"))
    # what `Context.deploy` wrote to the file during this run (its records ahead of each creation)
    # is newer than the caller's copy, loaded before configuration
    on_file = manifest_mod.load(int(manifest["chain_id"])).get("created") or {}
    manifest["created"] = {**(manifest.get("created") or {}), **on_file}
    record_created(ctx, manifest)
    manifest["assets"] = record_assets(ctx, manifest)
    manifest_mod.save(manifest)
    return manifest


# ------------------------------------------------------------------------------------------------
# The exported book (offline, from manifests)
# ------------------------------------------------------------------------------------------------


def book(manifests: dict[int, dict]) -> dict[str, dict]:
    """Chain id -> {chain, local, contracts, assets}: every contract with the ABI it speaks, its
    block and transaction; every asset with the ABI to use for it."""
    out = {}
    for chain_id, m in sorted(manifests.items()):
        contracts = {}
        for name, r in sorted(m["contracts"].items()):
            contracts[name] = {
                "address": r["address"],
                "abi": r["contract_type"],
                "block": r.get("block"),
                "tx": r.get("tx"),
                "created_by": "create2",
                "blueprint": bool(r.get("blueprint")),
                **({"artifact": r["artifact"]} if r.get("artifact") else {}),
            }
        for name, r in sorted((m.get("created") or {}).items()):
            contracts[name] = {
                "address": r["address"],
                "abi": r["contract_type"],
                "block": r.get("block"),
                "tx": r.get("tx"),
                "created_by": r.get("created_by"),
                "blueprint": False,
                **({"asset": r["asset"]} if r.get("asset") else {}),
            }
        assets = {}
        for symbol, a in sorted((m.get("assets") or {}).items()):
            named = a.get("contract")
            abi_name = (
                contracts[named]["abi"] if named in contracts else (None if a["address"] == NATIVE else ERC20)
            )
            assets[symbol] = {**a, "abi": abi_name}
        out[str(chain_id)] = {
            "chain": m.get("chain"),
            "local": bool(m.get("local", chain_id == 31337)),
            "contracts": contracts,
            "assets": assets,
        }
    return out
