"""`ape run export`: every deployed contract with block and transaction, ABIs with NatSpec beside
them, the address book by chain id, from the manifests alone."""

import json

import pytest

from fivefold import abi, addressbook, manifest

HEX32 = 66  # "0x" + 64 hex digits


def _book(out):
    return json.loads((out / "addresses.json").read_text())


def test_export__deployed_suite__every_manifest_contract_with_block_and_tx(deployed, chain):
    """Each CREATE2 contract of the manifest is in the book with the block and transaction that created it."""
    ctx, m, out = deployed
    book = _book(out)[str(chain.chain_id)]
    assert book["local"] is True and book["chain"] == "local"
    for name, record in m["contracts"].items():
        entry = book["contracts"][name]
        assert entry["address"] == record["address"] and entry["abi"] == record["contract_type"]
        assert entry["block"] == record["block"] and len(entry["tx"]) == HEX32
        receipt = chain.provider.get_receipt(entry["tx"])
        assert receipt.block_number == entry["block"]


def test_export__lending_markets__created_by_the_controller_with_block_and_tx(deployed, chain):
    """Every market the Controller lists is in the book as a Market, found through its MarketListed log."""
    ctx, m, out = deployed
    book = _book(out)[str(chain.chain_id)]
    listed = set(ctx["LendingController"].all_markets())
    markets = {
        e["address"]: (n, e)
        for n, e in book["contracts"].items()
        if e["abi"] == "Market" and not e["blueprint"]
    }
    assert listed and set(markets) == listed
    for address, (name, entry) in markets.items():
        assert entry["created_by"] == "LendingController", name
        receipt = chain.provider.get_receipt(entry["tx"])
        assert receipt.block_number == entry["block"]
        listed_here = ctx["LendingController"].MarketListed.from_receipt(receipt)
        assert address in [log.event_arguments["market"] for log in listed_here], name
        assert entry["asset"] == ctx.project.Market.at(address).asset()


def test_export__local_mock_feeds__recorded_with_their_deployment(deployed, chain):
    """The settable feeds (LocalPriceFeed) the lending setup deploys on a local chain are in the book,
    with their ABI."""
    ctx, m, out = deployed
    book = _book(out)[str(chain.chain_id)]
    feeds = {
        n: e
        for n, e in book["contracts"].items()
        if e["abi"] == "LocalPriceFeed" and n.startswith("LendingFeed")
    }
    assert feeds
    for entry in feeds.values():
        assert (
            entry["created_by"] == "deployer"
            and chain.provider.get_receipt(entry["tx"]).contract_address == entry["address"]
        )
    assert (out / "LocalPriceFeed.json").exists() and (out / "LocalPriceFeed.natspec.json").exists()


def test_export__payout_assets__native_usdt_and_cmdt_with_their_feeds(deployed, chain):
    """Red packets' priced assets are in the book with feed, decimals and the ABI to use."""
    ctx, m, out = deployed
    assets = _book(out)[str(chain.chain_id)]["assets"]
    assert assets["native"]["address"] == addressbook.NATIVE and assets["native"]["abi"] is None
    assert assets["USDT"]["address"] == ctx.address("MockUSDT") and assets["USDT"]["abi"] == "MockStablecoin"
    assert assets["USDT"]["decimals"] == 6 and assets["CMDT"]["abi"] == "CappedToken"
    rp = ctx["RedPacket"]
    for symbol in ("native", "USDT", "CMDT"):
        feed = assets[symbol]["red_packet"]["price_feed"]
        assert feed == rp.asset_config(assets[symbol]["address"])[0] != addressbook.NATIVE, symbol


def test_export__lending_assets__each_names_its_market(deployed, chain):
    """Each asset with a market points at the market's name in the same book."""
    ctx, m, out = deployed
    book = _book(out)[str(chain.chain_id)]
    assert not [s for s, a in book["assets"].items() if a["abi"] == "Market"], "deposit slips are not assets"
    with_market = {s: a for s, a in book["assets"].items() if a["lending_market"]}
    assert len(with_market) == len(ctx["LendingController"].all_markets())
    for symbol, a in with_market.items():
        market = book["contracts"][a["lending_market"]]
        assert market["asset"] == a["address"], symbol


def test_export__every_book_entry__has_abi_and_natspec_files(deployed, chain):
    """Every ABI the book names (contracts and assets) is exported as JSON, with NatSpec beside it."""
    ctx, m, out = deployed
    book = _book(out)[str(chain.chain_id)]
    names = {e["abi"] for e in [*book["contracts"].values(), *book["assets"].values()] if e["abi"]}
    assert {"RedPacket", "Market", "MockStablecoin", "LocalPriceFeed"} <= names
    assert not {"MockStablecoin6", "MockPriceFeed"} & names  # one local stablecoin, one local feed
    for name in names:
        assert isinstance(json.loads((out / f"{name}.json").read_text()), list), name
        doc = json.loads((out / f"{name}.natspec.json").read_text())
        assert set(doc) == {"userdoc", "devdoc"}, name
    redpacket = json.loads((out / "RedPacket.natspec.json").read_text())
    assert "claim(address,address,address,uint256,bytes32,bytes32)" in redpacket["userdoc"]["methods"]


