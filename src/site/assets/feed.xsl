<?xml version="1.0" encoding="utf-8"?>
<!--
  minutebook: shows an Atom or RSS feed of the archive as a readable page when
  it is opened in a browser (feed readers ignore it). Titles, dates and
  summaries only: the entries' HTML stays in the feed for the readers. The
  output has no script and loads nothing: its style is inline.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="atom" select="boolean(atom:feed)"/>
    <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
    <xsl:variable name="subtitle" select="atom:feed/atom:subtitle | rss/channel/description"/>
    <xsl:variable name="page" select="atom:feed/atom:link[@rel='alternate' and @type='text/html']/@href | rss/channel/link"/>
    <xsl:variable name="self" select="atom:feed/atom:link[@rel='self']/@href | rss/channel/atom:link[@rel='self']/@href"/>
    <html lang="{atom:feed/@xml:lang | rss/channel/language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #57606a; --line: #d7dbe0; --soft: #f4f5f7; --link: #0b5cad; }
          @media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --bg: #111418; --muted: #a2abb5; --line: #343b44; --soft: #1b2027; --link: #7cb7ff; } }
          body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
          main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); }
          .about { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
          .about p { margin: .25rem 0; }
          code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
          h1 { font-size: 1.8rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }
          .lead, .meta { color: var(--muted); }
          ol { list-style: none; padding: 0; }
          li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
          li h2 { font-size: 1.1rem; margin: 0; line-height: 1.35; }
          li p { margin: .2rem 0 0; }
          time { font-variant-numeric: tabular-nums; }
        </style>
      </head>
      <body>
        <main>
          <div class="about">
            <p><strong>This is a web feed</strong> (<xsl:choose><xsl:when test="$atom">Atom</xsl:when><xsl:otherwise>RSS</xsl:otherwise></xsl:choose>). To follow it, copy its address into a feed reader:</p>
            <p><code><xsl:value-of select="$self"/></code></p>
          </div>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="lead"><xsl:value-of select="$subtitle"/></p>
          <p><a href="{$page}">Open the page on the site</a></p>
          <ol>
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="meta"><time datetime="{substring(atom:updated, 1, 10)}"><xsl:value-of select="substring(atom:updated, 1, 10)"/></time></p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <!-- "Mon, 08 Apr 2019 00:00:00 +0000": the date without the time -->
      <p class="meta"><time><xsl:value-of select="substring(pubDate, 1, 16)"/></time></p>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
