// Checks a site built from a real notes folder against that folder:
//   npx tsx test/verify-real.ts NOTES_DIR SITE_DIR
// Fails (exit 1) when a .md note of the folder is not the source of any
// meeting in data/meetings.json, when a meeting has no page, or when a
// meeting lacks a date, series or title. Run by .ci/run after a build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileOfUrl, readMeetingsJson, type MeetingsJson } from "./helpers/build.ts";
import { checkLinks } from "./helpers/links.ts";

/** Every .md file under dir, as sorted forward-slash paths. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".md"))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

const VALID_DATE = /^\d{4}-\d\d-\d\d$/;

function validDate(date: unknown): boolean {
  if (typeof date !== "string" || !VALID_DATE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

const blank = (s: unknown): boolean => typeof s !== "string" || s.trim() === "";

function verify(notesDir: string, siteDir: string): { notes: number; published: number; meetings: number; problems: string[] } {
  const problems: string[] = [];
  const notes = markdownFiles(notesDir);
  let data: MeetingsJson;
  try {
    data = readMeetingsJson(siteDir);
  } catch (e) {
    return { notes: notes.length, published: 0, meetings: 0, problems: [`data/meetings.json could not be read: ${(e as Error).message}`] };
  }

  const sources = new Set(data.meetings.map((m) => m.source));
  for (const note of notes) if (!sources.has(note)) problems.push(`${note}: the note is in no meeting of data/meetings.json`);
  const noteSet = new Set(notes);
  for (const source of sources) if (!noteSet.has(source)) problems.push(`${source}: a meeting names this source, which is not a .md file of the folder`);

  const seenUrls = new Map<string, string>();
  for (const m of data.meetings) {
    const who = `${m.source}:${m.line} (${m.id})`;
    if (!validDate(m.date)) problems.push(`${who}: no valid date (${JSON.stringify(m.date)})`);
    if (!m.series || blank(m.series.slug) || blank(m.series.name)) problems.push(`${who}: no series (${JSON.stringify(m.series)})`);
    if (blank(m.title)) problems.push(`${who}: no title`);
    if (blank(m.url) || !m.url.startsWith("/")) {
      problems.push(`${who}: no page URL (${JSON.stringify(m.url)})`);
      continue;
    }
    const other = seenUrls.get(m.url);
    if (other) problems.push(`${who}: shares its page ${m.url} with ${other}`);
    seenUrls.set(m.url, m.id);
    const page = fileOfUrl(siteDir, m.url);
    if (!existsSync(page) || !statSync(page).isFile()) problems.push(`${who}: no page at ${m.url} (${relative(siteDir, page)} is missing)`);
  }

  const published = notes.filter((n) => sources.has(n)).length;
  return { notes: notes.length, published, meetings: data.meetings.length, problems };
}

function main(argv: string[]): number {
  const [notesArg, siteArg] = argv;
  if (!notesArg || !siteArg) {
    console.error("usage: npx tsx test/verify-real.ts NOTES_DIR SITE_DIR");
    return 2;
  }
  const notesDir = resolve(notesArg);
  const siteDir = resolve(siteArg);
  for (const [what, dir] of [["notes folder", notesDir], ["site folder", siteDir]] as const) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`verify-real: the ${what} ${dir} does not exist`);
      return 2;
    }
  }
  const { notes, published, meetings, problems } = verify(notesDir, siteDir);
  if (notes === 0) problems.push(`${notesDir} holds no .md note`);
  // Every internal link and #anchor of every page resolves.
  const links = checkLinks(siteDir);
  for (const b of links.broken) problems.push(`broken link: ${b}`);
  console.log(`${links.checked} internal links checked, ${links.broken.length} broken`);
  const SHOWN = 50;
  for (const p of problems.slice(0, SHOWN)) console.log(`  problem: ${p}`);
  if (problems.length > SHOWN) console.log(`  … and ${problems.length - SHOWN} more`);
  console.log(`${published} of ${notes} notes published, ${meetings} meetings, ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
