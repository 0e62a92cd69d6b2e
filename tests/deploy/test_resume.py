"""A deploy stopped anywhere resumes to the same suite (what `ape run faults` found, fixed here):
plain creations are written ahead in the manifest and found again, contracts a stopped run created
are handed over by the next one, and the manifest is never left half-written."""

import json

import pytest

from fivefold import deployment, manifest
from fivefold.context import Context, create_address

DESCRIPTION = "RESUME / USD"


@pytest.fixture
def resume_dir(tmp_path, monkeypatch):
    """Manifests in a directory of this test's own (written to files, as on a chain `make up` keeps)."""
    monkeypatch.setenv(manifest.ENV_DIR, str(tmp_path))
    return tmp_path


def _context(project, chain, deployer, owner, namespace="fivefold/v1") -> Context:
    config = {"owner": owner.address, "treasury": owner.address, "local": True, "salt_namespace": namespace}
    return Context(project=project, chain=chain, deployer=deployer, config=config)


def _feed_args(deployer):
    return lambda: [8, DESCRIPTION, deployer.address]


def _created(chain) -> dict:
    return manifest.load(chain.chain_id).get("created") or {}


def test_create_address__deployer_nonces__where_the_chain_creates(project, chain, deployer, resume_dir):
    """The address written ahead is the one the chain gives the deployer's creation at that nonce."""
    nonce = deployer.nonce
    predicted = create_address(deployer.address, nonce)
    feed = project.LocalPriceFeed.deploy(8, DESCRIPTION, deployer, sender=deployer)
    assert feed.address == predicted
    assert create_address("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0", 0) == (
        "0xcd234A471b72ba2F1Ccf0A70FCABA648a5eeCD8d"  # the yellow paper's worked example
    )


def test_deploy__plain_creation__record_written_ahead_then_completed(
    project, chain, deployer, owner, resume_dir
):
    """`Context.deploy` records the address, nonce, deployer and suite before sending, and the
    transaction, block and code hash once mined."""
    ctx = _context(project, chain, deployer, owner)
    nonce = deployer.nonce
    feed = ctx.deploy("ResumeFeed", project.LocalPriceFeed, *_feed_args(deployer)())
    record = _created(chain)["ResumeFeed"]
    assert record["address"] == feed.address == create_address(deployer.address, nonce)
    assert (record["nonce"], record["deployer"], record["suite"]) == (nonce, deployer.address, "fivefold/v1")
    assert record["code_hash"] == deployment.code_hash(chain, feed.address)
    assert record["block"] == chain.blocks.head.number and record["tx"].startswith("0x")
    assert ctx.steps[-1].name == "ResumeFeed.deploy"


def test_create_once__killed_after_sending__found_again_nothing_sent(
    project, chain, deployer, owner, resume_dir
):
    """A run killed after its creation was mined but before it learnt so (only the record written
    ahead exists): the next run adopts the contract at the recorded address and sends nothing."""
    first = _context(project, chain, deployer, owner)
    nonce = deployer.nonce
    first._record_created(
        "ResumeFeed",
        {
            "contract_type": "LocalPriceFeed",
            "address": create_address(deployer.address, nonce),
            "deployer": deployer.address,
            "nonce": nonce,
            "suite": first.suite,
        },
    )
    sent = project.LocalPriceFeed.deploy(*_feed_args(deployer)(), sender=deployer)  # then the kill
    block = chain.blocks.head.number
    rerun = _context(project, chain, deployer, owner)
    found = rerun.create_once("ResumeFeed", project.LocalPriceFeed, _feed_args(deployer))
    assert found.address == sent.address
    assert chain.blocks.head.number == block and rerun.steps == []


def test_create_once__written_ahead_never_sent__created_at_the_recorded_address(
    project, chain, deployer, owner, resume_dir
):
    """A run killed between writing the record and sending: the next run creates the contract, at the
    address the record named (the same nonce)."""
    first = _context(project, chain, deployer, owner)
    nonce = deployer.nonce
    address = create_address(deployer.address, nonce)
    first._record_created(
        "ResumeFeed",
        {
            "contract_type": "LocalPriceFeed",
            "address": address,
            "deployer": deployer.address,
            "nonce": nonce,
            "suite": first.suite,
        },
    )
    rerun = _context(project, chain, deployer, owner)
    created = rerun.create_once("ResumeFeed", project.LocalPriceFeed, _feed_args(deployer))
    assert created.address == address
    assert [s.name for s in rerun.steps] == ["ResumeFeed.deploy"]


def test_attack__another_suites_record__never_adopted(project, chain, deployer, owner, resume_dir):
    """A record another suite (another salt namespace) wrote on the same chain is not adopted, even
    with its nonce proof: this suite creates its own."""
    other = _context(project, chain, deployer, owner, namespace="someone/else")
    theirs = other.deploy("ResumeFeed", project.LocalPriceFeed, *_feed_args(deployer)())
    ours = _context(project, chain, deployer, owner)
    mine = ours.create_once("ResumeFeed", project.LocalPriceFeed, _feed_args(deployer))
    assert mine.address != theirs.address


def test_adopt_created__killed_before_the_handoff__handed_over_by_the_rerun(
    project, chain, deployer, owner, resume_dir
):
    """A contract a killed run created and no flow asks for again (a lending feed once the adapter
    names it) is put back in the context before `configure`, so the re-run's handoff reaches it and
    the deployer keeps nothing."""
    first = _context(project, chain, deployer, owner)
    feed = first.deploy("ResumeFeed", project.LocalPriceFeed, *_feed_args(deployer)())
    rerun = _context(project, chain, deployer, owner)
    assert deployment.adopt_created(rerun, manifest.load(chain.chain_id)) == ["ResumeFeed"]
    deployment.handoff(rerun)
    assert feed.owner() == owner.address
    assert deployment.open_roles(rerun, deployer.address) == []


