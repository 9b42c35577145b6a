// Shared by the core tests: read a fixture note and parse it under its own name.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Meeting, NoteResult, Section } from "../../src/core/model.ts";
import { parseNote, type ParseOptions } from "../../src/core/parse-note.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURES));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/** Parses a fixture from its bytes, as the archive loader does; `source` defaults to the file name. */
export function parseFixture(name: string, options: Partial<ParseOptions> = {}): NoteResult {
  return parseNote(fixtureBytes(name), { source: name, ...options });
}

/** The one meeting of a result (fails the test when there are none or several). */
export function only(result: NoteResult): Meeting {
  expect(result.meetings).toHaveLength(1);
  return result.meetings[0]!;
}

export function sectionOf(meeting: Meeting, id: string): Section {
  const s = meeting.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id} in ${meeting.id}: ${meeting.sections.map((x) => x.id).join(", ")}`);
  return s;
}

/** Parses an inline note; a dated file name by default so a meeting is made. */
export function parseText(text: string, source = "2020-01-06--widget-team-weekly.md", options: Partial<ParseOptions> = {}): NoteResult {
  return parseNote(text, { source, ...options });
}
