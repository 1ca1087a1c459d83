#!/usr/bin/env python3
"""Reads every .ics file of a folder with PyPI's `icalendar` and prints, per VEVENT, one JSON
object: file, UID, the UTC instants of DTSTART and DTEND, SUMMARY, DESCRIPTION and STATUS.

Each local time is converted twice: with the IANA database (zoneinfo, as icalendar does for a
known TZID) and with the file's own VTIMEZONE; a difference is an error (exit 1), so this also
checks the VTIMEZONE Cordon generates. Used by the Rust test `ical::cross_parsers_tests`.

    python3 tests/ical/check_icalendar.py tests/output/ical
"""
import json
import pathlib
import sys
from datetime import timezone

try:
    import icalendar
except ImportError:
    sys.exit("check_icalendar.py: the PyPI package 'icalendar' is missing: pip install -r tests/requirements.txt")


def utc(value):
    if value.tzinfo is None:
        raise ValueError(f"floating time {value}: a TZID or a Z is expected")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def via_vtimezone(prop, zones):
    """The instant of a DTSTART/DTEND read with the file's VTIMEZONE (None for UTC times)."""
    tzid = prop.params.get("TZID")
    if tzid is None:
        return None
    if tzid not in zones:
        raise ValueError(f"TZID {tzid} has no VTIMEZONE in the file")
    local = prop.dt.replace(tzinfo=None)
    return utc(local.replace(tzinfo=zones[tzid]))


def main(folder):
    errors = 0
    for path in sorted(pathlib.Path(folder).glob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
        for event in calendar.walk("VEVENT"):
            row = {"file": path.name, "uid": str(event["UID"])}
            for key in ("DTSTART", "DTEND"):
                prop = event[key]
                row[key.lower()] = utc(prop.dt)
                own = via_vtimezone(prop, zones)
                if own is not None and own != row[key.lower()]:
                    print(f"{path.name} {row['uid']} {key}: zoneinfo {row[key.lower()]}, VTIMEZONE {own}", file=sys.stderr)
                    errors += 1
            row["summary"] = str(event.get("SUMMARY", ""))
            row["description"] = str(event.get("DESCRIPTION", ""))
            row["status"] = str(event.get("STATUS", ""))
            print(json.dumps(row, ensure_ascii=False))
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_icalendar.py FOLDER")
    sys.exit(main(sys.argv[1]))
