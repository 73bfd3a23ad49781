import type { ProgrammeView, GoalLink } from '../../app/programmes/get-programme.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Goal, Perspective } from '../../domain/programme/programme.js';
import type { Network } from '../../storage/collaboration.repository.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { Layout } from '../layout.js';
import { proposalProblemHref } from './draft-propose-refused.page.js';
import { ProgrammeDocuments, ProgrammeFacts } from './programme-facts.js';

export interface ProgrammePageProps {
  view: ProgrammeView;
  networks: Network[];
  /** What stops a draft from being proposed (empty when it may be). */
  proposalProblems: FieldProblem[];
  /** Whether the viewer may read the members' memos on a proposed version (signed in with a role). */
  mayReadMemos?: boolean;
  /** Whether this server can make PDFs. */
  pdfAvailable?: boolean;
}

export const goalAnchor = (goalId: number) => `mal-${goalId}`;

const LineageLinks = ({ label, links }: { label: string; links: GoalLink[] }) =>
  links.length === 0 ? null : (
    <p class="ds-paragraph lineage">
      {label}{' '}
      {links.map((l, i) => (
        <>
          {i > 0 && ', '}
          <a class="ds-link" href={`/program/${l.programme.slug}#${goalAnchor(l.goalId)}`}>
            ”{l.title}” i {l.programme.name} ({l.programme.slug})
          </a>
        </>
      ))}
    </p>
  );

