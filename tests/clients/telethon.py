"""Debian's python3-telethon (1.25), unmodified, against a sandbox DC.

Reads {"info": <sandbox /info>, "run": "two digits of its own"} on stdin and prints one JSON line per flow:
{"flow": name, "ok": true|false, "detail": ...}. Telethon is given only the sandbox's RSA key (rsa.add_key) and
the DC address (session.set_dc); the control API stands in for the user's phone.
"""
import asyncio
import json
import logging
import sys
import time
import urllib.request

import telethon
from telethon import TelegramClient, errors, functions, types
from telethon._updates import messagebox
from telethon.crypto import rsa
from telethon.network import ConnectionTcpAbridged, ConnectionTcpFull, ConnectionTcpIntermediate
from telethon.sessions import StringSession
from telethon.tl.alltlobjects import LAYER, tlobjects

API_ID = 12345
API_HASH = "0123456789abcdef0123456789abcdef"
DEVICE = {"device_model": "telethon device", "system_version": "Debian 12 (python)", "app_version": "9.8.7"}

config = json.load(sys.stdin)
info = config["info"]
control = info["control"]
run = config["run"]
rsa.add_key(info["rsaPublicKeyPem"], old=False)
logging.basicConfig(level=logging.CRITICAL)


def call_control(method, path, body=None):
    request = urllib.request.Request(control + path, method=method, data=json.dumps(body).encode() if body else None)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def phone(dc, n):
    return f"99966{dc}{run}{n:02d}"


def code_of(number):
    return call_control("GET", f"/accounts/{number}/code")["code"]


def client(session=None, dc=2, connection=ConnectionTcpFull, **extra):
    s = StringSession(session)
    if not session:
        endpoint = next(d for d in info["dcs"] if d["id"] == dc)
        s.set_dc(dc, endpoint["address"], endpoint["port"])
    return TelegramClient(s, API_ID, API_HASH, connection=connection, **DEVICE, **extra)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


async def expect_error(error_class, awaitable):
    try:
        await awaitable
    except error_class as error:
        return error
    raise AssertionError(f"expected {error_class.__name__}")


async def login(c, number, password=None):
    await c.connect()
    await c.send_code_request(number)
    try:
        await c.sign_in(number, code_of(number))
    except errors.SessionPasswordNeededError:
        check(password, "a password was asked for")
        await c.sign_in(password=password)
    me = await c.get_me()
    check(me is not None and me.phone == number, f"signed in as {number}")
    return me


async def key_exchange(connection):
    c = client(connection=connection)
    await c.connect()
    try:
        got = await c(functions.help.GetConfigRequest())
        check(got.this_dc == 2, "help.getConfig from DC 2")
        key = c.session.auth_key.key
        # Telethon keeps g^ab in its shortest big-endian form (as GramJS and the sandbox do): 256 bytes, or fewer
        # about once in 256 exchanges, when the top byte is zero.
        check(len(key) <= 256 and int.from_bytes(key, "big").bit_length() > 2048 - 64, "a 2048-bit auth key")
        return {"dcs": sorted({o.id for o in got.dc_options}), "transport": connection.__name__}
    finally:
        await c.disconnect()


async def flow_schema_144():
    """The sandbox's layer-144 schema is Telethon's: every constructor id names the same class here."""
    check(LAYER == 144, f"Telethon speaks layer {LAYER}")
    names = 0
    with open(config["schema144"]) as f:
        for line in f:
            if "#" not in line or line.startswith("//"):
                continue
            name, cid = line.split()[0].split("#")
            cls = tlobjects.get(int(cid, 16))
            check(cls is not None, f"{name} is in Telethon")
            expected = name.split(".")[-1]
            check(cls.__name__.lower().removesuffix("request") == expected.lower().replace("_", ""), name)
            names += 1
    return {"constructors": names, "telethon": telethon.__version__}


async def flow_code_login():
    number = phone(2, 1)
    c = client()
    try:
        me = await login(c, number)
        return {"userId": me.id, "session": c.session.save()}
    finally:
        await c.disconnect()


async def flow_two_factor():
    number = phone(2, 2)
    call_control("POST", "/accounts", {"phone": number, "password": "telethon-2fa", "hint": "t"})
    c = client()
    try:
        await c.connect()
        await c.send_code_request(number)
        await expect_error(errors.SessionPasswordNeededError, c.sign_in(number, code_of(number)))
        await expect_error(errors.PasswordHashInvalidError, c.sign_in(password="not-it"))
        await c.sign_in(password="telethon-2fa")
        check((await c.get_me()).phone == number, "signed in after 2FA")
    finally:
        await c.disconnect()


