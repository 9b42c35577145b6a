// Every template of the site, one module each, registered by the plugin as
// Eleventy virtual templates (11ty.js objects with data and render) under
// these names.
import * as archiveIndex from "./archive-index.11ty.ts";
import * as feedAtom from "./feed-atom.11ty.ts";
import * as feedRss from "./feed-rss.11ty.ts";
import * as feedsPage from "./feeds-page.11ty.ts";
import * as home from "./home.11ty.ts";
import * as initiative from "./initiative.11ty.ts";
import * as initiativesIndex from "./initiatives-index.11ty.ts";
import * as meeting from "./meeting.11ty.ts";
import * as meetingsJson from "./meetings-json.11ty.ts";
import * as notFound from "./not-found.11ty.ts";
import * as peopleFilterJs from "./people-filter-js.11ty.ts";
import * as peopleIndex from "./people-index.11ty.ts";
import * as person from "./person.11ty.ts";
import * as search from "./search.11ty.ts";
import * as seriesIndex from "./series-index.11ty.ts";
import * as series from "./series.11ty.ts";
import * as year from "./year.11ty.ts";

export interface Template {
  data: Record<string, unknown>;
  render: (data: never) => string | Promise<string>;
  /** The output a piece at a time, for a writer that need not hold it whole (templates/paged.ts singleInPieces). */
  pieces?: (data: never) => Iterable<string>;
}

const template = (m: { data: object; render: Template["render"]; pieces?: Template["pieces"] }): Template => ({
  data: m.data as Record<string, unknown>,
  render: m.render,
  ...(m.pieces ? { pieces: m.pieces } : {}),
});

export const TEMPLATES: Record<string, Template> = {
  "archive-index.11ty.js": template(archiveIndex),
  "feed-atom.11ty.js": template(feedAtom),
  "feed-rss.11ty.js": template(feedRss),
  "feeds-page.11ty.js": template(feedsPage),
  "home.11ty.js": template(home),
  "initiative.11ty.js": template(initiative),
  "initiatives-index.11ty.js": template(initiativesIndex),
  "meeting.11ty.js": template(meeting),
  "meetings-json.11ty.js": template(meetingsJson),
  "not-found.11ty.js": template(notFound),
  "people-filter-js.11ty.js": template(peopleFilterJs),
  "people-index.11ty.js": template(peopleIndex),
  "person.11ty.js": template(person),
  "search.11ty.js": template(search),
  "series-index.11ty.js": template(seriesIndex),
  "series.11ty.js": template(series),
  "year.11ty.js": template(year),
};
