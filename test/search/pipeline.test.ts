// The search pipeline: what readers type is read as the notes were.
import { describe, expect, it } from "vitest";
import lunr from "lunr";
import fc from "fast-check";
import { analyze, countLines, countTerms, fieldTerms, normalizeTerm, searchPipeline, splitWord, tokenize } from "../../src/search/pipeline.ts";
import { parseQuery } from "../../src/search/query.ts";

const terms = (text: string): string[] => analyze(text).map((t) => t.term);
/** The terms a query's words must match (the word itself when the index could hold it). */
const queryTerms = (q: string): (string | null)[] => parseQuery(q + " ").map((w) => w.term);

describe("the tokenizer and pipeline", () => {
  it("reads a handle with or without @ as the same term", () => {
    expect(terms("@stebalien")).toEqual(terms("stebalien"));
    expect(terms("@Stebalien:")).toEqual(terms("stebalien"));
    expect(queryTerms("@stebalien")).toEqual(queryTerms("stebalien"));
    // A handle with a hyphen is found whole and by its parts.
    expect(terms("@em-ly")).toEqual(["em-ly", "em", "ly"]);
  });

  it("keeps versions whole, with their shorter versions, so 0.4 finds 0.4.19", () => {
    expect(terms("0.4.19")).toEqual(["0.4.19", "0.4"]);
    expect(terms("v0.4.19")).toEqual(["0.4.19", "0.4"]);
    expect(terms("1.2.3.4")).toEqual(["1.2.3.4", "1.2.3", "1.2"]);
    expect(terms("0.4.19-rc1")).toContain("0.4.19");
    expect(terms("0.4.19-rc1")).toContain("0.4");
    expect(queryTerms("0.4")).toEqual(["0.4"]);
    expect(queryTerms("v0.4.19")).toEqual(["0.4.19"]);
  });

  it("keeps hyphenated, slashed and issue names whole and finds their parts", () => {
    expect(terms("go-ipfs")).toEqual(["go-ipfs", "go", "ipf"]);
    expect(terms("base32/cidv1")).toEqual(["base32/cidv1", "base32", "cidv1"]);
    expect(terms("Base32/CIDv1")).toEqual(terms("base32/cidv1"));
    expect(terms("CIDv1")).toEqual(["cidv1"]);
    // An issue reference, written with its owner or not, holds the shorter one.
    expect(terms("ipfs/go-ipfs#5783")).toEqual(expect.arrayContaining(["ipfs/go-ipfs#5783", "go-ipfs#5783", "go-ipfs", "5783"]));
    expect(terms("go-ipfs#5783")).toEqual(expect.arrayContaining(["go-ipfs#5783", "go-ipfs", "5783"]));
    expect(queryTerms("go-ipfs#5783")).toEqual(["go-ipfs#5783"]);
    expect(queryTerms("#5783")).toEqual(["5783"]);
  });

  it("reads a question marker Q(@name): as a term of its own, and the name", () => {
    expect(terms("Q(@lidel): are we able to ship?")).toEqual(["q@lidel", "lidel", "ship"]);
    expect(terms("Q (lidel)")).toContain("q@lidel");
    expect(queryTerms("Q(@lidel):")).toEqual(["q@lidel"]);
    // The name's position is where it is written, for highlighting.
    const name = analyze("Q(@lidel): x").find((t) => t.term === "lidel")!;
    expect("Q(@lidel): x".slice(name.start, name.start + name.length)).toBe("lidel");
  });

  it("stems English prose and drops stop words", () => {
    expect(terms("The meetings were running")).toEqual(["meet", "run"]);
    expect(normalizeTerm("the")).toBeNull();
    expect(normalizeTerm("releases")).toBe(normalizeTerm("release"));
    // Not the names: a compound or a word with digits stays as written.
    expect(normalizeTerm("go-ipfs")).toBe("go-ipfs");
    expect(normalizeTerm("cidv1")).toBe("cidv1");
  });

  it("gives every term the place it is written", () => {
    const text = "See ipfs/go-ipfs#5783 (by @stebalien) and v0.4.19.";
    for (const t of analyze(text)) {
      const written = text.slice(t.start, t.start + t.length).toLowerCase();
      if (t.term === "q@lidel" || /^[a-z]+$/.test(t.term)) continue; // stems differ from what is written
      expect(written.replace(/^v/, ""), t.term).toBe(t.term);
    }
  });

  it("splits words at their strongest separator first", () => {
    expect(splitWord("ipfs/go-ipfs#5783").map((p) => p.text)).toEqual(["ipfs", "go-ipfs#5783"]);
    expect(splitWord("go-ipfs#5783").map((p) => p.text)).toEqual(["go-ipfs", "5783"]);
    expect(splitWord("a/b/c").map((p) => p.text)).toEqual(["a", "b", "c", "b/c"]);
    expect(splitWord("q@lidel").map((p) => p.text)).toEqual(["lidel"]);
  });

  it("gives the same terms, in the same order, as lunr running the registered pipeline", () => {
    const pipeline = searchPipeline();
    const texts = [
      "Q(@lidel): Are we able to ship support for PeerIDs represented in CIDv1 before IPFS Camp?",
      "@stebalien: ipfs/go-ipfs#5783 needs v0.4.19 (and 0.4.18-rc2); see base32/cidv1, e.g. ipfs.io and js-ipfs@0.35.0.",
      "Don't forget Renée's “quoted” notes — über-fast, naïve café; 日本語 too.",
    ];
    for (const text of texts) {
      expect(fieldTerms(text)).toEqual(pipeline.run(tokenize(text)).map((t) => t.toString()));
    }
    // The functions are registered with lunr, so a serialised pipeline loads.
    expect(lunr.Pipeline.load(["minutebook-split", "minutebook-stop", "minutebook-stem"])).toBeInstanceOf(lunr.Pipeline);
  });
});

