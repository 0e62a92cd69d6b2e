# pragma version ~=0.4.3
"""
@title Test helper: an attacker contract for the lending markets
@custom:contract-name LendingAttacker
@license GNU Affero General Public License v3.0 only
@notice Test-only. `run` performs a list of calls in one transaction (so
        a test can borrow and withdraw atomically). When armed, every hook
        (ERC-777-style `tokens_to_send` / `tokens_received`, or the native
        coin arriving) tries one re-entrant call and records whether it
        went through, without reverting the outer transaction.
"""


struct Call:
    target: address
    data: Bytes[1024]


MAX_CALLS: constant(uint256) = 8


# @dev The re-entrant call the next hook makes.
reentry_target: public(address)
reentry_data: public(Bytes[1024])
# @dev Whether a hook is armed (disarms after one attempt).
armed: public(bool)
# @dev Number of re-entrant attempts made and how many succeeded.
attempts: public(uint256)
successes: public(uint256)
# @dev Revert data of the last failed re-entrant call.
last_error: public(Bytes[256])


@external
@payable
def __default__():
    self._reenter()


@external
def arm(target: address, data: Bytes[1024]):
    self.reentry_target = target
    self.reentry_data = data
    self.armed = True


@external
@payable
def run(calls: DynArray[Call, MAX_CALLS]):
    for c: Call in calls:
        raw_call(c.target, c.data)


@external
def tokens_to_send(sender: address, receiver: address, amount: uint256):
    self._reenter()


@external
def tokens_received(sender: address, receiver: address, amount: uint256):
    self._reenter()


@internal
def _reenter():
    if not self.armed:
        return
    self.armed = False
    self.attempts += 1
    ok: bool = False
    response: Bytes[256] = b""
    ok, response = raw_call(self.reentry_target, self.reentry_data, max_outsize=256, revert_on_failure=False)
    if ok:
        self.successes += 1
    else:
        self.last_error = response
