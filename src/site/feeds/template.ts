// The feed templates (templates/feed-atom.11ty.ts, feed-rss.11ty.ts): one
// output per feed, paginated like the pages over a small list of refs
// (`minutebook.feeds`, empty when the site has no URL, so nothing is
// written); the XML is rendered from the archive itself.
import type { Archive } from "../../archive/model.ts";
import { inTurn } from "../slices.ts";
import { archive } from "../state.ts";
import { listFeeds, feedByKey, type FeedFormat } from "./model.ts";
import { renderFeed } from "./render.ts";

export interface FeedRef {
  id: string;
  atom: string;
  rss: string;
}

/** What the plugin's global data lists: every feed's key and files. */
export function feedRefs(a: Archive): FeedRef[] {
  return listFeeds(a).map((f) => ({ id: f.key, atom: f.atom, rss: f.rss }));
}

export function feedTemplate(format: FeedFormat) {
  return {
    data: {
      pagination: { data: "minutebook.feeds", size: 1, alias: "feed" },
      permalink: (d: { feed: FeedRef }): string => d.feed[format],
      eleventyExcludeFromCollections: true,
    },
    render: (d: { feed: FeedRef }): Promise<string> =>
      Promise.resolve(
        inTurn(() => {
          const a = archive();
          const feed = feedByKey(a, d.feed.id);
          if (!feed) throw new Error(`minutebook: no feed ${d.feed.id}`);
          return renderFeed(a, feed, format);
        }),
      ),
  };
}
