"""Every `ape run` command and subcommand runs once against the local chain, and each has --help:
no command can ship broken (issue 10). One deployment is shared by the module."""

import json

from tests.cli.conftest import script


def test_deploy__shared_deployment__succeeded_and_recorded(deployed, manifests_dir, chain):
    """The module's deployment (`ape run deploy --yes`) wrote its manifest and left no role behind."""
    assert "manifest:" in deployed.output
    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    assert "LendingController" in data["contracts"]


def test_deploy__rerun__sends_nothing(deployed, run_command, chain):
    """Re-running deploy on the deployed chain mines no block."""
    block = chain.blocks.head.number
    result = run_command("deploy", "--yes")
    assert result.exit_code == 0, result.output
    assert chain.blocks.head.number == block


def test_deploy_dry_run__deployed__plan_only(deployed, run_command):
    """A dry run after the deployment plans nothing and sends nothing."""
    result = run_command("deploy", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run: 0 contract(s) to deploy" in " ".join(result.output.split())


def test_check_roles__after_deploy__none_left(deployed, run_command):
    """check-roles passes after the handoff and its table fits 80 columns."""
    result = run_command("deploy", "check-roles")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output


def test_check_supply__local_chain__within_caps(deployed, run_command, chain):
    """check-supply reads the connected chain in-process (without stopping it) and finds no token
    over its cap."""
    result = run_command("deploy", "check-supply", "--rpc", f"{chain.chain_id}=ethereum:local:foundry")
    assert result.exit_code == 0, result.output
    assert "OVER CAP" not in result.output


def test_bridge_relay__local_chain__nothing_pending(deployed, run_command, chain):
    """The relay reads the chain's Mailbox from its manifest and finds nothing to deliver (one chain,
    no transfer sent)."""
    result = run_command("bridge", "relay", "--rpc", f"{chain.chain_id}={chain.provider.uri}")
    assert result.exit_code == 0, result.output
    assert "nothing pending" in result.output


def test_bridge_demo__without_bsc__one_line_error(deployed, run_command, chain):
    """The bridge demo starts on BSC, CMDT's and CC's home: without its RPC it says so in one line."""
    from tests.cli.conftest import one_line_error

    result = run_command("bridge", "demo", "--rpc", f"{chain.chain_id}={chain.provider.uri}")
    one_line_error(result, "the demo starts on BSC (chain 56)")


def test_timeline__deployed__table_and_plot(deployed, run_command, tmp_path):
    """timeline prints the schedules from TGE on and draws them into a PNG."""
    png = tmp_path / "timeline.png"
    result = run_command("timeline", "--plot", str(png))
    assert result.exit_code == 0, result.output
    assert "TGE" in result.output and "+130 years" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_markets__deployed__table_fits_80_columns_and_plot(deployed, run_command, tmp_path):
    """markets' table fits 80 columns, lists the stablecoin market and draws the rate curves."""
    png = tmp_path / "markets.png"
    result = run_command("markets", "--plot", str(png))
    assert result.exit_code == 0, result.output
    table = [line for line in result.output.splitlines() if not line.startswith("picture:")]  # a path
    assert all(len(line.rstrip()) <= 80 for line in table), result.output
    assert "USD6" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_verify_payload_only__local_chain__writes_payloads(deployed, run_command):
    """The issue's KeyError: 'MockStablecoin6': local doubles are listed, not verified."""
    result = run_command("verify", "--payload-only")
    assert result.exit_code == 0, result.output
    assert "local double" in result.output and "written to" in result.output


def test_export__deployed__writes_abis(deployed, run_command, tmp_path):
    """The module's deployment (its manifest directory) lands in the address book, with the ABIs."""
    result = run_command("export", "--out", str(tmp_path / "abi"))
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "abi").glob("*.json"))
    assert (tmp_path / "abi" / "index.ts").exists()


def _build_native_round(run_command, rows, tmp_path):
    """`ape run airdrop build` of a native-coin round from `rows` on the local chain (chain id,
    registry and round read from the chain and the manifest); returns the round file."""
    out = tmp_path / "round.json"
    built = run_command(
        "airdrop",
        "build",
        str(rows),
        "--asset",
        "native",
        "--network",
        "ethereum:local:foundry",
        "--out",
        str(out),
    )
    assert built.exit_code == 0, built.output
    return out