def test_adopt_created__record_never_sent__left_to_configure(project, chain, deployer, owner, resume_dir):
    """A record written ahead whose creation was never sent (no code there) is not adopted."""
    ctx = _context(project, chain, deployer, owner)
    nonce = deployer.nonce + 5
    record = {
        "contract_type": "LocalPriceFeed",
        "address": create_address(deployer.address, nonce),
        "deployer": deployer.address,
        "nonce": nonce,
        "suite": ctx.suite,
    }
    ctx._record_created("ResumeFeed", record)
    assert deployment.adopt_created(ctx, manifest.load(chain.chain_id)) == []
    assert "ResumeFeed" not in ctx.contracts


def test_save__killed_before_the_rename__previous_manifest_intact(resume_dir, monkeypatch):
    """`manifest.save` writes a temporary file and renames it over the manifest: stopped before the
    rename (here: the rename fails), the manifest on disk is still the previous, whole one."""
    manifest.save({"chain_id": 31337, "contracts": {"A": {"address": "0x1"}}}, kind=manifest.LOCAL)
    path = resume_dir / "31337.json"
    before = path.read_text()

    def killed(self, target):
        raise KeyboardInterrupt("killed between the write and the rename")

    monkeypatch.setattr(type(path), "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        manifest.save({"chain_id": 31337, "contracts": {"B": {"address": "0x2"}}}, kind=manifest.LOCAL)
    assert path.read_text() == before
    assert json.loads(path.read_text())["contracts"] == {"A": {"address": "0x1"}}


def test_save__killed_while_writing__previous_manifest_intact(resume_dir, monkeypatch):
    """Stopped half-way through writing (the temporary file holds half the text), the manifest is
    untouched: the half-written text never reaches its path."""
    manifest.save({"chain_id": 31337, "contracts": {"A": {"address": "0x1"}}}, kind=manifest.LOCAL)
    path = resume_dir / "31337.json"
    before = path.read_text()
    write_text = type(path).write_text

    def half(self, text, *args, **kwargs):
        write_text(self, text[: len(text) // 2])
        raise KeyboardInterrupt("killed while writing")

    monkeypatch.setattr(type(path), "write_text", half)
    with pytest.raises(KeyboardInterrupt):
        manifest.save({"chain_id": 31337, "contracts": {"B": {"address": "0x2"}}}, kind=manifest.LOCAL)
    assert path.read_text() == before


class Killed(BaseException):
    """Stands for `kill -9`: not an Exception, so nothing in the engine catches it."""


def _killed_at(monkeypatch, project, chain, accounts, stop) -> tuple[str, list[str]]:
    """Runs the deploy engine until the step for which `stop(name)` is true has been mined, then
    stops it as `kill -9` would; returns that step's name and every step sent."""
    from fivefold.context import Context as Ctx
    from tests.tests_support import deploy_suite

    step = Ctx.step
    sent = []

    def stopping(self, name, receipt, note=""):
        result = step(self, name, receipt, note)
        sent.append(name)
        if stop(name):
            raise Killed(name)
        return result

    monkeypatch.setattr(Ctx, "step", stopping)
    with pytest.raises(Killed) as killed:
        deploy_suite(project, chain, accounts, salt_namespace="faults/resume")
    monkeypatch.setattr(Ctx, "step", step)
    return str(killed.value), sent


def test_deploy__killed_after_a_lending_feed_then_between_a_timelock_schedule_and_execute__completes_once(
    project, chain, accounts, resume_dir, monkeypatch
):
    """The in-process form of two `make faults` trials, one after the other on one chain (a deploy
    costs about 25 s, so one chain of three runs stands for two pairs).

    1. Where the first trials broke: the engine stops right after a lending feed's creation was mined
       (before its answer, its adapter entry and its handoff).
    2. Trial 7 of the first `make faults` run (chain 137, killed after tx 218): the re-run stops again
       after the timelock's bootstrap batch was scheduled, not executed; that third run used to revert
       "operation already scheduled".

    The last run finds the feed at its written-ahead address, executes the scheduled batch without
    scheduling it again, sends no step an earlier run had sent, creates every plain contract at its
    deployer nonce's address, and leaves no role with the deployer."""
    from tests.tests_support import deploy_suite

    stopped, sent = _killed_at(
        monkeypatch, project, chain, accounts, lambda n: n.startswith("LendingFeed") and n.endswith(".deploy")
    )
    feed_name = stopped.removesuffix(".deploy")
    recorded = _created(chain)[feed_name]

    stopped_again, sent_again = _killed_at(
        monkeypatch, project, chain, accounts, lambda n: ".schedule_batch" in n
    )
    timelock = stopped_again.split(".")[0]
    assert not set(sent_again) & set(sent)

    ctx, _, _ = deploy_suite(project, chain, accounts, salt_namespace="faults/resume")
    assert ctx.address(feed_name) == recorded["address"]
    assert not {s.name for s in ctx.steps} & (set(sent) | set(sent_again))
    created = _created(chain)
    assert created and all(ctx.created_here(r) for r in created.values() if r.get("nonce") is not None)
    names = [s.name for s in ctx.steps if s.name.startswith(f"{timelock}.")]
    assert f"{timelock}.execute_batch (bootstrap)" in names
    assert not [n for n in names if ".schedule_batch" in n]
    assert deployment.open_roles(ctx, ctx.deployer.address) == []
    assert ctx[timelock].get_minimum_delay() == 2 * 86_400
