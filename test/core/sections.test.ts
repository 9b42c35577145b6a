import { describe, it, expect } from "vitest";
import { only, parseFixture, parseText, sectionOf } from "./helpers.ts";

const NOTE = [
  "# Widget Sync", //                      1
  "", //                                    2
  "Intro with **bold** text.", //           3
  "", //                                    4
  "## Notes", //                            5
  "", //                                    6
  "First notes.", //                        7
  "", //                                    8
  "### Details", //                         9
  "", //                                    10
  "Deeper.", //                             11
  "", //                                    12
  "## Notes", //                            13
  "", //                                    14
  "Second notes.", //                       15
  "", //                                    16
  "#### Skipped a level", //                17
  "", //                                    18
  "## *Emphasis* and `code` with [a link](https://example.com)", // 19
  "", //                                    20
  "##  ", //                                21
  "", //                                    22
  "## 日本語", //                           23
].join("\n");

describe("sections", () => {
  const m = only(parseText(NOTE));

  it("are one per heading but the title, in order, with their levels and lines", () => {
    expect(m.sections.map((s) => [s.heading, s.level, s.line])).toEqual([
      ["Notes", 2, 5],
      ["Details", 3, 9],
      ["Notes", 2, 13],
      ["Skipped a level", 4, 17],
      ["Emphasis and code with a link", 2, 19],
      ["(untitled)", 2, 21],
      ["日本語", 2, 23],
    ]);
  });

  it("have ids unique within the meeting, and never empty", () => {
    const ids = m.sections.map((s) => s.id);
    expect(ids).toEqual(["notes", "details", "notes-1", "skipped-a-level", "emphasis-and-code-with-a-link", "section", "section-1"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("have stable ids: the same note gives the same ids, and editing a section's text changes none", () => {
    expect(only(parseText(NOTE)).sections.map((s) => s.id)).toEqual(m.sections.map((s) => s.id));
    const edited = NOTE.replace("First notes.", "First notes, now longer.\n\nWith another paragraph.");
    expect(only(parseText(edited)).sections.map((s) => s.id)).toEqual(m.sections.map((s) => s.id));
  });

  it("know their parent: the nearest heading above of a higher level", () => {
    expect(m.sections.map((s) => s.parent)).toEqual([null, "notes", null, "notes-1", null, null, null]);
  });

  it("hold their own content only, up to the next heading of any level", () => {
    expect(sectionOf(m, "notes").html).toBe("<p>First notes.</p>\n");
    expect(sectionOf(m, "details").html).toBe("<p>Deeper.</p>\n");
    expect(sectionOf(m, "notes-1").html).toBe("<p>Second notes.</p>\n");
    expect(sectionOf(m, "skipped-a-level").html).toBe("");
  });

  it("keep inline markup in the heading's HTML, and plain text in the heading", () => {
    const s = sectionOf(m, "emphasis-and-code-with-a-link");
    expect(s.headingHtml).toBe('<em>Emphasis</em> and <code>code</code> with <a href="https://example.com">a link</a>');
  });

  it("leave the preamble to the meeting's intro, without the title", () => {
    expect(m.title).toBe("Widget Sync");
    expect(m.intro).toBe("<p>Intro with <strong>bold</strong> text.</p>\n");
  });

  it("keep content above the title", () => {
    const above = only(parseText("Draft, do not share.\n\n# Widget Sync\n\nBody.\n"));
    expect(above.title).toBe("Widget Sync");
    expect(above.intro).toBe("<p>Draft, do not share.</p>\n<p>Body.</p>\n");
  });

  it("survive JSON unchanged (no token ranges left on them)", () => {
    expect(JSON.parse(JSON.stringify(m.sections))).toEqual(m.sections);
    expect(Object.keys(m.sections[0]!).sort()).toEqual(["heading", "headingHtml", "html", "id", "issues", "level", "line", "parent", "updates"]);
  });
});

describe("the title", () => {
  it("is plain text, without markdown", () => {
    const m = only(parseText("# **Widget** _Team_ [Sync](https://example.com) `v2`\n"));
    expect(m.title).toBe("Widget Team Sync v2");
  });

  it("is a structural first heading only when nothing better comes", () => {
    const m = only(parseText("## Agenda\n\n- one\n"));
    expect(m.title).toBe("Widget Team Weekly, 2020-01-06");
    expect(m.sections.map((s) => s.heading)).toEqual(["Agenda"]);
  });

  it("may be a short first line when the note has no heading before it", () => {
    const m = only(parseText("Weekly sync of the widget team\n\n## Notes\n", "2020-01-06.md"));
    expect(m.title).toBe("Weekly sync of the widget team");
    expect(m.series.slug).toBe("weekly-sync-of-the-widget-team");
  });
});

describe("section summaries and issues", () => {
  const m = only(parseFixture("2019-04-08--widget-team-weekly.md"));

  it("take the `Summary:` line as plain text", () => {
    expect(sectionOf(m, "datastore").summary).toBe("Making the widget store faster") // the epic issue link is in .issues;
    expect(sectionOf(m, "providers").summary).toBe("Advertising widgets to peers.");
    expect(sectionOf(m, "cleanup").summary).toBeUndefined();
  });

  it("collect the issue and pull request links the section holds, once each", () => {
    expect(sectionOf(m, "datastore").issues).toEqual([
      { repo: "widgets/widget-core", number: 42, url: "https://github.com/widgets/widget-core/issues/42" },
      { repo: "widgets/widget-core", number: 51, url: "https://github.com/widgets/widget-core/issues/51" },
    ]);
    expect(sectionOf(m, "providers").issues).toEqual([
      { repo: "widgets/widget-core", number: 61, url: "https://github.com/widgets/widget-core/pull/61" },
    ]);
    expect(sectionOf(m, "current-initiatives").issues).toEqual([]);
  });

  it("nest under their initiative heading", () => {
    expect(m.sections.map((s) => [s.id, s.level, s.parent])).toEqual([
      ["current-initiatives", 2, null],
      ["datastore", 4, "current-initiatives"],
      ["providers", 4, "current-initiatives"],
      ["cleanup", 4, "current-initiatives"],
      ["questions", 2, null],
      ["action-items", 2, null],
    ]);
  });
});

describe("section HTML", () => {
  const m = only(parseFixture("2020-09-09--docs-weekly.md"));

  it("keeps `{{ x }}` and `{% raw %}` as text, for no template engine to run", () => {
    const html = sectionOf(m, "templates").html;
    expect(html).toContain("<code>{{ page.url }}</code>");
    expect(html).toContain("{{ site.title }}");
    expect(html).toContain("{% raw %}{% include x %}{% endraw %}");
  });

  it("drops <script> elements with their content", () => {
    const html = sectionOf(m, "raw-html").html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert(\"x\")");
  });

  it("drops event handler attributes and keeps the element", () => {
    const html = sectionOf(m, "raw-html").html;
    expect(html).toContain("<div>Click me</div>");
    expect(html).not.toMatch(/onclick|onmouseover/i);
  });

  it("neutralises javascript: links and sources", () => {
    const html = sectionOf(m, "raw-html").html;
    expect(html).not.toMatch(/(href|src)="\s*javascript:/i);
    expect(html).toContain("<a>another</a>");
    expect(html).toContain('<img alt="pic" />');
  });

  it("sanitises raw HTML in headings and the intro too", () => {
    const r = only(parseText('# Widget Sync\n\n<p onclick="x()">intro</p>\n\n## Hi <img src=x onerror="alert(1)"> <b onclick="y()">there</b>\n'));
    expect(r.intro).toBe("<p>intro</p>\n");
    expect(r.sections[0]!.headingHtml).toBe('Hi <img src="x" /> <b>there</b>');
  });

  it("renders task-list style checkboxes in raw HTML disabled", () => {
    const r = only(parseText('# Widget Sync\n\n## Tasks\n\n<input type="checkbox" checked> done <input type="text" value="x">\n'));
    expect(r.sections[0]!.html).toContain('<input type="checkbox" disabled checked />');
    expect(r.sections[0]!.html).not.toContain('type="text"');
  });
});

describe("sections of a multi-meeting file", () => {
  it("are each meeting's own, with ids that restart per meeting and lines of the file", () => {
    const r = parseFixture("2021-01-04-to-2021-01-25--standup-archive.md");
    const [first, second] = r.meetings;
    expect(first!.sections.map((s) => s.id)).toEqual(["updates-since-last-time", "kai", "lu", "questions-announcements-and-comments"]);
    expect(second!.sections.map((s) => [s.id, s.line])).toEqual([
      ["updates-since-last-time", 28],
      ["lu", 30],
    ]);
  });
});

describe("role headings", () => {
  const m = only(parseFixture("2017-01-02--gizmo-sync.md"));

  it("are not listed as sections: the meeting's roles already say who led, took notes and came", () => {
    expect(m.sections.map((s) => s.heading)).toEqual(["Agenda"]);
    expect(m.leads).toEqual(["mwong"]);
    expect(m.attendees).toEqual(["oren", "pia", "mwong"]);
  });

  it("stay on the page, in the intro, as bold labels with what they head", () => {
    expect(m.intro).toContain('<p><strong>Lead: Mia Wong (<a href="mb:person:mwong" class="mention">@mwong</a>)</strong></p>');
    expect(m.intro).toContain("<p><strong>Participants</strong></p>\n<ul>\n<li><a href=\"mb:person:oren\"");
    expect(m.intro).not.toMatch(/<h\d/);
  });

  it("after a section, join that section's content, and what follows them is not their child", () => {
    const r = only(parseText("# Widget Sync\n\n## Milestone\n\nPlan.\n\n### Leads:\n\n- @ada\n\n#### Due\n\nMay.\n\n## Notes\n\n- @bob said hi\n"));
    expect(r.sections.map((s) => [s.heading, s.parent])).toEqual([
      ["Milestone", null],
      ["Due", "milestone"],
      ["Notes", null],
    ]);
    expect(sectionOf(r, "milestone").html).toMatch(/<p>Plan.<\/p>\n<p><strong>Leads:<\/strong><\/p>\n<ul>\n<li><a href="mb:person:ada"/);
    expect(sectionOf(r, "milestone").updates).toEqual([]);
  });
});

describe("summary lines", () => {
  const summaryOf = (line: string): string | undefined => only(parseText(`# Widget Sync\n\n## Storage\n${line}\n`)).sections[0]!.summary;

  it("leave out the link to the epic issue that ends them", () => {
    expect(summaryOf("Summary: We are replacing the datastore. [Epic Issue](https://github.com/w/w/issues/1)")).toBe("We are replacing the datastore.");
    expect(summaryOf("Summary: We are replacing the datastore: [Epic Issue](https://github.com/w/w/issues/1)")).toBe("We are replacing the datastore");
    expect(summaryOf("Summary: Faster transfers (between nodes). [tracking](https://github.com/w/w/issues/2)")).toBe("Faster transfers (between nodes).");
  });

  it("keep a link that is part of the sentence", () => {
    expect(summaryOf("Summary: We are adopting [libp2p](https://libp2p.io)")).toBe("We are adopting libp2p");
    expect(summaryOf("Summary: See [the epic](https://github.com/w/w/issues/3) for the plan")).toBe("See the epic for the plan");
  });
});
