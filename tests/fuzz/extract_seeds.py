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
        if not name.startswith("crash-"):  # crashers found by the fuzzers stay (tests read some by name)
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

# The session fuzzer: whole server dialogues, as the target's conversation expects them (see
# fuzz_sessions.cpp), each with a few control headers: flags (protocol, security, tracing, limits, zero
# timeouts, one in flight, early end), ending / TLS failure / LOGIN command / event-loop odds, piece size
# class, seed.
IMAP_BODY = (b"From: a@example.test\r\nTo: b@example.test\r\nSubject: hello\r\n"
             b"Message-ID: <a@example.test>\r\n\r\nHello.\r\n")
IMAP_FETCH = (b"* 1 FETCH (UID 1 RFC822.SIZE %d INTERNALDATE \"02-Nov-2026 09:00:00 +0000\")\r\n"
              b"* 2 FETCH (UID 2 RFC822.SIZE 10 INTERNALDATE \"02-Nov-2026 09:00:00 +0000\")\r\n" % len(IMAP_BODY))


def imap_tail(first):
    """ENABLE, three STATUS, SELECT, the fetch batch and LOGOUT, tags from `first`."""
    t = [b"A%04d" % n for n in range(first, first + 10)]
    return (b"* ENABLED CONDSTORE UTF8=ACCEPT\r\n" + t[0] + b" OK enabled\r\n" +
            b"* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 HIGHESTMODSEQ 9)\r\n" + t[1] + b" OK done\r\n" +
            b"* STATUS Sent (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 8)\r\n" + t[2] + b" OK done\r\n" +
            t[3] + b" NO [NONEXISTENT] no such folder\r\n" +
            b"* 2 EXISTS\r\n* 0 RECENT\r\n* FLAGS (\\Seen \\Answered $Tracked)\r\n"
            b"* OK [PERMANENTFLAGS (\\Seen \\*)] ok\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 3] ok\r\n"
            b"* OK [HIGHESTMODSEQ 9] ok\r\n" + t[4] + b" OK [READ-WRITE] selected\r\n" +
            IMAP_FETCH + t[5] + b" OK listed\r\n" +
            b"* 1 FETCH (UID 1 RFC822.SIZE %d BODY[] {%d}\r\n" % (len(IMAP_BODY), len(IMAP_BODY)) + IMAP_BODY +
            b")\r\n* 2 FETCH (UID 2 BODY[] \"short\")\r\n" + t[6] + b" OK fetched\r\n" +
            b"* SEARCH 1\r\n" + t[7] + b" OK searched\r\n" + t[8] + b" OK stored\r\n" +
            b"* BYE logging out\r\n" + t[9] + b" OK bye\r\n")


