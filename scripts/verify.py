"""Verify the deployed suite's sources on the chain's explorer.

  ape run verify --network bsc:mainnet          BscScan (needs BSCSCAN_API_KEY)
  ape run verify --network ethereum:mainnet     Etherscan (ETHERSCAN_API_KEY)
  ape run verify --network polygon:mainnet      PolygonScan (POLYGONSCAN_API_KEY)
  ape run verify --network oktc:mainnet         writes out/verify/oktc/*.json for the web form
  ape run verify --network ... --payload-only   write payloads only, submit nothing
"""

import click

from fivefold import deployment, manifest, ui, verify
from fivefold.config import ConfigError
from fivefold.session import SessionError, connect, network_opt

SUBMIT = {"ethereum", "bsc", "polygon"}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@network_opt
@click.option("--payload-only", is_flag=True, help="Write the standard-JSON payloads; do not submit.")
def cli(network, payload_only):
    """Submit every deployed contract's Vyper standard-JSON input to the explorer (ape-etherscan),
    or write it to out/verify/<chain>/ where no supported explorer exists (OKT Chain)."""
    with ui.errors(ConfigError, SessionError, deployment.DeploymentError):
        from ape import chain, project

        from fivefold.config import chain_name

        with connect(network) as provider:
            name = chain_name(chain.chain_id)
            records = manifest.load(chain.chain_id)["contracts"]
            if not records:
                ui.fail(f"no deployments/{chain.chain_id}.json: deploy first")
            rows = []
            for contract, record in records.items():
                if record.get("blueprint"):
                    rows.append((contract, record["address"], "blueprint (ERC-5202): its source is that of its contract type"))
                    continue
                data = verify.payload(project, contract, record, provider.network.ecosystem)
                path = verify.write(data, name)
                status = f"written to {path}"
                if name in SUBMIT and not payload_only:
                    explorer = provider.network.explorer
                    if explorer is None:
                        ui.fail(f"no explorer plugin for {name}: install ape-etherscan (make setup does)")
                    explorer.publish_contract(record["address"])
                    status = "submitted"
                rows.append((contract, record["address"], status))
            ui.table(f"Source verification on {name}", ["contract", "address", "status"], rows)
            if name == "oktc":
                ui.console.print("OKT Chain: upload each file on the explorer's verify page (docs/deploy.md)")
