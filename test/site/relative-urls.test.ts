// Every internal link is written root-relative and made relative to its page,
// so the same site works at a domain's root, in a sub-folder or under a path.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { relativeUrl, relativizeHtml, relativizeHtmlByPattern } from "../../src/site/relative-urls.ts";

describe("relative URLs", () => {
  it("climb only as far as the two pages' common folder", () => {
    expect(relativeUrl("/2019/04/08/sync/", "/2019/04/15/sync/")).toBe("../../15/sync/");
    expect(relativeUrl("/people/ada/", "/people/ada/#updates")).toBe("./#updates");
    expect(relativeUrl("/people/ada/", "/people/ada/")).toBe("./");
    expect(relativeUrl("/", "/assets/style.css")).toBe("assets/style.css");
    expect(relativeUrl("/series/x/feed.atom.xml", "/assets/feed.xsl")).toBe("../../assets/feed.xsl");
  });

  it("rewrite href, src, action and poster, and leave protocol-relative and absolute links alone", () => {
    const page = '<a href="/people/ada/">A</a><img src="/files/a.png"><form action="/search/"></form><a href="//cdn.example/x">x</a><a href="https://e.org/">e</a><a data-x="/y">y</a>';
    expect(relativizeHtml(page, "/2019/04/08/sync/")).toBe(
      '<a href="../../../../people/ada/">A</a><img src="../../../../files/a.png"><form action="../../../../search/"></form><a href="//cdn.example/x">x</a><a href="https://e.org/">e</a><a data-x="/y">y</a>',
    );
  });

  it("are the same as the plain pattern rewrite, on any mix of attributes and text", () => {
    const piece = fc.constantFrom('href="/', 'src="/', 'action="/', 'poster="/', 'xhref="/', 'href="//', '="/', 'href="', '"', "people/", "a/b/", "#x", "?q=1", " ", "<a ", ">", "text");
    const page = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
    const url = fc.constantFrom("/", "/people/ada/", "/2019/04/08/sync/", "/2019/04/sync/", "/series/x/feed.atom.xml", "/2019/04/08/sync/index.html");
    fc.assert(fc.property(page, url, (html, at) => relativizeHtml(html, at) === relativizeHtmlByPattern(html, at)), { numRuns: 3000 });
  });
});