IMAP_CAPS = b"IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=LOGIN LITERAL+ ENABLE CONDSTORE UTF8=ACCEPT"
imap_dialogues = [
    # Capabilities in the greeting, AUTHENTICATE PLAIN with SASL-IR.
    (0x00, b"* OK [CAPABILITY " + IMAP_CAPS + b"] ready\r\nA0001 OK [CAPABILITY " + IMAP_CAPS +
     b"] logged in\r\n" + imap_tail(2)),
    # CAPABILITY asked, LOGIN command, no LITERAL+ (the search's literal waits for a continuation).
    (0x08, b"* OK ready\r\n* CAPABILITY IMAP4rev1 ENABLE CONDSTORE\r\nA0001 OK done\r\nA0002 OK logged in\r\n"
     b"* CAPABILITY IMAP4rev1 ENABLE CONDSTORE\r\nA0003 OK done\r\n" +
     imap_tail(4).replace(b"* SEARCH 1", b"+ go ahead\r\n* SEARCH 1")),
    # STARTTLS, then capabilities again, AUTHENTICATE LOGIN with continuations.
    (0x00, b"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\nA0001 OK begin TLS\r\n"
     b"* CAPABILITY IMAP4rev1 AUTH=LOGIN ENABLE\r\nA0002 OK done\r\n+ VXNlcm5hbWU6\r\n+ UGFzc3dvcmQ6\r\n"
     b"A0003 OK [CAPABILITY IMAP4rev1 ENABLE LIST-EXTENDED LIST-STATUS] logged in\r\n" +
     b"* LIST () \"/\" INBOX\r\n* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7)\r\nA0004 OK listed\r\n"),
    # PREAUTH, then a BYE in the middle.
    (0x00, b"* PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] hello\r\n* ENABLED UTF8=ACCEPT\r\nA0001 OK\r\n"
     b"* BYE shutting down\r\n"),
    # Refusals.
    (0x00, b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n+ \r\nA0001 NO [AUTHENTICATIONFAILED] no\r\n"),
]
session_seeds = []
for index, (byte1, dialogue) in enumerate(imap_dialogues):
    security = 0x02 if index == 2 else 0x00
    for flags, extra, size_class, seed in ((0x00, 0xf0, 9, 1), (0x00, 0x30, 0, 2), (0x08, 0x80, 4, 3),
                                           (0x60, 0x40, 6, 4), (0x80, 0xf3, 7, 5), (0x10, 0xf1, 8, 6)):
        session_seeds.append(bytes([flags | security, byte1 | extra, size_class, seed]) + dialogue)

POP3_BODY = b"From: a@example.test\r\nSubject: hello\r\n\r\n..a line that starts with a dot\r\nHello.\r\n.\r\n"
pop3_tail = (b"+OK 3 300\r\n+OK\r\n1 uid-1\r\n2 uid-2\r\n3 uid-3\r\n.\r\n+OK\r\n1 100\r\n2 120\r\n3 80\r\n.\r\n"
             b"+OK 100 octets\r\n" + POP3_BODY + b"-ERR [IN-USE] message gone\r\n+OK\r\nSubject: top\r\n\r\n.\r\n"
             b"+OK bye\r\n")
pop3_dialogues = [
    (0x00, b"+OK ready\r\n+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n+OK\r\n+OK logged in\r\n" + pop3_tail),
    (0x00, b"+OK ready\r\n+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\nUTF8\r\nLOGIN-DELAY 60 USER\r\nSASL PLAIN\r\n.\r\n"
     b"+OK utf8\r\n+OK\r\n+OK logged in\r\n+OK\r\nUSER\r\nLOGIN-DELAY 900\r\n.\r\n" + pop3_tail),
    (0x02, b"+OK ready\r\n+OK\r\nSTLS\r\nUSER\r\n.\r\n+OK begin TLS\r\n+OK\r\nUSER\r\nUIDL\r\n.\r\n+OK\r\n"
     b"+OK logged in\r\n" + pop3_tail),
    (0x00, b"+OK ready\r\n-ERR no CAPA\r\n+OK\r\n-ERR [LOGIN-DELAY] wait\r\n"),
    (0x00, b"+OK ready\r\n+OK\r\n.\r\n+OK\r\n+OK\r\n+OK 1 10\r\n+OK\r\n1 a\r\n.\r\n+OK\r\n1 10\r\n.\r\n"
     b"+OK\r\nshort\r\n.\r\n-ERR no such message\r\n-ERR no such message\r\n+OK bye\r\n"),
]
for security, dialogue in pop3_dialogues:
    for flags, extra, size_class, seed in ((0x00, 0xf0, 9, 1), (0x00, 0x30, 0, 2), (0x08, 0x80, 4, 3),
                                           (0x60, 0x40, 6, 4), (0x80, 0xf3, 7, 5), (0x10, 0xf1, 8, 6)):
        session_seeds.append(bytes([0x01 | flags | security, extra, size_class, seed]) + dialogue)
write("sessions", session_seeds)

# The ACT codecs: the iCalendar objects and vCards of their unit tests, whole (no control bytes); the
# iCalendar test keeps its sample objects in icalcodectest.h.
ical_source = "".join(read(os.path.join(CORE_TESTS, name)) for name in ("tst_icalcodec.cpp", "icalcodectest.h"))
write("icalcodec", [s for s in raw_strings(ical_source) + byte_array_literals(ical_source) if b"BEGIN:" in s])
vcard_source = read(os.path.join(CORE_TESTS, "tst_vcard.cpp"))
# Its cards are crlf("..." "...") calls: adjacent string pieces joined, LF made CRLF.
crlf_cards = [c_unescape("".join(re.findall(r'"((?:[^"\\\n]|\\.)*)"', m.group(1)))).replace(b"\n", b"\r\n")
              for m in re.finditer(r'crlf\(\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)\)', vcard_source)]
write("vcard", [s for s in raw_strings(vcard_source) + byte_array_literals(vcard_source) + crlf_cards
                if b"BEGIN:" in s])
