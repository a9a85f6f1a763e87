"""Debian's python3-telethon (1.25), unmodified, given a lease's Telethon string.

Reads {"session": <string>} on stdin, calls GetMe (users.getUsers with InputUserSelf) and prints one JSON line:
{"ok": true, "phone": ...} when the key works, {"ok": false, "error": <Telegram's error name>} when it is refused.
"""
import asyncio
import json
import logging
import sys

from telethon import TelegramClient, errors, functions, types
from telethon.sessions import StringSession

API_ID = 12345
API_HASH = "0123456789abcdef0123456789abcdef"
logging.basicConfig(level=logging.CRITICAL)


async def main():
    config = json.load(sys.stdin)
    client = TelegramClient(StringSession(config["session"]), API_ID, API_HASH, connection_retries=1)
    await client.connect()
    try:
        # GetMe by hand: Telethon's get_me() hides a refused key behind None.
        [me] = await client(functions.users.GetUsersRequest([types.InputUserSelf()]))
        print(json.dumps({"ok": True, "phone": me.phone}))
    except errors.RPCError as error:
        print(json.dumps({"ok": False, "error": type(error).__name__}))
    finally:
        await client.disconnect()


asyncio.run(main())
