"""One-line errors that name the fix, where a traceback used to be (issue 10). Nothing is deployed
in this module's chain unless a test deploys it."""

import pytest

from fivefold import command, config, deployment, manifest
from tests.cli.conftest import invoke, one_line_error


@pytest.fixture(autouse=True)
def _fresh_manifests(tmp_path, monkeypatch):
    monkeypatch.setenv(manifest.ENV_DIR, str(tmp_path / "deployments"))


def test_markets__nothing_deployed__one_line_error(chain):
    one_line_error(invoke("markets"), "no lending markets on chain 31337", "make up")


def test_ads_campaigns__nothing_deployed__one_line_error(chain):
    """`ads campaigns` on a chain without the suite: one line that names the fix."""
    one_line_error(invoke("ads", "campaigns"), "nothing is deployed on chain 31337", "make up")


def test_exercise__nothing_deployed__one_line_error(chain):
    one_line_error(invoke("exercise"), "nothing is deployed on chain 31337")


def test_verify_payload_only__nothing_deployed__one_line_error(chain):
    one_line_error(invoke("verify", "--payload-only"), "nothing to verify on chain 31337")


@pytest.mark.parametrize(
    "alias,said", [("TEST::99", "Index '99' is not valid"), ("TEST::abc", "Cannot reference test account")]
)
def test_account__bad_test_account__usage_error_lists_choices(chain, alias, said):
    one_line_error(invoke("deploy", "check-roles", "--account", alias), said, "TEST::0 .. TEST::9")


def test_network__unreachable_rpc__one_line_error():
    one_line_error(
        invoke("markets", "--network", "ethereum:mainnet:http://127.0.0.1:9"),
        "no node answers at http://127.0.0.1:9",
        "make up",
    )


def test_network__bsc_rpc_unset__names_the_variable(monkeypatch):
    monkeypatch.delenv("BSC_RPC", raising=False)
    one_line_error(invoke("markets", "--network", "bsc:mainnet"), "BSC_RPC is not set", "export BSC_RPC=")


def test_explain__unset_variable_and_refused_connection__messages():
    assert "OKTC_RPC is not set" in command.explain(Exception("Invalid uri: ${OKTC_RPC}"), "oktc:mainnet")
    assert "no node answers at http://x:1" in command.explain(
        Exception("No (supported) node found on 'http://x:1'.")
    )
    assert command.explain(Exception("something else")) is None


def test_deploy__yaml_syntax_error__names_file_and_line(chain, tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    shutil.copytree(Path("deploy"), tmp_path / "deploy")
    (tmp_path / "deploy" / "local.yaml").write_text("chain_id: 31337\nprofiles:\n  local\n    owner: [\n")
    monkeypatch.setattr(config, "DEPLOY_DIR", tmp_path / "deploy")
    one_line_error(invoke("deploy", "--dry-run"), "local.yaml:", "YAML syntax error")


@pytest.mark.parametrize(
    "owner,said",
    [
        ('"0x1234"', "is not an address"),
        ('"0x70997970C51812dc3A010C7d01b50e0d17dc79c8"', "fails its EIP-55 checksum"),
    ],
)
def test_deploy__bad_owner__refused_before_any_transaction(chain, tmp_path, monkeypatch, owner, said):
    """The issue's `owner: "0x1234"` (which deployed 24 contracts before failing) and a one-character
    checksum typo: both stop before the first transaction, naming file, line, key and fix."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path("deploy"), tmp_path / "deploy")
    path = tmp_path / "deploy" / "local.yaml"
    path.write_text(
        path.read_text().replace('owner: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"', f"owner: {owner}")
    )
    monkeypatch.setattr(config, "DEPLOY_DIR", tmp_path / "deploy")
    block = chain.blocks.head.number
    one_line_error(invoke("deploy", "--yes"), "local.yaml:10: profiles.local.owner", said)
    assert chain.blocks.head.number == block


def test_airdrop_build__round_zero__usage_error(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("0x70997970C51812dc3A010C7d01b50e0d17dc79C8,1\n")
    one_line_error(
        invoke("airdrop", "build", str(rows), "--round", "0"), "--round", "0 is not in the range x>=1"
    )


def test_deploy_dry_run__unfunded_deployer__plan_and_cost_then_short(chain, accounts):
    """A dry run from an account with nothing prints the plan with its cost, then says the balance
    is short."""
    from ape import accounts as ape_accounts

    poor = ape_accounts.test_accounts.generate_test_account()
    assert poor.balance == 0
    from fivefold import session

    monkey = pytest.MonkeyPatch()
    monkey.setattr(session, "deployer", lambda account, profile: poor)
    try:
        result = invoke("deploy", "--dry-run")
    finally:
        monkey.undo()
    text = one_line_error(result, "holds 0.000000 but the deployment needs about")
    assert "Deployment plan" in result.output and "to deploy" in result.output
    assert "dry run:" in result.output and text


def test_deploy__different_deployer__says_the_deployer_differs(chain):
    """A manifest written by one deployer, re-run from another account: the message names both
    deployers and the fix, not 'bump salt_namespace'."""
    from ape import accounts as ape_accounts

    first, other = ape_accounts.test_accounts[0], ape_accounts.test_accounts[5]
    ctx = deployment.make_context(__import__("ape").project, chain, first, "local")
    planned = deployment.plan(ctx)
    m = {
        "chain_id": chain.chain_id,
        "deployer": first.address,
        "contracts": {
            p.name: {"address": p.address, "deployer": first.address, "code_hash": "0x"} for p in planned
        },
    }
    ctx_other = deployment.make_context(__import__("ape").project, chain, other, "local")
    with pytest.raises(deployment.DeploymentError) as err:
        deployment.preflight(ctx_other, deployment.plan(ctx_other), m)
    assert f"was deployed by {first.address}, not by {other.address}" in str(err.value)
    assert "salt_namespace" not in str(err.value)


def test_datamarket_listings__nothing_deployed__one_line_error(chain):
    """`datamarket listings` on a chain without the suite: one line that names the fix."""
    one_line_error(invoke("datamarket", "listings"), "nothing is deployed on chain 31337", "make up")