def test_airdrop_build_and_publish__local_chain__round_drawn(deployed, run_command, tmp_path, accounts):
    """build then publish from the local operator (set at deployment) publishes the round and draws it."""
    rows = tmp_path / "rows.csv"
    rows.write_text("".join(f"{a.address},{i + 1}\n" for i, a in enumerate(accounts[3:6])))
    out = _build_native_round(run_command, rows, tmp_path)
    published = run_command("airdrop", "publish", str(out), "--account", "TEST::0")
    assert published.exit_code == 0, published.output
    assert "round 1 published" in published.output


def test_airdrop_publish__not_an_operator__one_line_revert(deployed, run_command, tmp_path, accounts):
    """A non-operator is refused before anything is sent, in one `error:` line that names the fix, not a
    traceback."""
    from tests.cli.conftest import one_line_error

    rows = tmp_path / "rows.csv"
    rows.write_text(f"{accounts[3].address},1\n")
    out = _build_native_round(run_command, rows, tmp_path)
    one_line_error(
        run_command("airdrop", "publish", str(out), "--account", "TEST::7"),
        "is not an operator of AirdropRounds",
        "set_operator",
    )


def test_gas__one_prefix__measured(run_command, tmp_path):
    """gas --only measures just the keys of one prefix into the given file."""
    result = run_command("gas", "--only", "airdrop.claim.1m.fresh", "--file", str(tmp_path / "gas.json"))
    assert result.exit_code == 0, result.output
    assert "airdrop.claim.1m.fresh" in json.loads((tmp_path / "gas.json").read_text())


def test_demo__not_run_here__is_what_make_demo_runs():
    """`ape run demo` starts four chains of its own: it is `make demo` (recorded run: docs/demo.md),
    not repeated here; the fork tests run inside `ape test` (tests/forks). Here: the demo script
    loads as a click command and is the one `make demo` and `make up` call."""
    from pathlib import Path

    makefile = Path("Makefile").read_text()
    assert script("demo").name
    assert "ape run demo\n" in makefile and "ape run demo --keep" in makefile


def test_make_up__chains_left_running__every_local_feed_redated(
    deployed, manifests_dir, chain, project, accounts
):
    """`make up` leaves the chains running for hours while local feeds answer only when told (the
    shortest heartbeat is an hour): every FEED_REFRESH_SECONDS it re-dates each local feed of the
    manifest, CREATE2 and created, from its owner, so red packets still price their assets."""
    from fivefold import demo

    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    records = {**data["created"], **data["contracts"]}
    feeds = [
        project.LocalPriceFeed.at(r["address"])
        for r in records.values()
        if r["contract_type"] == "LocalPriceFeed"
    ]
    assert len(feeds) >= 4  # the red packets' three and lending's
    chain.pending_timestamp += 2 * 3600
    chain.mine()
    now = chain.blocks.head.timestamp
    answers = [f.answer() for f in feeds]
    assert demo.refresh_local_feeds(chain.provider.uri, data) == len(feeds)
    assert [f.updated_at() for f in feeds] == [now] * len(feeds)
    assert [f.answer() for f in feeds] == answers
    rp = project.RedPacket.at(data["contracts"]["RedPacket"]["address"])
    usdt = project.MockStablecoin.at(data["contracts"]["MockUSDT"]["address"])
    creator = accounts[6]
    usdt.faucet(creator, 10**8, sender=creator)
    usdt.approve(rp, 10**8, sender=creator)
    fee = rp.quote_fee(usdt, 10**8)
    rp.create(usdt, 10**8, fee, 1, False, 86_400, creator, 11, 0, sender=creator)


def test_dao_params__deployed__every_parameter_with_its_bounds(deployed, run_command):
    """dao params lists the registry's parameters with the contract that keeps each, value and bounds."""
    result = run_command("dao", "params")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "airdrop_rounds.fee_bps" in text and "AirdropRounds" in text and "0 .. 1,000" in text


