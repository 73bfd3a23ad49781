/**
 * A document as a print-ready HTML page of its own: no site menu, one <h1>, sections as <h2>…<h4>, real
 * lists and tables, charts as inline SVG beside their tables. The same markup is what Chromium prints
 * to PDF: with `tagged` printing it derives the PDF's structure (headings, tables with header cells,
 * figures with alt text) from this DOM, so everything that matters lives in the body, never in page
 * margins (which Chromium leaves untagged).
 */
import { readFileSync } from 'node:fs';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import {
  contentsEntries,
  SOURCES_HEADING,
  type Block,
  type Content,
  type DocumentModel,
  type TableBlock,
} from './document-model.js';

/** The stylesheet of documents: served at DOCUMENT_STYLESHEET_HREF, and inlined when printing. */
export const DOCUMENT_STYLESHEET_FILE = new URL('../../assets/document.css', import.meta.url);
export const DOCUMENT_STYLESHEET_HREF = '/static/document.css';

let inlineCss: string | undefined;
const documentCss = (): string => (inlineCss ??= readFileSync(DOCUMENT_STYLESHEET_FILE, 'utf8'));

export interface HtmlRenderOptions {
  /**
   * `link` for the page served to browsers (the CSP allows only the site's own stylesheets);
   * `inline` for printing, where the HTML is handed to Chromium without a server behind it.
   */
  styles: 'link' | 'inline';
  /** With `link`: the stylesheet's address (the web layer's fingerprinted one); DOCUMENT_STYLESHEET_HREF if not given. */
  stylesheetHref?: string;
  /**
   * Links above the document (other formats, back to the page it belongs to); left out of print. An
   * item without `href` is said as text (e.g. that this server cannot make PDFs).
   */
  tools?: readonly { href?: string; label: string }[];
  /**
   * A token where the page count goes ("Sida 1 (token)"), replaced by the PDF printer once it knows the
   * count. Without it the first page says nothing about pages (a screen has none).
   */
  pageCountToken?: string;
}

/** The whole HTML document, doctype included. */
export function renderDocumentHtml(doc: DocumentModel, options: HtmlRenderOptions): string {
  return '<!DOCTYPE html>' + String(<DocumentPage doc={doc} options={options} />);
}