def test_export__rerun__stale_files_removed_and_output_identical(deployed, project, tmp_path):
    """Exporting twice into one directory writes the same bytes; a file of a contract no longer
    exported is removed."""
    ctx, m, out = deployed
    target = tmp_path / "abi"
    abi.export(project, {ctx.chain_id: m}, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    (target / "Removed.json").write_text("[]\n")
    abi.export(project, {ctx.chain_id: m}, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_export__no_manifest__abis_only(project, tmp_path):
    """Without deployments the export still writes every deployable contract's ABI and an empty book."""
    abi.export(project, {}, tmp_path)
    assert json.loads((tmp_path / "addresses.json").read_text()) == {}
    for name in abi.deployable_sources():
        assert (tmp_path / f"{name}.json").exists() and (tmp_path / f"{name}.natspec.json").exists()
    assert "export const addresses = {\n} as const;" in (tmp_path / "index.ts").read_text()


def test_export__external_asset__plain_erc20_abi(project, tmp_path):
    """An asset the suite did not deploy (a live chain's USDT) gets the ERC20 ABI, exported beside the
    rest."""
    usdt = "0x55d398326f99059fF775485246999027B3197955"
    live = {
        56: {
            "chain_id": 56,
            "chain": "bsc",
            "local": False,
            "contracts": {},
            "assets": {
                "USDT": {
                    "address": usdt,
                    "symbol": "USDT",
                    "decimals": 18,
                    "contract": None,
                    "red_packet": None,
                    "lending_market": None,
                }
            },
        }
    }
    abi.export(project, live, tmp_path)
    book = json.loads((tmp_path / "addresses.json").read_text())
    assert book["56"]["local"] is False and book["56"]["assets"]["USDT"]["abi"] == "ERC20"
    assert {item["name"] for item in json.loads((tmp_path / "ERC20.json").read_text())} >= {
        "transfer",
        "approve",
        "decimals",
    }
    assert "export const ERC20Abi = [" in (tmp_path / "index.ts").read_text()


def test_naming_gaps__arg0_and_anonymous_tuple__both_reported():
    """The gap finder names a getter's `arg0` and a function returning an unnamed tuple."""
    fake = [
        {
            "type": "function",
            "name": "fees",
            "inputs": [{"name": "arg0", "type": "address"}],
            "outputs": [{"name": "", "type": "uint256"}],
        },
        {
            "type": "function",
            "name": "rates",
            "inputs": [],
            "outputs": [{"name": "", "type": "uint256"}, {"name": "", "type": "uint256"}],
        },
        {
            "type": "function",
            "name": "packet",
            "inputs": [{"name": "id", "type": "bytes32"}],
            "outputs": [
                {"name": "", "type": "tuple", "components": [{"name": "remaining", "type": "uint256"}]}
            ],
        },
    ]
    assert abi.naming_gaps("X", fake) == [
        "X.fees parameter 0 (address) is arg0",
        "X.rates returns an anonymous tuple (uint256, uint256)",
    ]


def test_export__every_exported_abi__no_arg0_and_no_anonymous_tuple(deployed, project):
    """The review's finding: dApps read `arg0` and anonymous tuples. Every ABI the export writes
    names every parameter and output: the compiler's names, getter keys (`balanceOf(owner)`), NatSpec
    `@return <name>` for multi-value returns (Chainlink's `latestRoundData`), EIP-5267's fields."""
    ctx, m, _ = deployed
    book = addressbook.book({ctx.chain_id: m})
    assert abi.all_gaps(project, book) == []
    feed = {i["name"]: i for i in abi.contract_abi(project, "LocalPriceFeed") if i["type"] == "function"}
    assert [o["name"] for o in feed["latestRoundData"]["outputs"]] == [
        "roundId", "answer", "startedAt", "updatedAt", "answeredInRound"
    ]
    token = {i["name"]: i for i in abi.contract_abi(project, "CappedToken") if i["type"] == "function"}
    assert [p["name"] for p in token["allowance"]["inputs"]] == ["owner", "spender"]
    assert token["eip712Domain"]["outputs"][3]["name"] == "chainId"


@pytest.mark.parametrize("directory, expected", [(None, "abi"), ("out/demo/deployments", "out/demo/abi")])
def test_default_out__local_manifests__exports_beside_them(monkeypatch, directory, expected):
    """Manifests outside deployments/ (the demo's local chains) export beside them, never into abi/."""
    if directory:
        monkeypatch.setenv(manifest.ENV_DIR, directory)
    else:
        monkeypatch.delenv(manifest.ENV_DIR, raising=False)
    assert str(abi.default_out()) == expected
