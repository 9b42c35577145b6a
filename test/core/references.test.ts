import { describe, it, expect } from "vitest";
import { md } from "../../src/core/markdown.ts";
import type { ReferenceEnv } from "../../src/core/rules/references.ts";
import { only, parseFixture, parseText, sectionOf } from "./helpers.ts";

const SOURCE = "2021/2021-02-01--refs-weekly.md";

/** Runs only the markdown-it rule and returns what it recorded and rendered. */
function refs(text: string, env: Partial<ReferenceEnv> = {}): { html: string; env: ReferenceEnv } {
  const full: ReferenceEnv = { source: SOURCE, lineOffset: 0, issueBase: "https://github.com", sourcePrefixes: [], refs: { mentions: [], issues: [], outside: [] }, ...env };
  return { html: md.render(text, full), env: full };
}

const handles = (text: string): string[] => refs(text).env.refs.mentions.map((m) => m.handle);

describe("mentions", () => {
  it("link @handles to a person placeholder, lower-cased, label as written", () => {
    expect(refs("Thanks @Wren.").html).toBe('<p>Thanks <a href="mb:person:wren" class="mention">@Wren</a>.</p>\n');
  });

  it.each([
    ["an e-mail address", "mail ada@example.com now"],
    ["an npm scope", "install @widgets/core today"],
    ["inline code", "run `@notaperson` in a shell"],
    ["a code block", "```\n@notaperson\n```"],
    ["link text", "[ask @ada](https://example.com)"],
    ["an escaped @", "\\@escaped"],
    ["a double @@", "@@ada"],
    ["a version number", "released pkg @0.4.19 and client@30.1.0"],
  ])("are not found in %s", (_what, text) => {
    expect(handles(text)).toEqual([]);
  });

  it.each([
    ["in bold", "**@ada**", ["ada"]],
    ["in strike-through", "~~@ada~~", ["ada"]],
    ["in parentheses", "(@ada)", ["ada"]],
    ["with dots, underscores and hyphens", "@a.b-c_d, and @x_", ["a.b-c_d", "x_"]],
    ["at a sentence's end", "thanks @ada.", ["ada"]],
    ["after a slash-separated pair", "@ada / @bob", ["ada", "bob"]],
    ["with digits before a letter", "@2ada and @0.4.x", ["2ada", "0.4.x"]],
  ])("are found %s", (_what, text, expected) => {
    expect(handles(text)).toEqual(expected);
  });

  it("are recorded with their line, counting the env's offset", () => {
    const { env } = refs("one @ada\ntwo\nthree @bob\n\n- four @cy", { lineOffset: 10 });
    expect(env.refs.mentions).toEqual([
      { handle: "ada", line: 11 },
      { handle: "bob", line: 13 },
      { handle: "cy", line: 15 },
    ]);
  });

  it("in a note, each names its section and person", () => {
    const m = only(parseFixture("2021-02-01--refs-weekly.md", { source: SOURCE }));
    expect(m.mentions).toEqual([
      { person: "wren", line: 7, section: "links" },
      { person: "wren", line: 8, section: "links" },
    ]);
    expect(m.intro).not.toContain("mb:person");
  });

  it("in a heading are linked in its HTML", () => {
    const m = only(parseText("# Widget Sync\n\n## Update from @Ada\n"));
    expect(m.sections[0]!.headingHtml).toBe('Update from <a href="mb:person:ada" class="mention">@Ada</a>');
    expect(m.sections[0]!.heading).toBe("Update from @Ada");
    expect(m.mentions).toEqual([{ person: "ada", line: 3, section: "update-from-ada" }]);
  });
});