async def flow_wrong_code():
    number = phone(2, 3)
    c = client()
    try:
        await c.connect()
        await c.send_code_request(number)
        await expect_error(errors.PhoneCodeInvalidError, c.sign_in(number, "00000"))
        check(not await c.is_user_authorized(), "still signed out")
    finally:
        await c.disconnect()


async def flow_resume_and_devices():
    number = phone(2, 4)
    first = client()
    try:
        me = await login(first, number)
        saved = first.session.save()
    finally:
        await first.disconnect()
    again = client(saved)
    try:
        await again.connect()
        check((await again.get_me()).id == me.id, "the resumed session is the same user")
        auths = (await again(functions.account.GetAuthorizationsRequest())).authorizations
        current = next(a for a in auths if a.current)
        seen = {"device_model": current.device_model, "system_version": current.system_version,
                "app_version": current.app_version}
        check(seen == DEVICE and current.api_id == API_ID, f"device fields {seen}")
        return seen
    finally:
        await again.disconnect()


async def flow_qr_login(dc=2, password=None):
    number = phone(dc, 5 if not password else 6)
    if password:
        call_control("POST", "/accounts", {"phone": number, "password": password})
    owner = client(dc=dc)
    scanner = client()
    try:
        await login(owner, number, password)
        await scanner.connect()
        qr = await scanner.qr_login()
        waiting = asyncio.ensure_future(qr.wait(20))
        await asyncio.sleep(0.3)
        await owner(functions.auth.AcceptLoginTokenRequest(qr.token))
        if password:
            await expect_error(errors.SessionPasswordNeededError, waiting)
            await scanner.sign_in(password=password)
        else:
            await waiting
        me = await scanner.get_me()
        check(me.phone == number, "the scanner is signed in as the owner")
        check(scanner.session.dc_id == dc, f"the scanner followed the token to DC {dc}")
        return {"dc": scanner.session.dc_id}
    finally:
        await asyncio.gather(owner.disconnect(), scanner.disconnect())


async def flow_log_out():
    number = phone(2, 7)
    c = client()
    await login(c, number)
    saved = c.session.save()
    check(await c.log_out(), "auth.logOut answered")
    again = client(saved)
    try:
        await again.connect()
        await expect_error(errors.AuthKeyUnregisteredError, again(functions.users.GetUsersRequest([types.InputUserSelf()])))
    finally:
        await again.disconnect()


async def flow_flood_wait():
    number = phone(2, 8)
    c = client(flood_sleep_threshold=0)
    try:
        await login(c, number)
        call_control("POST", "/faults", {"method": "users.getUsers", "error": "FLOOD_WAIT_30", "code": 420, "phone": number})
        error = await expect_error(errors.FloodWaitError, c(functions.users.GetUsersRequest([types.InputUserSelf()])))
        check(error.seconds == 30, "FLOOD_WAIT_30")
    finally:
        await c.disconnect()


async def flow_revoked():
    number = phone(2, 9)
    c = client()
    try:
        await login(c, number)
        [authorization] = call_control("GET", f"/authorizations?phone={number}")
        call_control("POST", f"/authorizations/{authorization['id']}/revoke")
        await expect_error(errors.SessionRevokedError, c(functions.users.GetUsersRequest([types.InputUserSelf()])))
    finally:
        await c.disconnect()


async def flow_phone_migrate(dc):
    number = phone(dc, 0)
    c = client()  # homed on DC 2: the number lives on `dc`, so sendCode answers PHONE_MIGRATE_<dc>
    try:
        await login(c, number)
        check(c.session.dc_id == dc, f"migrated to DC {dc}")
        check(c.session.server_address == f"127.0.0.{dc}", "dialled the address help.getConfig gave")
        return {"dc": c.session.dc_id, "address": c.session.server_address}
    finally:
        await c.disconnect()


async def flow_duplicated():
    number = phone(2, 12)
    first = client()
    try:
        await login(first, number)
        twin = client(first.session.save(), local_addr="127.0.0.5")  # the same key from a second address
        try:
            await expect_error(errors.AuthKeyDuplicatedError, twin.connect())
            await expect_error(errors.AuthKeyDuplicatedError, first(functions.users.GetUsersRequest([types.InputUserSelf()])))
        finally:
            await twin.disconnect()
    finally:
        await first.disconnect()


async def flow_get_difference_timer():
    messagebox.NO_UPDATES_TIMEOUT = 2  # Telethon's 15 minutes without updates, shortened
    number = phone(2, 11)
    c = client()
    try:
        await login(c, number)
        await asyncio.sleep(6)
        check(c.is_connected(), "still connected after the getDifference timer fired")
        check((await c.get_me()).phone == number, "still answering")
    finally:
        await c.disconnect()


