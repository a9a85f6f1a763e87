"""Debian's python3-telethon, unmodified: logs in to a sandbox DC and saves the session the two ways Telethon does.

Reads {"info": <sandbox /info>, "phone": "99966...", "file": "<path>.session"} on stdin; prints one JSON line
{"string": <StringSession.save()>, "userId": <id>} and leaves a SQLiteSession at `file`.
"""
import asyncio
import json
import logging
import sys

from telethon import TelegramClient
from telethon.crypto import rsa
from telethon.sessions import SQLiteSession, StringSession

config = json.load(sys.stdin)
info = config["info"]
phone = config["phone"]
rsa.add_key(info["rsaPublicKeyPem"], old=False)
logging.basicConfig(level=logging.CRITICAL)


async def main():
    dc = int(phone[5])
    endpoint = next(d for d in info["dcs"] if d["id"] == dc)
    session = StringSession()
    session.set_dc(dc, endpoint["address"], endpoint["port"])
    client = TelegramClient(session, 12345, "0123456789abcdef0123456789abcdef")
    await client.connect()
    await client.send_code_request(phone)
    me = await client.sign_in(phone, str(dc) * 5)
    saved = StringSession.save(client.session)
    on_disk = SQLiteSession(config["file"])
    on_disk.set_dc(client.session.dc_id, client.session.server_address, client.session.port)
    on_disk.auth_key = client.session.auth_key
    on_disk.save()
    on_disk.close()
    await client.disconnect()
    print(json.dumps({"string": saved, "userId": me.id}))


asyncio.run(main())
