// data/meetings.json is written a meeting at a time (data.ts): its text must
// be exactly what JSON.stringify of the whole gives, but for a line break
// before each meeting and after the last.
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import { meetingsJson, meetingsJsonPieces } from "../../src/site/data.ts";
import { fixtureArchive, HOSTILE_TITLE } from "./fixture-archive.ts";

const asStringify = (text: string): string => {
  const data = JSON.parse(text) as { meetings: unknown[] };
  const meetings = data.meetings.map((m) => `\n${JSON.stringify(m)}`).join(",") + (data.meetings.length ? "\n" : "");
  return `${JSON.stringify({ ...data, meetings: [] }).replace('"meetings":[]', () => `"meetings":[${meetings}]`).replace(/</g, "\\u003c")}\n`;
};

describe("the data file", () => {
  it("is JSON.stringify's text of the model, with < escaped for HTML", () => {
    const archive = fixtureArchive({ url: "https://example.org/" });
    const text = meetingsJson(archive);
    expect(text).toBe(asStringify(text));
    const data = JSON.parse(text);
    expect(data.meetings.map((m: { id: string }) => m.id)).toEqual(archive.meetings.map((m) => m.id));
    expect(data.meetings.some((m: { title: string }) => m.title === HOSTILE_TITLE)).toBe(true);
    expect(text).not.toContain("<");
    expect(Object.keys(data)).toEqual(["site", "meetings", "series", "people", "initiatives", "problems"]);
  });

  it("comes in pieces of one meeting at most", () => {
    const archive = fixtureArchive();
    const pieces = [...meetingsJsonPieces(archive)];
    expect(archive.meetings.length).toBeGreaterThan(2);
    const meetingPieces = pieces.filter((p) => p.includes('"source"'));
    expect(meetingPieces).toHaveLength(archive.meetings.length);
    for (const p of meetingPieces) expect(p.match(/"source"/g)).toHaveLength(1);
    // A meeting a line: lines 2 to n+1 are the meetings, each JSON of its own.
    const lines = meetingsJson(archive).split("\n");
    expect(lines).toHaveLength(archive.meetings.length + 3);
    expect(lines.slice(1, -2).map((l) => JSON.parse(l.replace(/,$/, "")).id)).toEqual(archive.meetings.map((m) => m.id));
  });

  it("is the same text for an archive without meetings", () => {
    const archive = buildArchive([], parseConfig(null).config, []);
    const text = meetingsJson(archive);
    expect(text).toBe(asStringify(text));
    expect(JSON.parse(text).meetings).toEqual([]);
  });
});
