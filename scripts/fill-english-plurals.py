#!/usr/bin/env python3
"""Fills translations/syncdesk_en.ts: the English singular and plural forms of every numerus string.

The source text is English with "(s)"/"(es)" suffixes ("%n mailbox(es)"), or the plural text with a
translator comment "plural: <singular>" where English needs more than a suffix. Forms already filled in by
hand are kept. Run after scripts/update-translations.sh.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Where the count also changes a verb or pronoun, the singular needs more than the suffix removed.
AGREEMENT = [
    (r"(mailbox of server profile %2) are failing", r"\1 is failing"),
    (r"(mailbox it disabled) are still disabled \(%3\): re-enable them", r"\1 is still disabled (%3): re-enable it"),
    (r"(engine) run on", r"\1 runs on"),
    (r"passed and are enabled", "passed and is enabled"),
    (r"the syncs went on without them", "the syncs went on without it"),
    (r"(newer record) are not shown", r"\1 is not shown"),
    (r"(new record) are waiting\. Resume to show them", r"\1 is waiting. Resume to show it"),
    (r"(record in memory) match$", r"\1 matches"),
    (r"next sync of their mailbox", "next sync of its mailbox"),
    (r"; they sync now", "; it syncs now"),
]

path = sys.argv[1] if len(sys.argv) > 1 else "translations/syncdesk_en.ts"
tree = ET.parse(path)
changed = 0
for message in tree.getroot().iter("message"):
    if message.get("numerus") != "yes":
        continue
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    if translation.get("type") != "unfinished" and len(forms) == 2 and all(f.text for f in forms):
        continue
    source = message.find("source").text
    comment = message.find("extracomment")
    comment = comment.text if comment is not None and comment.text else ""
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    singular = re.sub(r"\(e?s\)", "", source)
    for pattern, replacement in AGREEMENT:
        singular = re.sub(pattern, replacement, singular)
    hand = re.search(r"plural:\s*(.+)$", comment, re.S)
    if hand:
        singular = hand.group(1).strip()
    for form in forms:
        translation.remove(form)
    for text in (singular, plural):
        form = ET.SubElement(translation, "numerusform")
        form.text = text
    translation.attrib.pop("type", None)
    changed += 1
tree.write(path, encoding="utf-8", xml_declaration=True)
print(f"{changed} English plural entries filled in {path}")
