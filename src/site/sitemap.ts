// sitemap.xml and robots.txt, written after the pages: the sitemap lists
// every page the build wrote, so it can't fall behind a new page type.
import { readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SiteConfig } from "../archive/model.ts";

export function writeSiteMeta(outDir: string, site: SiteConfig): void {
  const base = site.url;
  const robots = ["User-agent: *", "Allow: /", ...(base ? [`Sitemap: ${base}sitemap.xml`] : []), ""].join("\n");
  writeFileSync(join(outDir, "robots.txt"), robots);
  if (!base) return;
  const pages = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).slice(0, -1).join("/"))
    .map((dir) => (dir ? `${dir}/` : ""))
    .sort();
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
