import { texts } from '../i18n/texts.js';

/**
 * Where the page sits: a labelled nav with an ordered list of links, ending in the current page
 * marked aria-current="page" (not a link: it would lead nowhere).
 */

export interface BreadcrumbLink {
  href: string;
  label: string;
}

export interface BreadcrumbsProps {
  /** From the top down, not including the current page. */
  items: readonly BreadcrumbLink[];
  /** The current page's name, shown last; omit to end with the last link. */
  current?: string;
}

export function Breadcrumbs({ items, current }: BreadcrumbsProps) {
  return (
    <nav class="ds-breadcrumbs breadcrumbs" aria-label={texts().layout.breadcrumbsLabel}>
      <ol>
        {items.map((item) => (
          <li>
            <a class="ds-link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
        {current !== undefined && (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