function GoalSection({
  goal,
  view,
  perspectives,
  networkName,
}: {
  goal: Goal;
  view: ProgrammeView;
  perspectives: Perspective[];
  networkName: (id: number | null) => string | null;
}) {
  const network = networkName(goal.networkId);
  return (
    <section class="goal" id={goalAnchor(goal.id)} aria-labelledby={`${goalAnchor(goal.id)}-rubrik`}>
      <h4 class="ds-heading" data-size="xs" id={`${goalAnchor(goal.id)}-rubrik`}>
        {goal.title}
      </h4>
      {network && <p class="ds-paragraph meta">Ansvarigt nätverk: {network}</p>}
      {goal.description && <p class="ds-paragraph">{goal.description}</p>}
      {perspectives.length > 0 && (
        <dl class="facts">
          {perspectives.map((p) => (
            <>
              <dt>Bidrag till {p.name.toLowerCase()}</dt>
              <dd>{goal.statements[p.id] || <em>Inte redovisat</em>}</dd>
            </>
          ))}
        </dl>
      )}
      {goal.strategies.length > 0 ? (
        <>
          <p class="ds-paragraph">Strategier:</p>
          <ul class="ds-list">
            {goal.strategies.map((s) => (
              <li>{s.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="ds-paragraph meta">Inga strategier finns i källan.</p>
      )}
      {goal.note && <p class="ds-paragraph meta">Anmärkning: {goal.note}</p>}
      <p class="ds-paragraph">
        <a class="ds-link" href={`/mal/${goal.id}`}>
          Nyckeltal och måluppfyllelse<span class="ds-sr-only"> för målet {goal.title}</span>
        </a>
      </p>
      <LineageLinks label="Fortsätter målet" links={view.goalPredecessors.get(goal.id) ?? []} />
      <LineageLinks label="Fortsätter i" links={view.goalSuccessors.get(goal.id) ?? []} />
    </section>
  );
}

/** A programme as structured text: facts, vision, perspectives, focus areas with goals and strategies. */
export function ProgrammePage({
  view,
  networks,
  proposalProblems,
  mayReadMemos = false,
  pdfAvailable = false,
}: ProgrammePageProps) {
  const { programme, status } = view;
  const networkName = (id: number | null) => networks.find((n) => n.id === id)?.name ?? null;
  const isDraft = programme.state === 'draft';
  return (
    <Layout
      title={programme.name}
      description={`${programme.name}: vision, övergripande mål, fokusområden, mål och strategier, genomgående perspektiv och antagandets status.`}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
        ]}
        current={programme.name}
      />
      <h1>{programme.name}</h1>
      <ProgrammeFacts
        programme={programme}
        status={status}
        predecessors={view.predecessors}
        successors={view.successors}
      />

      <div class="actions">
        {isDraft ? (
          <ButtonLink href={`/program/${programme.slug}/redigera`}>Redigera utkastet</ButtonLink>
        ) : (
          <ButtonLink href={`/program/${programme.slug}/antagande`}>Antagande och beslut</ButtonLink>
        )}
        {view.predecessors[0] && (
          <ButtonLink
            variant="secondary"
            href={`/versioner/jamfor?fran=${view.predecessors[0].slug}&till=${programme.slug}`}
          >
            Jämför med föregående version
          </ButtonLink>
        )}
        <ButtonLink variant="secondary" href={`/historik/program/${programme.slug}`}>
          Ändringshistorik
        </ButtonLink>
        {!isDraft && (
          <form method="post" action="/program/nytt" class="inline-form">
            <input type="hidden" name="from" value={programme.slug} />
            <Button variant="secondary">Nytt utkast utifrån detta program</Button>
          </form>
        )}
      </div>

      <ProgrammeDocuments programme={programme} mayReadMemos={mayReadMemos} pdfAvailable={pdfAvailable} />

      {isDraft && (
        <section aria-labelledby="foresla-rubrik" class="panel">
          <h2 class="ds-heading" data-size="sm" id="foresla-rubrik">
            Föreslå programmet för beslut
          </h2>
          {proposalProblems.length > 0 ? (
            <>
              <p class="ds-paragraph">Programmet kan föreslås när detta är åtgärdat:</p>
              <ul class="ds-list">
                {proposalProblems.map((p) => (
                  <li>
                    <a class="ds-link" href={proposalProblemHref(programme.slug, p.field)}>
                      {p.message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="ds-paragraph">
              Programmet är komplett. När det föreslås låses texten och medlemmarnas beslut kan registreras.
            </p>
          )}
          <form method="post" action={`/program/${programme.slug}/foresla`}>
            <input type="hidden" name="version" value={String(programme.version)} />
            <Button>Föreslå programmet</Button>
          </form>
        </section>
      )}

      {programme.vision && (
        <section aria-labelledby="vision-rubrik">
          <h2 class="ds-heading" data-size="md" id="vision-rubrik">
            Vision
          </h2>
          <p class="ds-paragraph">{programme.vision}</p>
        </section>
      )}
      {programme.overarchingGoal && (
        <section aria-labelledby="overgripande-rubrik">
          <h2 class="ds-heading" data-size="md" id="overgripande-rubrik">
            Övergripande mål
          </h2>
          <p class="ds-paragraph">{programme.overarchingGoal}</p>
        </section>
      )}

      <section aria-labelledby="perspektiv-rubrik">
        <h2 class="ds-heading" data-size="md" id="perspektiv-rubrik">
          Genomgående perspektiv
        </h2>
        {programme.perspectives.length > 0 ? (
          <dl class="facts">
            {programme.perspectives.map((p) => (
              <>
                <dt>{p.name}</dt>
                <dd>{p.description || '–'}</dd>
              </>
            ))}
          </dl>
        ) : (
          <p class="ds-paragraph">Inga perspektiv anges i källan för den här versionen.</p>
        )}
      </section>

      <section aria-labelledby="fokus-rubrik">
        <h2 class="ds-heading" data-size="md" id="fokus-rubrik">
          Fokusområden och mål
        </h2>
        {programme.focusAreas.length === 0 && (
          <p class="ds-paragraph">Programmet har inga fokusområden registrerade.</p>
        )}
        {programme.focusAreas.map((area) => (
          <section class="focus-area" aria-labelledby={`omrade-${area.id}`}>
            <h3 class="ds-heading" data-size="sm" id={`omrade-${area.id}`}>
              {area.name}
            </h3>
            {networkName(area.networkId) && (
              <p class="ds-paragraph meta">Ansvarigt nätverk: {networkName(area.networkId)}</p>
            )}
            {area.description && <p class="ds-paragraph">{area.description}</p>}
            {area.note && <p class="ds-paragraph meta">Anmärkning: {area.note}</p>}
            {area.goals.length === 0 && <p class="ds-paragraph meta">Inga mål registrerade i området.</p>}
            {area.goals.map((goal) => (
              <GoalSection goal={goal} view={view} perspectives={programme.perspectives} networkName={networkName} />
            ))}
          </section>
        ))}
      </section>

      {programme.statedChanges.length > 0 && (
        <section aria-labelledby="forandringar-rubrik">
          <h2 class="ds-heading" data-size="md" id="forandringar-rubrik">
            Förändringar från tidigare program, enligt programmet
          </h2>
          <ul class="ds-list">
            {programme.statedChanges.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </section>
      )}
      {programme.note && (
        <section aria-labelledby="anteckning-rubrik">
          <h2 class="ds-heading" data-size="md" id="anteckning-rubrik">
            Om uppgifterna
          </h2>
          {programme.note.split('\n').map((line) => (
            <p class="ds-paragraph">{line}</p>
          ))}
        </section>
      )}
    </Layout>
  );
}
