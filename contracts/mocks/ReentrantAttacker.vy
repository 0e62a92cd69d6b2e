# pragma version ~=0.4.3
"""
@title Test attacker: one re-entrant call from a value or token hook
@custom:contract-name ReentrantAttacker
@license GNU Affero General Public License v3.0 only
@notice Tests only. `execute(target, data, amount)` makes one call and
        returns what it returned; `run(calls)` makes several in one
        transaction (borrow and withdraw atomically). Once armed
        (`arm(target, data)`), the next hook (the native coin arriving,
        or MockQuirkyToken's ERC-777-style `tokens_to_send` /
        `tokens_received`) calls `target` with `data` once, without
        reverting the outer transaction, and records the outcome: whether
        it was attempted and succeeded since the last `arm`, the counts of
        attempts and successes, what it returned, the last revert data.
"""


interface IHookToken:
    def register_hooks(status: bool): nonpayable
    def approve(spender: address, amount: uint256) -> bool: nonpayable


struct Call:
    target: address
    data: Bytes[1024]


MAX_CALLS: constant(uint256) = 8


# @dev The re-entrant call the next hook makes, and whether a hook is armed (disarms after one attempt).
reentry_target: public(address)
reentry_data: public(Bytes[1024])
armed: public(bool)
# @dev Since the last `arm`: whether the re-entrant call was attempted and whether it succeeded.
attempted: public(bool)
succeeded: public(bool)
# @dev In all: re-entrant attempts made and how many succeeded.
attempts: public(uint256)
successes: public(uint256)
# @dev What the last re-entrant call returned (or its revert data), and the last revert data.
reentry_result: public(Bytes[256])
last_error: public(Bytes[256])


@external
@payable
def __default__():
    self._reenter()


@external
@payable
def execute(target: address, data: Bytes[1024], amount: uint256) -> Bytes[256]:
    """
    @dev Calls `target` with `data` and `amount` of native coin; bubbles up reverts.
    @return Bytes[256] What the call returned.
    """
    return raw_call(target, data, value=amount, max_outsize=256)


@external
@payable
def run(calls: DynArray[Call, MAX_CALLS]):
    for c: Call in calls:
        raw_call(c.target, c.data)


@external
def hook_into(token: address, spender: address, amount: uint256):
    """
    @dev Registers for the token's hooks and approves `spender` for `amount`.
    """
    extcall IHookToken(token).register_hooks(True)
    extcall IHookToken(token).approve(spender, amount)


@external
def arm(target: address, data: Bytes[1024]):
    """
    @dev The next hook calls `target` with `data`; the outcome since this arm starts afresh.
    """
    self.armed = True
    self.attempted = False
    self.succeeded = False
    self.reentry_target = target
    self.reentry_data = data


# @dev The token hooks (sender's before the move, recipient's after it).
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
    self.attempted = True
    self.attempts += 1
    ok: bool = False
    result: Bytes[256] = b""
    ok, result = raw_call(self.reentry_target, self.reentry_data, max_outsize=256, revert_on_failure=False)
    self.succeeded = ok
    self.reentry_result = result
    if ok:
        self.successes += 1
    else:
        self.last_error = result
