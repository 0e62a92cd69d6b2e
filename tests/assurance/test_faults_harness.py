"""The pieces of `ape run faults` and `make fuzz` that need no deploy: the loopback proxy's two
faults, the comparison with an uninterrupted deploy, the one-line RPC error, the stateful-test rule."""

import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fivefold import command
from fivefold.assurance import faults, fuzz


@pytest.fixture
def faults_upstream():
    """A loopback JSON-RPC stand-in that answers every request with its count."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append(1)
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "result": hex(len(seen))}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_proxy__drop_from_request_3__two_answers_then_connection_closed(faults_upstream):
    """The proxy forwards its first two requests and closes the connection of the third without
    an answer (and of every later one)."""
    with faults.Proxy(faults_upstream, 3, "drop") as proxy:
        assert faults.rpc(proxy.url, "eth_blockNumber") == "0x1"
        assert faults.rpc(proxy.url, "eth_blockNumber") == "0x2"
        for _ in range(2):
            with pytest.raises((urllib.error.URLError, ConnectionError)):
                faults.rpc(proxy.url, "eth_blockNumber", timeout=5)
        assert (proxy.requests, proxy.faulted) == (4, 2)


def test_proxy__hang_from_request_2__caller_times_out(faults_upstream):
    """From its `n`-th request on the hanging proxy never answers: the caller's timeout ends it."""
    with faults.Proxy(faults_upstream, 2, "hang") as proxy:
        assert faults.rpc(proxy.url, "eth_blockNumber") == "0x1"
        with pytest.raises((TimeoutError, urllib.error.URLError)):
            faults.rpc(proxy.url, "eth_blockNumber", timeout=0.5)
        assert proxy.faulted == 1


def test_proxy__unknown_mode__refused():
    with pytest.raises(ValueError, match="unknown proxy mode 'slow'"):
        faults.Proxy("http://127.0.0.1:1", 1, "slow")


def _facts(**changes):
    facts = faults.Facts(
        addresses={"CC": "0xA", "LendingFeedCC": "0xB"},
        nonces={"0xdeployer": 10, "0xowner": 2},
        events={"0xa 0xddf2": 3, "0xb 0x8be0": 1},
        blocks=12,
    )
    for key, value in changes.items():
        setattr(facts, key, value)
    return facts


def test_differences__same_deployment__none():
    assert faults.differences(_facts(), _facts()) == []


def test_differences__moved_address_extra_transaction_and_event__each_named():
    """A contract created again elsewhere, a transaction sent twice and an event logged twice are
    each one line, the contract named."""
    got = _facts(
        addresses={"CC": "0xA", "LendingFeedCC": "0xC"},
        nonces={"0xdeployer": 11, "0xowner": 2},
        events={"0xa 0xddf2": 4, "0xb 0x8be0": 1},
    )
    assert faults.differences(_facts(), got) == [
        "LendingFeedCC at 0xC, uninterrupted at 0xB",
        "0xdeployer sent 11 transactions, uninterrupted 10",
        "CC logged event 0xddf2 4x, uninterrupted 3x",
    ]


def test_differences__schedule_accrual_paid_by_a_later_rerun__not_a_difference():
    """Faults trial 13: the re-run came minutes later, so `set_recipient` first paid the maintenance
    schedule's accrual (one Released and its token's Transfer). That is time passing, not a step
    done twice; a Released without its Transfer, or a Transfer alone, still is."""
    released, transfer = f"0xm {faults.RELEASED}", f"0xc {faults.TRANSFER}"
    reference = _facts(events={"0xa 0xddf2": 3, transfer: 5, released: 2})
    later = _facts(events={"0xa 0xddf2": 3, transfer: 6, released: 3})
    assert faults.differences(reference, later) == []
    alone = _facts(events={"0xa 0xddf2": 3, transfer: 5, released: 3})
    assert faults.differences(reference, alone) == [
        f"0xm logged event {faults.RELEASED[:10]} 3x, uninterrupted 2x"
    ]
    transfer_only = _facts(events={"0xa 0xddf2": 3, transfer: 6, released: 2})
    assert faults.differences(reference, transfer_only) == [
        f"0xc logged event {faults.TRANSFER[:10]} 6x, uninterrupted 5x"
    ]


