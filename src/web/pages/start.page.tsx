import type { CollaborationView } from '../../app/collaboration.js';
import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import { ButtonLink } from '../components/button.js';
import {
  ContentText,
  lacksEnglish,
  SwedishContentNotice,
  SwedishData,
  swedishData,
} from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { ProgrammeFacts } from './programme-facts.js';

export interface StartPageProps {
  view: CollaborationView;
  inForce: ProgrammeListItem | undefined;
  latestWithGoals: ProgrammeListItem | undefined;
}

/**
 * The cooperation at a glance: who takes part, the programme in force, how the work is organised. The
 * cooperation's own descriptions (bodies, networks, meetings) are Swedish data: marked so on English pages.
 */
export function StartPage({ view, inForce, latestWithGoals }: StartPageProps) {
  const { collaboration, members, networks, bodies, events } = view;
  const t = texts();
  const p = t.programme;
  const cooperationBodies = bodies.filter((b) => b.memberId === null);
  const shown = [inForce, latestWithGoals].filter((i) => i !== undefined).map((i) => i.programme);
  return (
    <Layout title={collaboration.name} description={p.startDescription(collaboration.name, members.length)} current="/">
      <h1>{collaboration.name}</h1>
      <p class="ds-paragraph lead">{p.startLead(members.length, collaboration.formalisedYear)}</p>
      <SwedishContentNotice show={shown.some(lacksEnglish) || cooperationBodies.length + networks.length > 0} />

      <section aria-labelledby="gallande-rubrik" class="panel">
        <h2 class="ds-heading" data-size="md" id="gallande-rubrik">
          {p.inForceHeading}
        </h2>
        {inForce ? (
          <>
            <p class="ds-paragraph">
              <a class="ds-link" href={localized(`/program/${inForce.programme.slug}`)}>
                <ContentText sv={inForce.programme.name} en={inForce.programme.nameEn} />
              </a>
            </p>
            <ProgrammeFacts programme={inForce.programme} status={inForce.status} />
            {inForce.programme.note && (
              <p class="ds-paragraph" lang={swedishData()}>
                {inForce.programme.note}
              </p>
            )}
            <div class="actions">
              <ButtonLink href={localized(`/program/${inForce.programme.slug}/antagande`)}>{p.whoAdopted}</ButtonLink>
            </div>
          </>
        ) : (
          <p class="ds-paragraph">{p.noneInForce}</p>
        )}
        {latestWithGoals && latestWithGoals.programme.id !== inForce?.programme.id && (
          <p class="ds-paragraph">
            {p.latestWithGoalsBefore}{' '}
            <a class="ds-link" href={localized(`/program/${latestWithGoals.programme.slug}`)}>
              <ContentText sv={latestWithGoals.programme.name} en={latestWithGoals.programme.nameEn} />
            </a>
            .
          </p>
        )}
      </section>

      <section aria-labelledby="medlemmar-rubrik">
        <h2 class="ds-heading" data-size="md" id="medlemmar-rubrik">
          {p.membersHeading}
        </h2>
        <ul class="ds-list columns">
          {members.map((m) => (
            <li>
              {m.name} <span class="meta">{p.municipalityCode(m.code)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="organisation-rubrik">
        <h2 class="ds-heading" data-size="md" id="organisation-rubrik">
          {p.organisationHeading}
        </h2>
        <dl class="facts" lang={swedishData()}>
          {cooperationBodies.map((b) => (
            <>
              <dt>{b.name}</dt>
              <dd>{b.description}</dd>
            </>
          ))}
        </dl>
        <h3 class="ds-heading" data-size="sm">
          {p.networksHeading}
        </h3>
        <ul class="ds-list" lang={swedishData()}>
          {networks.map((n) => (
            <li>
              {n.name}
              {n.area && <span class="meta"> – {n.area}</span>}
            </li>
          ))}
        </ul>
      </section>

      {events.length > 0 && (
        <section aria-labelledby="moten-rubrik">
          <h2 class="ds-heading" data-size="md" id="moten-rubrik">
            {p.meetingsHeading}
          </h2>
          <dl class="facts" lang={swedishData()}>
            {events.map((e) => (
              <>
                <dt>{e.name}</dt>
                <dd>
                  {[e.whenText, e.content, e.memoChange && texts('sv').programme.memoChange(e.memoChange)]
                    .filter(Boolean)
                    .join(' ')}
                </dd>
              </>
            ))}
          </dl>
        </section>
      )}
      <p class="ds-paragraph meta">
        {t.common.source}: <SwedishData>{collaboration.source}</SwedishData>
      </p>
    </Layout>
  );
}
