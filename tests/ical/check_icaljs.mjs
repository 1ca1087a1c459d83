// Reads every .ics file of a folder with npm's ical.js (Mozilla's parser, as in Thunderbird)
// and prints, per VEVENT, one JSON object: file, UID, the UTC instants of DTSTART and DTEND,
// SUMMARY, DESCRIPTION and STATUS. ical.js converts local times with the file's own
// VTIMEZONE, never with a database of its own, so this checks the VTIMEZONE Cordon generates.
// Used by the Rust test `ical::cross_parsers_tests`.
//
//     node tests/ical/check_icaljs.mjs tests/output/ical
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch {
  console.error("check_icaljs.mjs: the npm package 'ical.js' is missing: npm ci (it is in package.json)");
  process.exit(1);
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: check_icaljs.mjs FOLDER');
  process.exit(1);
}

const utc = (time) => {
  if (time.zone === ICAL.Timezone.localTimezone) throw new Error(`floating time ${time}: TZID without VTIMEZONE?`);
  return new Date(time.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
};

for (const file of readdirSync(folder).filter((f) => f.endsWith('.ics')).sort()) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(folder, file), 'utf8')));
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    console.log(JSON.stringify({
      file,
      uid: event.uid,
      dtstart: utc(event.startDate),
      dtend: utc(event.endDate),
      summary: event.summary ?? '',
      description: event.description ?? '',
      status: vevent.getFirstPropertyValue('status') ?? '',
    }));
  }
}