def test_rpc_failure_problems__one_error_line_naming_the_rpc__none():
    url = "http://127.0.0.1:9"
    line = command.rpc_lost(ConnectionError("closed"), f"ethereum:mainnet:{url}")
    assert faults.rpc_failure_problems(faults.Exit(1, 3.0, f"error: {line}"), url) == []
    assert "\n" not in line and "re-run the same command" in line and "dropped the connection" in line


def test_rpc_failure_problems__traceback_hang_or_success__reported():
    url = "http://127.0.0.1:9"
    assert "not one error" in faults.rpc_failure_problems(faults.Exit(1, 3.0, "params: ['latest']"), url)[0]
    assert "did not stop" in faults.rpc_failure_problems(faults.Exit(None, 600.0, ""), url)[0]
    assert "succeeded" in faults.rpc_failure_problems(faults.Exit(0, 60.0, "done"), url)[0]


def test_rpc_lost__timeout__says_it_stopped_answering():
    from requests.exceptions import ReadTimeout

    assert "stopped answering (ReadTimeout)" in command.rpc_lost(ReadTimeout("read timed out"), "x")


def test_rpc_lost__timeout_wrapped_by_web3__still_says_it_stopped_answering():
    """web3's AutoProvider reports a timed-out node as CannotHandleRequest; the timeout under it
    decides the wording."""
    from requests.exceptions import ReadTimeout
    from web3.exceptions import CannotHandleRequest

    try:
        try:
            raise ReadTimeout("read timed out")
        except ReadTimeout:
            raise CannotHandleRequest("Could not discover provider") from None
    except CannotHandleRequest as wrapped:
        wrapped.__context__ = ReadTimeout("read timed out")
        assert "stopped answering (CannotHandleRequest)" in command.rpc_lost(wrapped, "x")


def test_plan_trials__same_seed__same_faults():
    """A seed fixes the RPC trials' requests and the generator of the kill points."""
    (first, rng1), (second, rng2) = faults.plan_trials(4, 2, 7), faults.plan_trials(4, 2, 7)
    assert [(t.chain_id, t.kind, t.at) for t in first] == [(t.chain_id, t.kind, t.at) for t in second]
    assert [t.kind for t in first] == ["kill"] * 4 + ["drop", "hang"]
    assert [t.chain_id for t in first[:4]] == list(faults.CHAIN_IDS)
    assert rng1.random() == rng2.random()


def test_is_stateful__machine_runner_or_testcase__only_those():
    """`make fuzz` keeps a test whose own source runs a state machine (either form), and no other
    (this file's tests are not kept: none of them runs a machine)."""
    from tests.governance import test_parameter_registry as registry_tests
    from tests.payouts import test_airdrop_stateful as airdrop_tests

    runner = airdrop_tests.test_airdrop__random_operations__conserve_every_wei
    testcase = registry_tests.test_registry__random_writes_and_bound_moves__contract_matches_registry
    assert fuzz.is_stateful(runner) and fuzz.is_stateful(testcase)
    assert not fuzz.is_stateful(registry_tests.test_register__fee__written_through_at_once_and_readable)
    assert not fuzz.is_stateful(test_plan_trials__same_seed__same_faults)


def test_fresh__directory_of_an_earlier_run__emptied(tmp_path):
    """`--seed S` again reuses the trial directories: the manifests an earlier run left there are
    removed first, or the deploy would resume from records of a node that is gone."""
    where = tmp_path / "trial-01"
    where.mkdir()
    (where / "1.json").write_text("{}")
    assert faults.Faults._fresh(where) == where
    assert not where.exists()


def test_faults_command__no_trials__says_so_and_passes(tmp_path):
    """`ape run faults` wired as `make faults` calls it: with no trials it starts no node, reports
    0 of 0 and writes its report."""
    from tests.cli.conftest import invoke

    report = tmp_path / "r.json"
    result = invoke("faults", "--trials", "0", "--rpc-trials", "0", "--seed", "5", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "0 of 0 trials passed" in result.output
    assert json.loads(report.read_text()) == {"seed": 5, "references": {}, "trials": []}
