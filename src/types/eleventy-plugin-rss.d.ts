// @11ty/eleventy-plugin-rss 3.0.0 ships JavaScript without types; these are
// the exports minutebook's feeds use (src/site/feeds/).
declare module "@11ty/eleventy-plugin-rss" {
  /** RFC 3339 in UTC, without milliseconds: "2019-04-08T00:00:00Z". */
  export function dateToRfc3339(date: Date): string;
  /** RFC 822 as RSS wants it; the zone defaults to the machine's, so pass one. */
  export function dateToRfc822(date: Date | string | number, timeZone?: string): string;
  /** `new URL(url, base)` as a string, or `url` unchanged when that fails. */
  export function absoluteUrl(url: string, base: string): string;
  /** Every URL attribute of an HTML fragment resolved against `base` (posthtml). */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: { closingSingleTag?: string }): Promise<string>;
  export function feedPlugin(eleventyConfig: unknown, options?: unknown): void;
  export default function rssPlugin(eleventyConfig: unknown, options?: unknown): void;
}
