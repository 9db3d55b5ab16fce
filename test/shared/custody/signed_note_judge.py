# An independent C2SP signed-note and tlog-checkpoint verifier (c2sp.org/signed-note,
# c2sp.org/tlog-checkpoint), written from the specifications with PyNaCl for Ed25519: none of
# Custodia's code runs here. Reads {"note": str, "vkey": str} on stdin; prints
# {"ok": true, "origin", "treeSize", "rootHash"} or {"ok": false, "why"}.
import base64, hashlib, json, sys
import nacl.signing, nacl.exceptions

def answer(**kw):
    print(json.dumps(kw))
    sys.exit(0)

req = json.load(sys.stdin)
note, vkey = req["note"], req["vkey"]
name, key_id, material = vkey.split("+", 2)
raw = base64.b64decode(material, validate=True)
if raw[0] != 0x01 or len(raw) != 33:
    answer(ok=False, why="not an Ed25519 verifier key")
public_key = raw[1:]
if hashlib.sha256(name.encode() + b"\n" + b"\x01" + public_key).digest()[:4].hex() != key_id:
    answer(ok=False, why="key id does not match the key")
if any(ord(c) < 0x20 and c != "\n" for c in note) or not note.endswith("\n"):
    answer(ok=False, why="control characters or no final newline")
split = note.rfind("\n\n")
if split < 0:
    answer(ok=False, why="no blank line")
text = note[: split + 1]
verified = False
for line in note[split + 2 : -1].split("\n"):
    if not line.startswith("\u2014 "):
        answer(ok=False, why="malformed signature line")
    sig_name, blob = line[2:].split(" ")
    sig = base64.b64decode(blob, validate=True)
    if sig_name != name or sig[:4].hex() != key_id:
        continue  # another key's signature: ignored, as the spec requires
    try:
        nacl.signing.VerifyKey(public_key).verify(text.encode(), sig[4:])
        verified = True
    except nacl.exceptions.BadSignatureError:
        answer(ok=False, why="bad signature")
if not verified:
    answer(ok=False, why="no signature by this key")
lines = text[:-1].split("\n")
if len(lines) < 3 or not lines[1].isdigit() or (lines[1] != "0" and lines[1].startswith("0")):
    answer(ok=False, why="not a checkpoint")
root = base64.b64decode(lines[2], validate=True)
if len(root) != 32:
    answer(ok=False, why="not a checkpoint")
answer(ok=True, origin=lines[0], treeSize=int(lines[1]), rootHash=root.hex())
