"""Independent judge for the checkpoint tests: PyNaCl (libsodium) and hashlib.

Reads one JSON request on stdin, writes one JSON answer on stdout. Byte values are hex.
  {"op": "sign", "seed": ..., "message": ...}           -> {"publicKey": ..., "signature": ...}
  {"op": "verify", "publicKey": ..., "message": ..., "signature": ...} -> {"ok": true|false}
  {"op": "sha256", "data": ...}                          -> {"hex": ...}
"""
import hashlib
import json
import sys

import nacl.exceptions
import nacl.signing

req = json.load(sys.stdin)
op = req["op"]
if op == "sign":
    key = nacl.signing.SigningKey(bytes.fromhex(req["seed"]))
    signed = key.sign(bytes.fromhex(req["message"]))
    out = {"publicKey": key.verify_key.encode().hex(), "signature": signed.signature.hex()}
elif op == "verify":
    try:
        nacl.signing.VerifyKey(bytes.fromhex(req["publicKey"])).verify(
            bytes.fromhex(req["message"]), bytes.fromhex(req["signature"])
        )
        out = {"ok": True}
    except (nacl.exceptions.BadSignatureError, ValueError):
        out = {"ok": False}
elif op == "sha256":
    out = {"hex": hashlib.sha256(bytes.fromhex(req["data"])).hexdigest()}
else:
    raise SystemExit("unknown op " + op)
json.dump(out, sys.stdout)
