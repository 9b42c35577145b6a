import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import { parseNote } from "../../src/core/parse-note.ts";
import { renderPerson } from "../../src/site/pages/people.ts";

// Carol attends in January; in March she gives an update, and asks a question
// in May, but the notetaker left her off the attendee list both times.
const NOTES: Record<string, string> = {
  "2019-01-07--widget-sync.md": "# Widget Sync 2019-01-07\n\n**Attendees:** @carol, @dave\n\n## Parser\n\n@dave:\n- started\n",
  "2019-03-04--widget-sync.md": "# Widget Sync 2019-03-04\n\n**Attendees:** @dave\n\n## Parser\n\n@carol:\n- fixed the lexer\n",
  "2019-05-06--widget-sync.md": "# Widget Sync 2019-05-06\n\n**Attendees:** @dave\n\n## Parser\n\nQ(@carol): is the lexer released?\n",
};

function carolsPage(): string {
  const { config } = parseConfig(null);
  const notes = Object.entries(NOTES).map(([source, text]) => ({
    source,
    result: parseNote(Buffer.from(text), { source, issueBase: config.site.issueBase, sourcePrefixes: config.sourcePrefixes }),
  }));
  const archive = buildArchive(notes, config, []);
  return renderPerson(archive, archive.byId.person.get("carol")!);
}

describe("a person page", () => {
  it("counts the meetings where the person only spoke, in its chart as in its last meeting", () => {
    const page = carolsPage();
    expect(page).toContain('<dt>Last meeting</dt><dd><time datetime="2019-05-06">');
    expect(page).toContain('<h2 id="attendance">Meetings by month <span class="count">3 meetings</span></h2>');
    expect(page).toContain("<figcaption>3 meetings from January 2019 to May 2019;");
    expect(page).toContain('<dt>Attended</dt><dd>1 meeting</dd>');
  });
});
