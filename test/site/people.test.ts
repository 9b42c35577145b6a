import { describe, it, expect } from "vitest";
import { fixtureArchive, HOSTILE_NAME } from "./fixture-archive.ts";
import { escapeHtml } from "../../src/site/html.ts";
import { renderPeopleIndex, renderPerson } from "../../src/site/pages/people.ts";
import { groupUpdates, headingKey, peopleByActivity, personActivity } from "../../src/site/person-activity.ts";
import type { Archive, Person } from "../../src/archive/model.ts";

const personOf = (archive: Archive, id: string): Person => {
  const p = archive.byId.person.get(id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};

/** The HTML of the page part whose h2 has this id, up to the next part. */
function part(page: string, id: string): string {
  const start = page.indexOf(`<section aria-labelledby="${id}">`);
  if (start < 0) throw new Error(`no part ${id}`);
  const next = page.indexOf("<section aria-labelledby=", start + 1);
  return page.slice(start, next < 0 ? page.indexOf("</article>", start) : next);
}

const dates = (s: string): string[] => [...s.matchAll(/<time datetime="(\d{4}-\d\d-\d\d)">/g)].map((x) => x[1] ?? "");

describe("people index", () => {
  const archive = fixtureArchive();
  const page = renderPeopleIndex(archive);

  it("sorts by activity, ties by name", () => {
    // bob 1+2+1+3, alice 1+2+0+1, vader 2, mallory 1+1: vader and mallory tie,
    // and "Darth Vader" sorts before "Mallory" although "vader" > "mallory".
    expect(peopleByActivity(archive).map((p) => p.id)).toEqual(["bob", "alice", "vader", "mallory"]);
    const order = [...page.matchAll(/<li data-filter="[^"]*"><a class="title" href="\/people\/([^/]+)\/">/g)].map((x) => x[1]);
    expect(order).toEqual(["bob", "alice", "vader", "mallory"]);
  });

  it("shows handles when known and the counts", () => {
    expect(page).toContain(
      '<li data-filter="bob bob bob"><a class="title" href="/people/bob/">Bob</a> <span class="handle">@bob</span> <span class="meta">1 attended, 2 led, 1 noted, 3 updates</span></li>',
    );
    expect(page).toContain('<a class="title" href="/people/vader/">Darth Vader</a> <span class="meta">2 attended, 0 led, 0 noted, 0 updates</span>');
    expect(page).toContain("<title>People — Team Notes</title>");
    expect(page).toContain('<a href="/people/" aria-current="page">People</a>');
  });

  it("escapes hostile names", () => {
    expect(page).toContain(`<a class="title" href="/people/mallory/">${escapeHtml(HOSTILE_NAME)}</a>`);
    expect(page).not.toContain("<img");
  });
});

describe("person page", () => {
  const archive = fixtureArchive();
  const bob = renderPerson(archive, personOf(archive, "bob"));
  const alice = renderPerson(archive, personOf(archive, "alice"));

  it("escapes a hostile name in the heading and title", () => {
    const page = renderPerson(archive, personOf(archive, "mallory"));
    const name = escapeHtml(HOSTILE_NAME);
    expect(page).toContain(`<h1>${name}</h1>`);
    expect(page).toContain(`<title>${name} — Team Notes</title>`);
    expect(page).not.toContain("<img");
  });

  it("links the handle to GitHub only when known", () => {
    expect(bob).toContain('<a href="https://github.com/bob">@bob</a>');
    const vader = renderPerson(archive, personOf(archive, "vader"));
    expect(vader).toContain("<h1>Darth Vader</h1>");
    expect(vader).not.toContain("github.com");
  });

  it("shows counts and the first and last meeting", () => {
    expect(bob).toContain("<dt>Attended</dt><dd>1 meeting</dd>");
    expect(bob).toContain("<dt>Led</dt><dd>2 meetings</dd>");
    expect(bob).toContain("<dt>Took notes</dt><dd>1 meeting</dd>");
    expect(bob).toContain("<dt>Updates</dt><dd>3 updates</dd>");
    expect(bob).toContain('<dt>First meeting</dt><dd><time datetime="2019-01-10">');
    expect(bob).toContain('<dt>Last meeting</dt><dd><time datetime="2019-04-15">');
  });

  it("lists each role's meetings newest first", () => {
    expect(dates(part(bob, "led"))).toEqual(["2019-04-01", "2019-01-10"]);
    expect(dates(part(bob, "noted"))).toEqual(["2019-04-08"]);
    expect(dates(part(alice, "led"))).toEqual(["2019-04-08", "2018-12-17"]);
    expect(bob.indexOf('id="led"')).toBeLessThan(bob.indexOf('id="noted"'));
    expect(bob.indexOf('id="noted"')).toBeLessThan(bob.indexOf('id="attended"'));
  });

  it("groups updates by initiative (else by heading, case-insensitively), titled as last written", () => {
    const updates = part(bob, "updates");
    const headings = [...updates.matchAll(/<h3>(.*?) <span class="count">(.*?)<\/span><\/h3>/g)].map((x) => [x[1], x[2]]);
    expect(headings).toEqual([
      ['<a href="/initiatives/go-core-dev-team-weekly/go-ipfs/">Go-IPFS</a>', "2 updates"],
      ["Agenda", "1 update"],
    ]);
    expect(updates).toContain(
      '<a class="in-timeline" href="/initiatives/go-core-dev-team-weekly/go-ipfs/#2019-04-15--go-core-dev-team-weekly--go-ipfs">in the timeline</a>',
    );
    expect(dates(updates)).toEqual(["2019-04-15", "2019-04-01", "2019-04-08"]);
    expect(updates).toContain(
      '<a href="/2019/04/15/go-core-dev-team-weekly/#go-ipfs">Go Core Dev Team Weekly</a> · <a class="in-timeline" href="/initiatives/go-core-dev-team-weekly/go-ipfs/#2019-04-15--go-core-dev-team-weekly--go-ipfs">in the timeline</a></p><div class="update"><ul><li>Finished the refactor</li></ul></div>',
    );
    expect(updates).toContain('<a href="/2019/04/01/go-core-dev-team-weekly/#go-ipfs">');
    expect(updates).toContain('<a href="/2019/04/08/go-core-dev-team-weekly/#agenda">&lt;script&gt;alert(1)&lt;/script&gt;</a>');
  });

  it("escapes a hostile section heading in an update group", () => {
    expect(part(alice, "updates")).toContain("<h3>Alice&#39;s &lt;update&gt; ");
  });

  it("lists questions with links to the meeting and section", () => {
    const questions = part(bob, "questions");
    expect(dates(questions)).toEqual(["2019-04-08", "2019-01-10"]);
    expect(questions).toContain('<p class="question">When is the release?</p>');
    expect(questions).toContain('href="/2019/04/08/go-core-dev-team-weekly/#agenda"');
    expect(questions).toContain('<p class="question">Who owns &lt;b&gt;releases&lt;/b&gt;?</p>');
    expect(questions).toContain('<a href="/2019/01/10/community-call/">Community Call</a>');
  });

  it("lists action items with their state and co-owners", () => {
    const actions = part(bob, "actions");
    expect(bob).toContain('<h2 id="actions">Action items <span class="count">2 items, 1 open</span></h2>');
    expect(dates(actions)).toEqual(["2019-04-15", "2019-04-08"]);
    expect(actions).toContain('<li class="done"><span class="state">Done</span> <span class="text">Tag v0.4.20</span>');
    expect(actions).toContain('<li class="open"><span class="state">Open</span> <span class="text">Write the &lt;release&gt; notes</span>');
    expect(actions).toContain('href="/2019/04/15/go-core-dev-team-weekly/#go-ipfs"');
    expect(actions).toContain(', with <a href="/people/alice/">Alice Liddell</a>');
    expect(part(alice, "actions")).toContain(', with <a href="/people/bob/">Bob</a>');
  });

  it("lists each meeting a person is mentioned in once, linking the section", () => {
    const mentions = part(alice, "mentions");
    expect(dates(mentions)).toEqual(["2019-04-08", "2019-01-10"]);
    expect(mentions).toContain('<a class="title" href="/2019/04/08/go-core-dev-team-weekly/#updates">');
    expect(mentions).toContain(
      'in <a href="/2019/04/08/go-core-dev-team-weekly/#updates">Updates</a>, <a href="/2019/04/08/go-core-dev-team-weekly/#deep">Deep</a>',
    );
    expect(mentions).toContain('<a class="title" href="/2019/01/10/community-call/">Community Call</a></li>');
    const mallory = part(renderPerson(archive, personOf(archive, "mallory")), "mentions");
    expect(mallory).toContain('<a class="title" href="/2019/04/08/go-core-dev-team-weekly/">');
  });

  it("leaves out empty parts, and says so when there is nothing", () => {
    expect(alice).not.toContain('id="noted"');
    expect(alice).not.toContain('id="questions"');
    const nobody: Person = { id: "nobody", name: "Nobody", handle: null, url: "/people/nobody/", attended: [], led: [], noted: [] };
    const page = renderPerson(archive, nobody);
    expect(page).toContain("Nothing recorded for Nobody yet.");
    expect(page).not.toContain("First meeting");
  });
});

describe("person activity index", () => {
  it("is built once per archive", () => {
    const a = fixtureArchive();
    const b = fixtureArchive();
    expect(personActivity(a, "bob")).toBe(personActivity(a, "bob"));
    expect(personActivity(a, "bob")).not.toBe(personActivity(b, "bob"));
    expect(personActivity(a, "bob").updates).toHaveLength(3);
    expect(personActivity(a, "nobody").updates).toEqual([]);
  });

  it("keys headings without case or extra spaces", () => {
    expect(headingKey("  Go  IPFS ")).toBe(headingKey("go ipfs"));
    const a = fixtureArchive();
    const groups = groupUpdates(personActivity(a, "bob").updates);
    expect(groups.map((g) => [g.key, g.heading, g.updates.length])).toEqual([
      ["go-ipfs", "Go-IPFS", 2],
      ["agenda", "Agenda", 1],
    ]);
  });
});