def test_exercise_then_dao_proposals_nft_nodes__deployed__every_domain_runs_and_tables_show_it(
    deployed, run_command
):
    """exercise runs a step of every domain on the deployed chain (one exercise for the whole module:
    it costs about 40 s). After it: dao proposals lists the proposals it ran (one per DAO on the local chain),
    executed; nft lists the vault it created with one of its two NFTs sold and its MToken priced in CC
    by its pool (10,000 CC for 100,000 MToken: 0.1); nodes status shows the economy node's deposit and
    the board it elected. Every table fits 80 columns."""
    exercised = run_command("exercise")
    assert exercised.exit_code == 0, exercised.output
    for step in ("CCVesting.release", "RedPacket.create", "lending: borrow"):
        assert step in exercised.output
    result = run_command("dao", "proposals")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "executed" in line]
    assert {"CC", "HPC", "CPC"} <= {row.split("│")[1].strip() for row in rows}, result.output
    result = run_command("nft")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    [vault] = [line for line in result.output.splitlines() if "MDEMO" in line]
    assert "1/2" in vault and "0.1" in vault, result.output
    result = run_command("nodes", "status")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    text = " ".join(result.output.split())
    assert "economy-node deposits │ 50.00k CPC" in text and "validators │ 4" in text, result.output
    assert "chair │ 0x90F7…b906" in text, result.output  # test account 3, the exercise's first candidate


def test_sale_status__public_round_sold_out__succeeded_with_its_usdt(
    deployed, run_command, manifests_dir, project, chain, accounts
):
    """The treasury funds the deployed public round and a buyer buys all of it with 1,000 local USDT:
    sale status lists the five rounds at the table's prices, public succeeded with what it raised,
    the others open and unsold; the table fits 80 columns."""
    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    sale = project.TokenSale.at(data["contracts"]["TokenSale"]["address"])
    usdt = project.MockStablecoin.at(data["contracts"]["MockUSDT"]["address"])
    cc = project.CappedToken.at(data["contracts"]["CC"]["address"])
    treasury, buyer, public = accounts[2], accounts[6], sale.round_count() - 1
    chain.mine(timestamp=max(sale.round(public).start, chain.pending_timestamp))
    cc.approve(sale, sale.round(public).cap, sender=treasury)
    sale.fund(public, sender=treasury)
    usdt.faucet(buyer, 1_000 * 10**6, sender=buyer)
    usdt.approve(sale, 1_000 * 10**6, sender=buyer)
    sale.buy(public, usdt, 1_000 * 10**6, 0, [], sender=buyer)
    result = run_command("sale", "status")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 5}
    assert {"seed", "institutional", "strategic", "public wl", "public"} <= set(rows), result.output
    assert "0.00018" in rows["seed"] and "open" in rows["seed"], result.output
    assert "0.00025" in rows["public"] and "succeeded" in rows["public"], result.output
    assert "1.00k USDT" in rows["public"] and "4.00M/4.00M" in rows["public"], result.output


def test_snapshots_verify__anchored_hash_and_file__verified_then_not(
    deployed, run_command, chain, accounts, tmp_path
):
    """An account anchors a file's hash in the deployed SnapshotRegistry: `snapshots verify` with the
    hash or the file says verified (exit 0, 80 columns); after the next version it says not (exit 1);
    a bad kind is a one-line error."""
    from ape import project

    from fivefold import manifest
    from fivefold.snapshots import signing
    from tests.cli.conftest import one_line_error

    address = manifest.load(chain.chain_id)["contracts"]["SnapshotRegistry"]["address"]
    registry, account = project.SnapshotRegistry.at(address), accounts[5]
    data = tmp_path / "snapshot.json"
    data.write_bytes(b'{"chats":["smoke"]}')
    hash_ = signing.snapshot_hash(data.read_bytes())
    version = registry.latest(account, 2).version + 1
    registry.anchor(2, hash_, version, sender=account)
    for given in ("0x" + hash_.hex(), str(data)):
        result = run_command("snapshots", "verify", account.address, "persistent", given)
        assert result.exit_code == 0, result.output
        assert "verified: the current snapshot" in result.output
        assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    registry.anchor(2, signing.snapshot_hash(b"next"), version + 1, sender=account)
    result = run_command("snapshots", "verify", account.address, "persistent", str(data))
    assert result.exit_code == 1 and "not verified" in result.output, result.output
    one_line_error(
        run_command("snapshots", "verify", account.address, "backup", str(data)), "unknown kind 'backup'"
    )