describe("the index builder's counts", () => {
  const counted = (text: string): [Map<string, number>, number] => {
    const tf = new Map<string, number>();
    return [tf, countTerms(text, tf)];
  };
  const expected = (text: string): [Map<string, number>, number] => {
    const list = fieldTerms(text);
    const tf = new Map<string, number>();
    for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
    return [tf, list.length];
  };

  it("count each term as often as fieldTerms lists it, first met first", () => {
    for (const text of ["Q(@lidel): Q(@lidel) _Q(@x) aQ(@y) q (@z)", "@stebalien's #5783 v0.4.19 ipfs/go-ipfs#5783 the and of", "", "— ¿ !"]) {
      const [tf, length] = counted(text);
      const [want, wantLength] = expected(text);
      expect([...tf]).toEqual([...want]);
      expect(length).toBe(wantLength);
    }
  });

  it("agree with fieldTerms on generated text, whatever stands around a token", () => {
    // Tokens are remembered by how they are written: the same token must count the same in any context.
    const piece = fc.constantFrom("Q(@", "q (@", ")", "@", "#", "_", "-", ".", "/", "'s", "’", "v0.4.19", "0.4", "ipfs", "go-ipfs", "Renée", "the", "running", "x", "1", " ", "\n", ":", "(", "日本");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        const [tf, length] = counted(text);
        const [want, wantLength] = expected(text);
        expect([...tf]).toEqual([...want]);
        expect(length).toBe(wantLength);
        // A line at a time, for the short fields: the same.
        const byLine = new Map<string, number>();
        expect(countLines(text, byLine)).toBe(wantLength);
        expect([...byLine]).toEqual([...want]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("queries", () => {
  it("never read user text as lunr syntax", () => {
    for (const q of ["foo:", "+", "~", "*", "-", "^", "title:foo", "foo~2", "+bar -baz", "ipfs^10", "a*b", "*ipfs", ":", "\\", '"', "(", "[]", "{}", "\u0000", "Q(@x):", "@", "#", "🚀"]) {
      expect(() => parseQuery(q), q).not.toThrow();
    }
    expect(queryTerms("foo:")).toEqual(["foo"]);
    expect(queryTerms("+ ~ * -")).toEqual([]);
    expect(queryTerms("title:foo")).toEqual(["titl", "foo"]);
  });

  it("treats the last word as still being typed unless the query ends with a space", () => {
    expect(parseQuery("bitsw").map((w) => w.prefix)).toEqual(["bitsw"]);
    expect(parseQuery("bitsw ").map((w) => w.prefix)).toEqual([null]);
    expect(parseQuery("go b").map((w) => w.prefix)).toEqual([null, null]);
    // A stop word being typed is not a prefix of everything.
    expect(parseQuery("meeting the")).toHaveLength(1);
  });
});
