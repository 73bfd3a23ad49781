import type { ProgrammeView, GoalLink } from '../../app/programmes/get-programme.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Goal, Perspective } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import {
  contentLang,
  contentText,
  ContentText,
  lacksEnglish,
  programmeName,
  SwedishContentNotice,
  SwedishData,
  swedishData,
} from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
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
  /** The version's consultation (samråd), or for the secretariat the link that opens one. */
  consultation?: { href: string; label: string } | undefined;
}

export const goalAnchor = (goalId: number) => `mal-${goalId}`;

const LineageLinks = ({ label, links }: { label: string; links: GoalLink[] }) => {
  const t = texts().programme;
  const [open, close] = t.quote;
  return links.length === 0 ? null : (
    <p class="ds-paragraph lineage">
      {label}{' '}
      {links.map((l, i) => (
        <>
          {i > 0 && ', '}
          <a class="ds-link" href={`${localized(`/program/${l.programme.slug}`)}#${goalAnchor(l.goalId)}`}>
            {open}
            <ContentText sv={l.title} en={l.titleEn} />
            {close} {t.inProgramme} <ContentText sv={l.programme.name} en={l.programme.nameEn} /> ({l.programme.slug})
          </a>
        </>
      ))}
    </p>
  );
};

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
  const t = texts().programme;
  const network = networkName(goal.networkId);
  return (
    <section class="goal" id={goalAnchor(goal.id)} aria-labelledby={`${goalAnchor(goal.id)}-rubrik`}>
      <h4
        class="ds-heading"
        data-size="xs"
        id={`${goalAnchor(goal.id)}-rubrik`}
        lang={contentLang(goal.title, goal.titleEn)}
      >
        {contentText(goal.title, goal.titleEn)}
      </h4>
      {network && (
        <p class="ds-paragraph meta">
          {t.responsibleNetwork} <SwedishData>{network}</SwedishData>
        </p>
      )}
      {goal.description && (
        <p class="ds-paragraph" lang={contentLang(goal.description, goal.descriptionEn)}>
          {contentText(goal.description, goal.descriptionEn)}
        </p>
      )}
      {perspectives.length > 0 && (
        <dl class="facts">
          {perspectives.map((p) => (
            <>
              <dt>
                {t.contributionTo} <ContentText sv={p.name.toLowerCase()} en={p.nameEn?.toLowerCase()} />
              </dt>
              <dd lang={goal.statements[p.id] ? swedishData() : undefined}>
                {goal.statements[p.id] || <em>{t.notStated}</em>}
              </dd>
            </>
          ))}
        </dl>
      )}
      {goal.strategies.length > 0 ? (
        <>
          <p class="ds-paragraph">{t.strategies}</p>
          <ul class="ds-list">
            {goal.strategies.map((s) => (
              <li lang={contentLang(s.text, s.textEn)}>{contentText(s.text, s.textEn)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="ds-paragraph meta">{t.noStrategies}</p>
      )}
      {goal.note && (
        <p class="ds-paragraph meta">
          {t.note} <SwedishData>{goal.note}</SwedishData>
        </p>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={localized(`/mal/${goal.id}`)}>
          {t.goalEvidence}
          <span class="ds-sr-only">
            {t.goalEvidenceContext('')}
            <ContentText sv={goal.title} en={goal.titleEn} />
          </span>
        </a>
      </p>
      <LineageLinks label={t.continuesGoal} links={view.goalPredecessors.get(goal.id) ?? []} />
      <LineageLinks label={t.continuesIn} links={view.goalSuccessors.get(goal.id) ?? []} />
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
  consultation,
}: ProgrammePageProps) {
  const { programme, status } = view;
  const t = texts();
  const p = t.programme;
  const networkName = (id: number | null) => networks.find((n) => n.id === id)?.name ?? null;
  const isDraft = programme.state === 'draft';
  const name = programmeName(programme);
  return (
    <Layout title={name} description={p.description(name)} current="/program">
      <Breadcrumbs
        items={[
          { href: localized('/'), label: t.common.start },
          { href: localized('/program'), label: t.layout.menu.programmes },
        ]}
        current={name}
      />
      <h1 lang={contentLang(programme.name, programme.nameEn)}>{name}</h1>
      <SwedishContentNotice show={lacksEnglish(programme)} />
      <ProgrammeFacts
        programme={programme}
        status={status}
        predecessors={view.predecessors}
        successors={view.successors}
      />

      <div class="actions">
        {isDraft ? (
          <ButtonLink href={`/program/${programme.slug}/redigera`}>{p.editDraft}</ButtonLink>
        ) : (
          <ButtonLink href={localized(`/program/${programme.slug}/antagande`)}>{p.adoptionAndDecisions}</ButtonLink>
        )}
        {view.predecessors[0] && (
          <ButtonLink
            variant="secondary"
            href={localized(`/versioner/jamfor?fran=${view.predecessors[0].slug}&till=${programme.slug}`)}
          >
            {p.compareWithPrevious}
          </ButtonLink>
        )}
        <ButtonLink variant="secondary" href={`/historik/program/${programme.slug}`}>
          {p.history}
        </ButtonLink>
        {!isDraft && (
          <form method="post" action="/program/nytt" class="inline-form">
            <input type="hidden" name="from" value={programme.slug} />
            <Button variant="secondary">{p.newDraftFromThis}</Button>
          </form>
        )}
      </div>

      {consultation && (
        <p class="ds-paragraph">
          <a class="ds-link" href={consultation.href}>
            {consultation.label}
          </a>
        </p>
      )}

      <ProgrammeDocuments programme={programme} mayReadMemos={mayReadMemos} pdfAvailable={pdfAvailable} />

      {isDraft && (
        <section aria-labelledby="foresla-rubrik" class="panel">
          <h2 class="ds-heading" data-size="sm" id="foresla-rubrik">
            {p.proposeHeading}
          </h2>
          {proposalProblems.length > 0 ? (
            <>
              <p class="ds-paragraph">{p.proposableWhen}</p>
              <ul class="ds-list" lang={swedishData()}>
                {proposalProblems.map((problem) => (
                  <li>
                    <a class="ds-link" href={proposalProblemHref(programme.slug, problem.field)}>
                      {problem.message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="ds-paragraph">{p.complete}</p>
          )}
          <form method="post" action={`/program/${programme.slug}/foresla`}>
            <input type="hidden" name="version" value={String(programme.version)} />
            <Button>{p.propose}</Button>
          </form>
        </section>
      )}

      {programme.vision && (
        <section aria-labelledby="vision-rubrik">
          <h2 class="ds-heading" data-size="md" id="vision-rubrik">
            {p.vision}
          </h2>
          <p class="ds-paragraph" lang={contentLang(programme.vision, programme.visionEn)}>
            {contentText(programme.vision, programme.visionEn)}
          </p>
        </section>
      )}
      {programme.overarchingGoal && (
        <section aria-labelledby="overgripande-rubrik">
          <h2 class="ds-heading" data-size="md" id="overgripande-rubrik">
            {p.overarchingGoal}
          </h2>
          <p class="ds-paragraph" lang={contentLang(programme.overarchingGoal, programme.overarchingGoalEn)}>
            {contentText(programme.overarchingGoal, programme.overarchingGoalEn)}
          </p>
        </section>
      )}

      <section aria-labelledby="perspektiv-rubrik">
        <h2 class="ds-heading" data-size="md" id="perspektiv-rubrik">
          {p.perspectivesHeading}
        </h2>
        {programme.perspectives.length > 0 ? (
          <dl class="facts">
            {programme.perspectives.map((x) => (
              <>
                <dt lang={contentLang(x.name, x.nameEn)}>{contentText(x.name, x.nameEn)}</dt>
                <dd lang={contentLang(x.description, x.descriptionEn)}>
                  {contentText(x.description, x.descriptionEn) || '–'}
                </dd>
              </>
            ))}
          </dl>
        ) : (
          <p class="ds-paragraph">{p.noPerspectives}</p>
        )}
      </section>

      <section aria-labelledby="fokus-rubrik">
        <h2 class="ds-heading" data-size="md" id="fokus-rubrik">
          {p.focusAreasHeading}
        </h2>
        {programme.focusAreas.length === 0 && <p class="ds-paragraph">{p.noFocusAreas}</p>}
        {programme.focusAreas.map((area) => (
          <section class="focus-area" aria-labelledby={`omrade-${area.id}`}>
            <h3 class="ds-heading" data-size="sm" id={`omrade-${area.id}`} lang={contentLang(area.name, area.nameEn)}>
              {contentText(area.name, area.nameEn)}
            </h3>
            {networkName(area.networkId) && (
              <p class="ds-paragraph meta">
                {p.responsibleNetwork} <SwedishData>{networkName(area.networkId)}</SwedishData>
              </p>
            )}
            {area.description && (
              <p class="ds-paragraph" lang={contentLang(area.description, area.descriptionEn)}>
                {contentText(area.description, area.descriptionEn)}
              </p>
            )}
            {area.note && (
              <p class="ds-paragraph meta">
                {p.note} <SwedishData>{area.note}</SwedishData>
              </p>
            )}
            {area.goals.length === 0 && <p class="ds-paragraph meta">{p.noGoalsInArea}</p>}
            {area.goals.map((goal) => (
              <GoalSection goal={goal} view={view} perspectives={programme.perspectives} networkName={networkName} />
            ))}
          </section>
        ))}
      </section>

      {programme.statedChanges.length > 0 && (
        <section aria-labelledby="forandringar-rubrik">
          <h2 class="ds-heading" data-size="md" id="forandringar-rubrik">
            {p.statedChangesHeading}
          </h2>
          <ul class="ds-list" lang={swedishData()}>
            {programme.statedChanges.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </section>
      )}
      {programme.note && (
        <section aria-labelledby="anteckning-rubrik">
          <h2 class="ds-heading" data-size="md" id="anteckning-rubrik">
            {p.aboutDataHeading}
          </h2>
          {programme.note.split('\n').map((line) => (
            <p class="ds-paragraph" lang={swedishData()}>
              {line}
            </p>
          ))}
        </section>
      )}
    </Layout>
  );
}