async def flow_frozen():
    number = phone(2, 13)
    c = client()
    try:
        await login(c, number)
        call_control("POST", f"/accounts/{number}/freeze", {"untilDays": 7, "appealUrl": "https://t.me/SpamBot?start=t"})
        config = await c(functions.help.GetAppConfigRequest())  # layer 144: the JSON value itself
        keys = {v.key: v.value.value for v in config.value}
        check(keys["freeze_appeal_url"] == "https://t.me/SpamBot?start=t", "freeze_appeal_url")
        check(keys["freeze_until_date"] - keys["freeze_since_date"] == 7 * 86400, "freeze_until_date")
        # Telethon 1.25 knows no FROZEN_METHOD_INVALID: a 420 it does not know is a FloodError.
        error = await expect_error(errors.FloodError, c(functions.account.SetAuthorizationTTLRequest(30)))
        check(error.code == 420 and error.message == "FROZEN_METHOD_INVALID", f"got {error.code} {error.message}")
        check((await c.get_me()).phone == number, "reads still answered")
        return keys
    finally:
        await c.disconnect()


async def flow_banned():
    number = phone(2, 14)
    c = client()
    try:
        await login(c, number)
        call_control("POST", f"/accounts/{number}/ban")
        await expect_error(errors.UserDeactivatedBanError, c(functions.users.GetUsersRequest([types.InputUserSelf()])))
    finally:
        await c.disconnect()
    other = client()
    try:
        await other.connect()
        await expect_error(errors.PhoneNumberBannedError, other.send_code_request(number))
    finally:
        await other.disconnect()


async def flow_restricted():
    number = phone(2, 15)
    c = client()
    try:
        await login(c, number)
        call_control("POST", f"/accounts/{number}/restrict", {"reason": "spam", "text": "Spam reports"})
        me = await c.get_me()
        check(me.restricted and [(r.platform, r.reason) for r in me.restriction_reason] == [("all", "spam")], "restricted")
    finally:
        await c.disconnect()


FLOWS = {
    "schema 144": flow_schema_144,
    "key exchange TcpFull": lambda: key_exchange(ConnectionTcpFull),
    "key exchange TcpIntermediate": lambda: key_exchange(ConnectionTcpIntermediate),
    "key exchange TcpAbridged": lambda: key_exchange(ConnectionTcpAbridged),
    "code login": flow_code_login,
    "2FA and wrong password": flow_two_factor,
    "wrong code": flow_wrong_code,
    "StringSession resume and GetAuthorizations devices": flow_resume_and_devices,
    "QR login": flow_qr_login,
    "QR login with 2FA": lambda: flow_qr_login(2, "qr-2fa"),
    "QR login, account on DC1": lambda: flow_qr_login(1),
    "QR login, account on DC3": lambda: flow_qr_login(3),
    "log_out then AUTH_KEY_UNREGISTERED": flow_log_out,
    "FLOOD_WAIT from a fault": flow_flood_wait,
    "revoked then SESSION_REVOKED": flow_revoked,
    "PHONE_MIGRATE to DC1": lambda: flow_phone_migrate(1),
    "PHONE_MIGRATE to DC3": lambda: flow_phone_migrate(3),
    "kept open past the getDifference timer": flow_get_difference_timer,
    "AUTH_KEY_DUPLICATED from two addresses": flow_duplicated,
    "frozen: getAppConfig and FROZEN_METHOD_INVALID": flow_frozen,
    "banned: USER_DEACTIVATED_BAN and PHONE_NUMBER_BANNED": flow_banned,
    "restricted: user.restricted with its reason": flow_restricted,
}


async def fresh_logins():
    """Key exchange + code + 2FA on a new number each time, one after another: the figure the benchmark reports."""
    times = []
    for n in range(config.get("logins", 10)):
        number = phone(2, 90 + n)
        call_control("POST", "/accounts", {"phone": number, "password": "bench-2fa", "hint": "b"})
        c = client()
        started = time.monotonic()
        try:
            await login(c, number, "bench-2fa")
            times.append(round((time.monotonic() - started) * 1000))
        finally:
            await c.disconnect()
    return {"ms": times}


# Not run by the test suite: scripts/bench/sandbox/telethon-logins.ts asks for it by name.
BENCH_FLOWS = {"fresh logins": fresh_logins}


async def run_flow(name, fn):
    started = time.monotonic()
    try:
        detail = await asyncio.wait_for(fn(), 60)
        result = {"flow": name, "ok": True, "detail": detail}
    except Exception as error:  # reported to Vitest, which fails the flow's test
        result = {"flow": name, "ok": False, "detail": f"{type(error).__name__}: {error}"}
    result["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(result), flush=True)


async def main():
    wanted = config.get("flows") or list(FLOWS)
    flows = {**FLOWS, **BENCH_FLOWS}
    await asyncio.gather(*(run_flow(name, flows[name]) for name in wanted))


asyncio.run(main())