def test_ads_campaigns__a_live_campaign__listed_in_80_columns(deployed, manifests_dir, run_command, chain,
                                                              project, accounts):
    """ads campaigns reads the chain's AdCampaigns from the manifest and lists a campaign funded here
    (0.002 of the native coin per interaction, 0.006 in all) with its figures and phase."""
    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    ads = project.AdCampaigns.at(data["contracts"]["AdCampaigns"]["address"])
    advertiser, now = accounts[6], chain.pending_timestamp
    ads.create("0x" + "00" * 20, 2 * 10**15, 6 * 10**15, now, now + 86_400, advertiser, b"\0" * 32,
               value=6 * 10**15, sender=advertiser)
    result = run_command("ads", "campaigns")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    [row] = [line for line in result.output.splitlines() if "0.006" in line and "live" in line]
    assert "native" in row and "0.002" in row, result.output


def test_resources_status__a_served_period__usage_and_top_provider_in_80_columns(
    deployed, manifests_dir, run_command, chain, project, accounts
):
    """resources status reads the chain's ResourceMarket: after a provider (test account 5) served 30
    storage units proven by two authenticators (test accounts 6 and 7, deploy/local.yaml), it lists
    storage's capacity and the provider among the top providers, in 80 columns."""
    from fivefold.resources import model

    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    contracts = data["contracts"]
    market = project.ResourceMarket.at(contracts["ResourceMarket"]["address"])
    hpc = project.CappedToken.at(contracts["HPC"]["address"])
    emitter = project.HalvingEmitter.at(contracts["HPCEmitter"]["address"])
    provider, requester, treasury = accounts[5], accounts[3], accounts[2]
    chain.mine(deltatime=600)
    emitter.mint(sender=requester)
    hpc.transfer(provider, 100 * model.HPC, sender=treasury)
    hpc.transfer(requester, 30 * model.HPC, sender=treasury)
    hpc.approve(market, 100 * model.HPC, sender=provider)
    hpc.approve(market, 30 * model.HPC, sender=requester)
    if market.offer(provider)[1] == 0:
        market.register(0, 100, model.HPC, 100 * model.HPC, sender=provider)
    period = market.current_period() + 1
    market.place_order(provider, period, 30, sender=requester)
    chain.pending_timestamp = market.period_end(period) + 1
    signatures = model.sign_report(
        market, provider.address, period, True, [a.private_key for a in accounts[6:8]]
    )
    market.prove(provider, period, True, signatures, sender=requester)
    result = run_command("resources", "status")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    text = " ".join(result.output.split())
    assert "storage" in text and "compute" in text and "bandwidth" in text, result.output
    assert "0x9965…A4dc" in text, result.output


def test_datamarket_listings__a_listing__listed_in_80_columns(deployed, manifests_dir, run_command, chain,
                                                              project, accounts):
    """datamarket listings reads the chain's DataMarket from the manifest and lists an item listed
    here (0.002 of the native coin, a 0.001 deposit) with its status."""
    data = json.loads((manifests_dir / f"{chain.chain_id}.json").read_text())
    market = project.DataMarket.at(data["contracts"]["DataMarket"]["address"])
    seller = accounts[6]
    native, description, commitment = "0x" + "00" * 20, b"\1" * 32, b"\2" * 32
    market.list_item(native, 2 * 10**15, 10**15, description, commitment, value=10**15, sender=seller)
    result = run_command("datamarket", "listings")
    assert result.exit_code == 0, result.output
    assert all(len(line.rstrip()) <= 80 for line in result.output.splitlines()), result.output
    [row] = [line for line in result.output.splitlines() if "0.002" in line and "open" in line]
    assert "0.001" in row and "native" in row, result.output