function DocumentPage({ doc, options }: { doc: DocumentModel; options: HtmlRenderOptions }) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.title}</title>
        <meta name="description" content={`${doc.documentType}: ${doc.title}, ${doc.issuer}, ${doc.date}.`} />
        <meta name="author" content={doc.issuer} />
        {options.styles === 'inline' ? (
          <style>{raw(documentCss())}</style>
        ) : (
          <link rel="stylesheet" href={options.stylesheetHref ?? DOCUMENT_STYLESHEET_HREF} />
        )}
      </head>
      <body>
        {options.tools?.length ? (
          <nav class="document-tools" aria-label="Dokumentet i andra format">
            <ul>
              {options.tools.map((t) => (
                <li>{t.href ? <a href={t.href}>{t.label}</a> : t.label}</li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main class="document">
          <header class="document-head">
            <p class="document-head__issuer">
              {doc.issuer}
              <span class="document-head__type">{doc.documentType}</span>
            </p>
            <h1>{doc.title}</h1>
            {doc.subtitle ? <p class="document-head__subtitle">{doc.subtitle}</p> : null}
            <dl class="document-facts">
              <FactItems items={doc.header} />
              {options.pageCountToken ? (
                <div>
                  <dt>Sida</dt>
                  <dd>
                    1 (<span data-page-count="">{options.pageCountToken}</span>)
                  </dd>
                </div>
              ) : null}
            </dl>
          </header>
          {doc.blocks.map((b) => (
            <BlockView block={b} doc={doc} />
          ))}
          <section aria-labelledby="kallor">
            <h2 id="kallor" tabindex={-1}>
              {SOURCES_HEADING}
            </h2>
            <ul class="document-sources">
              {doc.sources.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
            <p class="document-made">{`Skapat ${doc.date} i samverkan.`}</p>
          </section>
        </main>
      </body>
    </html>
  );
}

function BlockView({ block, doc }: { block: Block; doc: DocumentModel }): Child {
  switch (block.kind) {
    case 'heading':
      return <Heading level={block.level} id={block.id} text={block.text} />;
    case 'paragraph':
      return (
        <p class={block.style ? `document-${block.style}` : undefined}>
          <Text content={block.content} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item) => (
        <li>
          <Text content={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <Table table={block} />;
    case 'facts':
      return (
        <dl class="document-facts">
          <FactItems items={block.items} />
        </dl>
      );
    case 'figure':
      return (
        <figure class="document-figure">
          {/* The SVG is the chart module's own accessible markup (role="img", title and desc), never user input. */}
          <div class="document-figure__chart">{raw(block.svg)}</div>
          <figcaption>{block.caption}</figcaption>
          <Table table={block.table} />
        </figure>
      );
    case 'notice':
      return (
        <p class="document-notice">
          <strong>{block.text}</strong>
        </p>
      );
    case 'signatures':
      return (
        <ul class="document-signatures" aria-label="Underskrifter">
          {block.people.map((p) => (
            <li>
              <span class="document-signatures__name">
                <Text content={p.name} />
              </span>
              <span class="document-signatures__title">
                <Text content={p.title} />
              </span>
            </li>
          ))}
        </ul>
      );
    case 'contents':
      return (
        <nav class="document-contents" aria-labelledby="innehall">
          <h2 id="innehall">Innehåll</h2>
          <ol>
            {[...contentsEntries(doc), { id: 'kallor', text: SOURCES_HEADING }].map((e) => (
              <li>
                <a href={`#${e.id}`}>{e.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      );
    case 'pageBreak':
      return <div class="document-page-break" aria-hidden="true" />;
  }
}

/**
 * A heading with an id is a target of the contents' links: tabindex="-1" lets following the link move the
 * keyboard focus there (Chromium otherwise leaves it at the top of the page), so the next Tab goes on
 * from the section, not from the start.
 */
function Heading({ level, id, text }: { level: 2 | 3 | 4; id: string | undefined; text: string }) {
  const tabindex = id ? -1 : undefined;
  if (level === 2)
    return (
      <h2 id={id} tabindex={tabindex}>
        {text}
      </h2>
    );
  if (level === 3)
    return (
      <h3 id={id} tabindex={tabindex}>
        {text}
      </h3>
    );
  return (
    <h4 id={id} tabindex={tabindex}>
      {text}
    </h4>
  );
}

/**
 * A table in a labelled region that takes keyboard focus: on a narrow screen a wide table scrolls inside
 * it rather than pushing the page sideways (WCAG 1.4.10), and the keyboard can scroll it (axe:
 * scrollable-region-focusable), as the site's own tables do.
 */
function Table({ table }: { table: TableBlock }) {
  const numeric = new Set(table.numericColumns ?? []);
  const cls = (i: number) => (numeric.has(i) ? 'num' : undefined);
  return (
    <div class="document-table" role="region" aria-label={table.caption} tabindex={0}>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th scope="col" class={cls(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              {row.map((cell, i) =>
                i === 0 && table.rowHeaders ? (
                  <th scope="row" class={cls(i)}>
                    {cell}
                  </th>
                ) : (
                  <td class={cls(i)}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Label–value pairs inside a <dl>, each pair in a <div> (the grid's row). */
function FactItems({ items }: { items: readonly { term: string; value: Content }[] }) {
  return (
    <>
      {items.map((f) => (
        <div>
          <dt>{f.term}</dt>
          <dd>
            <Text content={f.value} />
          </dd>
        </div>
      ))}
    </>
  );
}

/** Text and runs; a placeholder is bracketed and marked, so it shows without colour too. */
function Text({ content }: { content: Content }) {
  if (typeof content === 'string') return <>{content}</>;
  return (
    <>
      {content.map((run) => {
        if (typeof run === 'string') return run;
        if (run.placeholder) return <mark class="document-placeholder">{`[${run.text}]`}</mark>;
        const text = run.strong ? <strong>{run.text}</strong> : run.text;
        return run.href ? <a href={run.href}>{text}</a> : text;
      })}
    </>
  );
}
