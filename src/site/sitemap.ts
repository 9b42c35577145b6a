// sitemap.xml and robots.txt, written after the pages: the sitemap lists
// every page the build wrote, so it can't fall behind a new page type.
import { writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { SiteConfig } from "../archive/model.ts";

/** `written`: the files the build wrote, relative to outDir (pages are the index.html among them). */
export function writeSiteMeta(outDir: string, site: SiteConfig, written: readonly string[]): void {
  const base = site.url;
  const robots = ["User-agent: *", "Allow: /", ...(base ? [`Sitemap: ${base}sitemap.xml`] : []), ""].join("\n");
  writeFileSync(join(outDir, "robots.txt"), robots);
  if (!base) return;
  const pages = [
    ...new Set(
      written
        .map((file) => file.split(sep))
        .filter((parts) => parts.at(-1) === "index.html" && parts[0] !== "..")
        .map((parts) => parts.slice(0, -1).join("/"))
        .map((dir) => (dir ? `${dir}/` : "")),
    ),
  ].sort();
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((p) => `<url><loc>${escapeXml(base + p.split("/").map(encodeURIComponent).join("/"))}</loc></url>`),
    "</urlset>",
    "",
  ].join("\n");
  writeFileSync(join(outDir, "sitemap.xml"), xml);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
