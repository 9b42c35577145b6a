// One page per item of a list in the archive, as Eleventy pagination does
// for tag pages: the data holds only ids and URLs, the page is rendered from
// the archive itself.
import type { Archive } from "../../archive/model.ts";
import type { PageRef } from "../parts.ts";
import { inTurn } from "../slices.ts";
import { archive } from "../state.ts";

export type { PageRef };

type PartData = { minutebook: { first: boolean } };

/** Pages that stand alone are written by the first part of a build in parts (../parts.ts). */
export function firstPart(permalink: string) {
  return (d: PartData): string | false => (d.minutebook.first ? permalink : false);
}

/**
 * Eleventy renders a template whose permalink is false all the same (its
 * content could be used elsewhere): outside the first part, a page that
 * stands alone renders as nothing, or the data file and every index would be
 * made again by every part.
 */
export function inFirstPart<T>(render: () => T): (d: PartData) => T | "" {
  return (d) => (d.minutebook.first ? render() : "");
}

export function paged(list: "meetings" | "series" | "years" | "people" | "initiatives", render: (a: Archive, id: string) => string) {
  return {
    data: {
      pagination: { data: `minutebook.${list}`, size: 1, alias: "item" },
      permalink: (d: { item: PageRef }): string => d.item.url,
      eleventyExcludeFromCollections: true,
    },
    render: (d: { item: PageRef }): string | Promise<string> => inTurn(() => render(archive(), d.item.id)),
  };
}

export function single(permalink: string, render: (a: Archive) => string) {
  return {
    data: { permalink: firstPart(permalink), eleventyExcludeFromCollections: true },
    render: inFirstPart(() => inTurn(() => render(archive()))),
  };
}

/**
 * A standalone file made of many pieces (the data file): the CLI's build
 * writes them one by one (page-writer.ts), Eleventy is given them joined.
 */
export function singleInPieces(permalink: string, pieces: (a: Archive) => Iterable<string>) {
  return {
    ...single(permalink, (a) => [...pieces(a)].join("")),
    pieces: (d: PartData): Iterable<string> => (d.minutebook.first ? pieces(archive()) : []),
  };
}