describe("issue references", () => {
  it("link `org/repo#123` to the issue base", () => {
    const { html, env } = refs("see widgets/widget-core#123.");
    expect(html).toBe('<p>see <a href="https://github.com/widgets/widget-core/issues/123" class="issue">widgets/widget-core#123</a>.</p>\n');
    expect(env.refs.issues).toEqual([{ repo: "widgets/widget-core", number: 123, url: "https://github.com/widgets/widget-core/issues/123", line: 1 }]);
  });

  it("follow a configured issue base", () => {
    const { env } = refs("widgets/widget-core#5", { issueBase: "https://git.example" });
    expect(env.refs.issues[0]!.url).toBe("https://git.example/widgets/widget-core/issues/5");
  });

  it("record GitHub issue and pull request URLs, bare or linked, keeping the URL", () => {
    const { env } = refs("https://github.com/w/a/pull/7 and [it](https://github.com/w/b/issues/9#issuecomment-1) and <https://github.com/w/c/issues/11>");
    expect(env.refs.issues.map(({ repo, number, url }) => [repo, number, url])).toEqual([
      ["w/a", 7, "https://github.com/w/a/pull/7"],
      ["w/b", 9, "https://github.com/w/b/issues/9#issuecomment-1"],
      ["w/c", 11, "https://github.com/w/c/issues/11"],
    ]);
  });

  it.each([
    ["a path", "x/widgets/widget-core#1"],
    ["a URL fragment", "https://example.com/widgets/widget-core#1"],
    ["a bare #123", "fixed in #123"],
    ["inline code", "`widgets/widget-core#1`"],
    ["a GitHub URL that is not an issue", "https://github.com/widgets/widget-core/blob/main/README.md"],
  ])("are not found in %s", (_what, text) => {
    expect(refs(text).env.refs.issues).toEqual([]);
  });

  it("in a note: the meeting lists each once, each section those it holds", () => {
    const m = only(parseFixture("2021-02-01--refs-weekly.md", { source: SOURCE }));
    const core123 = { repo: "widgets/widget-core", number: 123, url: "https://github.com/widgets/widget-core/issues/123" };
    expect(m.issues).toEqual([
      core123,
      { repo: "widgets/widget-ui", number: 7, url: "https://github.com/widgets/widget-ui/pull/7" },
      { repo: "widgets/widget-core", number: 9, url: "https://github.com/widgets/widget-core/issues/9" },
    ]);
    expect(sectionOf(m, "links").issues).toHaveLength(3);
    expect(sectionOf(m, "again").issues).toEqual([core123]);
  });
});

describe("links to notes and files", () => {
  const m = only(parseFixture("2021-02-01--refs-weekly.md", { source: SOURCE }));
  const html = sectionOf(m, "links").html;

  it("a relative link to a note becomes `mb:note:` with its anchor, resolved from the note's folder", () => {
    expect(html).toContain('<a href="mb:note:2021/2021-01-25--refs-weekly.md#decisions">last week</a>');
  });

  it("a relative image becomes `mb:file:`", () => {
    expect(html).toContain('<img src="mb:file:2021/img/diagram.png" alt="diagram">');
  });

  it("`..` is resolved within the notes folder", () => {
    expect(html).toContain('<a href="mb:file:specs/spec.pdf">spec</a>');
  });

  it("a link climbing out of the notes folder becomes `mb:outside:` with its path from the folder, and is recorded", () => {
    const { html: out, env } = refs("x\n[outside](../../etc/passwd) ![up](../../../up.png#a)");
    expect(out).toContain('<a href="mb:outside:../etc/passwd">outside</a>');
    expect(out).toContain('<img src="mb:outside:../../up.png#a" alt="up">');
    expect(env.refs.outside).toEqual([
      { href: "../../etc/passwd", line: 2 },
      { href: "../../../up.png#a", line: 2 },
    ]);
  });

  it("absolute URLs, root paths and mailto links are left alone", () => {
    const { html: out } = refs("[a](https://example.com/x.md) [b](/abs/path.md) [d](mailto:ada@example.com)");
    expect(out).not.toContain("mb:");
  });

  it("a fragment points at the note itself, for the archive to match against its headings", () => {
    const { html: out } = refs("[c](#Local_Heading) [top](#)");
    expect(out).toContain(`href="mb:note:${encodeURI(SOURCE)}#Local_Heading"`);
    expect(out).toContain('href="#"');
  });

  it("drops a query, keeps percent-encoding", () => {
    const { html: out } = refs("[q](note.md?plain=1) [e](my%20note.md)");
    expect(out).toContain('href="mb:note:2021/note.md"');
    expect(out).toContain('href="mb:note:2021/my%20note.md"');
  });

  it("links to the notes' own repository become placeholders too", () => {
    const prefixes = ["https://github.com/widgets/notes/blob/main/", "https://github.com/widgets/notes/tree/main/"];
    const { html: out } = refs(
      "[n](https://github.com/widgets/notes/blob/main/2021/other.md#top) [f](https://github.com/widgets/notes/tree/main/img/x.png)",
      { sourcePrefixes: prefixes },
    );
    expect(out).toContain('href="mb:note:2021/other.md#top"');
    expect(out).toContain('href="mb:file:img/x.png"');
  });
});

describe("links climbing out of the notes folder", () => {
  it("are neutralised and reported with the file and line", () => {
    const r = parseText("# Refs\n\n[outside](../../etc/passwd)\n\n## Notes\n\n- see [x](../../etc/passwd) and [x](../../etc/passwd)\n- [ok](../notes.md)\n", SOURCE);
    const m = only(r);
    expect(m.intro).not.toContain('href="../../etc/passwd"');
    expect(m.intro).toContain('<a href="mb:outside:../etc/passwd">outside</a>');
    expect(r.problems).toEqual([
      { source: SOURCE, line: 3, severity: "warning", message: "a link points to ../../etc/passwd, outside the notes folder, so the site does not have it: link to it by its full URL" },
      { source: SOURCE, line: 7, severity: "warning", message: expect.stringMatching(/^a link points to \.\.\/\.\.\/etc\/passwd, outside/) },
    ]);
  });
});
