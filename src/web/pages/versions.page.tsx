import type { ProgrammeComparison } from '../../app/programmes/diff-programmes.js';
import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import {
  ContentText,
  contentText,
  lacksEnglish,
  programmeName,
  SwedishContentNotice,
  SwedishData,
  swedishData,
} from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { StatusTag } from '../components/status-tag.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';

function CompareForm({ items, from, to }: { items: ProgrammeListItem[]; from?: string; to?: string }) {
  const t = texts().versions;
  const options = items.map((i) => ({
    value: i.programme.slug,
    label: `${contentText(i.programme.name, i.programme.nameEn)} (${i.programme.slug})`,
  }));
  return (
    <form method="get" action={localized('/versioner/jamfor')} class="panel">
      <h2 class="ds-heading" data-size="sm">
        {t.compareHeading}
      </h2>
      <Select id="fran" label={t.from} options={options} value={from} />
      <Select id="till" label={t.to} options={options} value={to} />
      <Button>{t.showDifferences}</Button>
    </form>
  );
}

/** The programme family tree and a way to compare any two versions. */
export function VersionsPage({ items }: { items: ProgrammeListItem[] }) {
  const t = texts();
  const v = t.versions;
  const bySlug = new Map(items.map((i) => [i.programme.id, i.programme]));
  const withGoals = items.filter((i) => i.programme.derivedFromProgrammeId !== null);
  const last = withGoals.at(-2);
  return (
    <Layout title={v.title} description={v.description} current="/versioner">
      <h1>{v.title}</h1>
      <SwedishContentNotice show={items.some((i) => lacksEnglish(i.programme))} />
      <p class="ds-paragraph">{v.lead}</p>
      <DataTable
        caption={v.caption}
        rowHeaders
        columns={[
          { label: v.columns.programme },
          { label: v.columns.derivedFrom },
          { label: v.columns.replaces },
          { label: v.columns.status },
          { label: v.columns.compare },
        ]}
        rows={items.map(({ programme, status }) => {
          const base =
            programme.derivedFromProgrammeId === null ? undefined : bySlug.get(programme.derivedFromProgrammeId);
          const replaces =
            programme.replacesProgrammeId === null ? undefined : bySlug.get(programme.replacesProgrammeId);
          return [
            <a class="ds-link" href={localized(`/program/${programme.slug}`)}>
              <ContentText sv={programme.name} en={programme.nameEn} /> <span class="meta">({programme.slug})</span>
            </a>,
            base ? base.slug : '–',
            replaces ? replaces.slug : '–',
            <StatusTag kind={status.kind} label={t.common.statusLabel(status)} />,
            base ? (
              <a class="ds-link" href={localized(`/versioner/jamfor?fran=${base.slug}&till=${programme.slug}`)}>
                {base.slug} → {programme.slug}
              </a>
            ) : (
              '–'
            ),
          ];
        })}
      />
      <CompareForm items={items} from={last?.programme.slug} to={withGoals.at(-1)?.programme.slug} />
    </Layout>
  );
}

/** The difference between two versions: a memo-ready list (always Swedish), then the details behind it. */
export function ComparePage({ comparison, items }: { comparison: ProgrammeComparison; items: ProgrammeListItem[] }) {
  const { from, to, diff, lines } = comparison;
  const t = texts();
  const v = t.versions;
  const sv = texts('sv').versions;
  return (
    <Layout
      title={v.compareTitle(from.slug, to.slug)}
      description={v.compareDescription(programmeName(from), programmeName(to))}
      current="/versioner"
    >
      <Breadcrumbs
        items={[
          { href: localized('/'), label: t.common.start },
          { href: localized('/versioner'), label: t.layout.menu.versions },
        ]}
        current={v.compareBreadcrumb}
      />
      <h1>{v.compareHeadingFromTo(from.slug, to.slug)}</h1>
      <SwedishContentNotice />
      <p class="ds-paragraph lead">
        {v.fromWord} <ContentText sv={from.name} en={from.nameEn} /> ({from.slug}) {v.toWord}{' '}
        <ContentText sv={to.name} en={to.nameEn} /> ({to.slug}).
      </p>
      <section aria-labelledby="lista-rubrik">
        <h2 class="ds-heading" data-size="md" id="lista-rubrik">
          {v.listHeading}
        </h2>
        {lines.length === 0 ? (
          <p class="ds-paragraph">{v.noChanges}</p>
        ) : (
          <>
            {v.listInSwedish && <p class="ds-paragraph">{v.listInSwedish}</p>}
            <p class="ds-paragraph" lang={swedishData()}>
              {sv.listIntro}
            </p>
            <ul class="ds-list diff-lines" lang={swedishData()}>
              {lines.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
            <label class="ds-label" for="klistra">
              {v.copyLabel}
            </label>
            <textarea id="klistra" class="ds-input" rows={Math.min(lines.length + 2, 16)} readonly lang={swedishData()}>
              {[sv.listIntro, ...lines.map((l) => `– ${l}`)].join('\n')}
            </textarea>
          </>
        )}
      </section>
      <section aria-labelledby="mal-rubrik">
        <h2 class="ds-heading" data-size="md" id="mal-rubrik">
          {v.goalsHeading}
        </h2>
        <DataTable
          caption={v.matchedCaption}
          columns={[
            { label: v.goalIn(from.slug) },
            { label: v.goalIn(to.slug) },
            { label: v.matchedOn },
            { label: v.change },
          ]}
          rows={diff.goals.matched.map((m) => [
            <SwedishData>{`${m.from.title} (${m.from.focusAreaName})`}</SwedishData>,
            <SwedishData>{`${m.to.title} (${m.to.focusAreaName})`}</SwedishData>,
            v.basis[m.basis],
            [
              m.reworded && v.reworded,
              m.moved && v.moved,
              m.strategies.added.length + m.strategies.removed.length + m.strategies.reworded.length > 0 &&
                v.strategiesChanged,
            ]
              .filter(Boolean)
              .join(', ') || v.unchanged,
          ])}
          empty={v.noMatched}
        />
        <DataTable
          caption={v.changedCaption}
          columns={[{ label: v.goal }, { label: v.focusArea }, { label: v.change }]}
          rows={[
            ...diff.goals.removed.map((g) => [
              <SwedishData>{g.title}</SwedishData>,
              <SwedishData>{g.focusAreaName}</SwedishData>,
              v.removed,
            ]),
            ...diff.goals.added.map((g) => [
              <SwedishData>{g.title}</SwedishData>,
              <SwedishData>{g.focusAreaName}</SwedishData>,
              v.added,
            ]),
          ]}
          empty={v.noChanged}
        />
      </section>
      <CompareForm items={items} from={from.slug} to={to.slug} />
    </Layout>
  );
}
