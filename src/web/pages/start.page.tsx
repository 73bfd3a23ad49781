import type { CollaborationView } from '../../app/collaboration.js';
import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import { ButtonLink } from '../components/button.js';
import { Layout } from '../layout.js';
import { ProgrammeFacts } from './programme-facts.js';

export interface StartPageProps {
  view: CollaborationView;
  inForce: ProgrammeListItem | undefined;
  latestWithGoals: ProgrammeListItem | undefined;
}

/** The cooperation at a glance: who takes part, the programme in force, how the work is organised. */
export function StartPage({ view, inForce, latestWithGoals }: StartPageProps) {
  const { collaboration, members, networks, bodies, events } = view;
  const cooperationBodies = bodies.filter((b) => b.memberId === null);
  return (
    <Layout
      title={collaboration.name}
      description={`${collaboration.name}: ${members.length} kommuners gemensamma utvecklingsprogram – vilket program som gäller, medlemmarna, organen och chefsnätverken, och var uppföljningen finns.`}
      current="/"
    >
      <h1>{collaboration.name}</h1>
      <p class="ds-paragraph lead">
        {members.length} kommuner driver ett gemensamt utvecklingsprogram
        {collaboration.formalisedYear ? `; samarbetet formaliserades ${collaboration.formalisedYear}` : ''}. Här finns
        programmen, medlemmarnas beslut om dem och skillnaderna mellan versionerna.
      </p>

      <section aria-labelledby="gallande-rubrik" class="panel">
        <h2 class="ds-heading" data-size="md" id="gallande-rubrik">
          Gällande program
        </h2>
        {inForce ? (
          <>
            <p class="ds-paragraph">
              <a class="ds-link" href={`/program/${inForce.programme.slug}`}>
                {inForce.programme.name}
              </a>
            </p>
            <ProgrammeFacts programme={inForce.programme} status={inForce.status} />
            {inForce.programme.note && <p class="ds-paragraph">{inForce.programme.note}</p>}
            <div class="actions">
              <ButtonLink href={`/program/${inForce.programme.slug}/antagande`}>
                Vilka har antagit programmet?
              </ButtonLink>
            </div>
          </>
        ) : (
          <p class="ds-paragraph">Inget program gäller i dag.</p>
        )}
        {latestWithGoals && latestWithGoals.programme.id !== inForce?.programme.id && (
          <p class="ds-paragraph">
            Det senaste programmet vars mål finns registrerade är{' '}
            <a class="ds-link" href={`/program/${latestWithGoals.programme.slug}`}>
              {latestWithGoals.programme.name}
            </a>
            .
          </p>
        )}
      </section>

      <section aria-labelledby="medlemmar-rubrik">
        <h2 class="ds-heading" data-size="md" id="medlemmar-rubrik">
          Medlemskommuner
        </h2>
        <ul class="ds-list columns">
          {members.map((m) => (
            <li>
              {m.name} <span class="meta">(kommunkod {m.code})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="organisation-rubrik">
        <h2 class="ds-heading" data-size="md" id="organisation-rubrik">
          Organisation
        </h2>
        <dl class="facts">
          {cooperationBodies.map((b) => (
            <>
              <dt>{b.name}</dt>
              <dd>{b.description}</dd>
            </>
          ))}
        </dl>
        <h3 class="ds-heading" data-size="sm">
          Chefsnätverk och samarbeten
        </h3>
        <ul class="ds-list">
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
            Återkommande möten
          </h2>
          <dl class="facts">
            {events.map((e) => (
              <>
                <dt>{e.name}</dt>
                <dd>
                  {[e.whenText, e.content, e.memoChange && `Förändring enligt programmet 2035: ${e.memoChange}.`]
                    .filter(Boolean)
                    .join(' ')}
                </dd>
              </>
            ))}
          </dl>
        </section>
      )}
      <p class="ds-paragraph meta">Källa: {collaboration.source}</p>
    </Layout>
  );
}
