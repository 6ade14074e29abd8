#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (tests/fuzz/corpus/<fuzzer>/) from the unit tests' tables: every
QByteArray("...") literal and R"(...)" raw string of the parser tests becomes a seed, with the control
bytes each fuzz target reads first. Run it again after adding table rows; the output is committed."""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "..", "protocol")
CORE_TESTS = os.path.join(HERE, "..", "core")

C_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def c_unescape(text):
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        i += 1
        e = text[i]
        simple = {"n": b"\n", "r": b"\r", "t": b"\t", "\\": b"\\", '"': b'"', "'": b"'", "0": b"\0"}
        if e == "x":
            digits = re.match(r"[0-9a-fA-F]{1,2}", text[i + 1:]).group(0)
            out.append(int(digits, 16))
            i += 1 + len(digits)
        elif e in simple:
            out += simple[e]
            i += 1
        else:
            out += e.encode("utf-8")
            i += 1
    return bytes(out)


def byte_array_literals(source):
    """QByteArray("a" "b") and QByteArray("...", n) literals, adjacent string pieces joined."""
    found = []
    for match in re.finditer(r'QByteArray\(\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)(?:,\s*(\d+))?\)', source):
        pieces = C_STRING.findall(match.group(1))
        data = b"".join(c_unescape(p) for p in pieces)
        if match.group(2):
            data = data[: int(match.group(2))].ljust(int(match.group(2)), b"\0")
        found.append(data)
    return found


def raw_strings(source):
    return [m.group(1).replace("\n", "\r\n").encode("utf-8") for m in re.finditer(r'R"\((.*?)\)"', source, re.S)]


def write(fuzzer, seeds):
    folder = os.path.join(HERE, "corpus", fuzzer)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    unique = sorted(set(seeds))
    for seed in unique:
        with open(os.path.join(folder, hashlib.sha1(seed).hexdigest()[:16]), "wb") as f:
            f.write(seed)
    print(f"{fuzzer}: {len(unique)} seeds")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


imap = read(os.path.join(TESTS, "tst_imapresponseparser.cpp"))
imap_lines = [b for b in byte_array_literals(imap) if b]
# Control bytes: piece size - 1 (whole input, and awkward small pieces), then the limits switch.
write("imapresponseparser",
      [b"\xff\x00" + line for line in imap_lines] + [b"\x02\x00" + line for line in imap_lines[:40]] +
      [b"\x00\x01" + line for line in imap_lines[:20]] + [b"\xff\x00" + b"".join(imap_lines[:60])])

pop3 = read(os.path.join(TESTS, "tst_pop3responseparser.cpp"))
pop3_lines = [b for b in byte_array_literals(pop3) if b.startswith((b"+", b"-"))]
write("pop3responseparser",
      [b"\xff\xff\x00" + line for line in pop3_lines] + [b"\xff\x00\x00" + line for line in pop3_lines] +
      [b"\x03\x5a\x01" + line for line in pop3_lines] + [b"\xff\xb6\x00" + b"".join(pop3_lines)])

mime = read(os.path.join(TESTS, "tst_mimedecoder.cpp"))
write("mimedecoder", [b for b in raw_strings(mime) + byte_array_literals(mime) if b])

config = read(os.path.join(CORE_TESTS, "tst_configparser.cpp"))
write("configparser", [s.encode("utf-8") for s in re.findall(r'R"\((.*?)\)"', config, re.S)] +
      [b for b in byte_array_literals(config) if b.strip().startswith((b"{", b"["))])

html_rows = mime[mime.index("void TestMimeDecoder::htmlToText_data()"):mime.index("void TestMimeDecoder::htmlToText()")]
html_seeds = [c_unescape(s) for s in re.findall(r'<< u"((?:[^"\\\n]|\\.)*)"_s', html_rows)]
# Control byte: the text limit (0xff: none; otherwise that many characters times 4).
write("htmltotext", [b"\xff" + s for s in html_seeds] + [b"\x04" + s for s in html_seeds[:20]] +
      [b"\xff" + b"".join(html_seeds)])
