/**
 * A consultation's public page: where it stands, how commenting works, the texts on public records and
 * the service's rules, and the proposal's focus areas, goals and strategies, each with its thread and a
 * link to comment on it. The secretariat also sees links to its own pages.
 */
import type { ConsultationPageView } from '../../app/consultation/get-consultation.js';
import { samePart } from '../../domain/consultation/consultation.js';
import type { ProgrammePart } from '../../domain/consultation/parts.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DocumentLinks } from '../components/document-links.js';
import {
  answersPath,
  consultationCsvPath,
  consultationReportPath,
  consultationSettingsPath,
  moderationPath,
  partPath,
} from '../consultation-paths.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';
import { CommentThread, ConsultationFacts, ConsultationRules, partTitle } from './consultation-parts.js';

export interface ConsultationPageProps {
  view: ConsultationPageView;
  /** The cooperation's name: who the service belongs to. */
  service: string;
  mayRun: boolean;
  mayModerate: boolean;
  pdfAvailable: boolean;
}

function PartSection({
  view,
  part,
  headingLevel,
}: {
  view: ConsultationPageView;
  part: ProgrammePart;
  headingLevel: 3 | 4 | 5;
}) {
  const t = texts().consultation;
  const comments = view.comments.filter((c) => samePart(c.part, part));
  const canComment = view.phase === 'open' && view.mailAvailable;
  const id = `del-${part.key}`;
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section aria-labelledby={id}>
      <Heading class="ds-heading" data-size={headingLevel === 3 ? 'sm' : headingLevel === 4 ? 'xs' : '2xs'} id={id}>
        {partTitle(part)}
      </Heading>
      {part.description && <p class="ds-paragraph">{part.description}</p>}
      <p class="ds-paragraph meta">
        {t.commentCount(comments.length)}
        {canComment && (
          <>
            {' · '}
            <a class="ds-link" href={localized(partPath(view.programme.slug, part.key))}>
              {t.commentOn}
              <span class="ds-sr-only">{t.commentOnHidden(partTitle(part))}</span>
            </a>
          </>
        )}
      </p>
      <CommentThread
        slug={view.programme.slug}
        comments={comments}
        answers={view.answers}
        themes={view.themes}
        headingLevel={(headingLevel + 1) as 4 | 5 | 6}
      />
    </section>
  );
}

export function ConsultationPage({ view, service, mayRun, mayModerate, pdfAvailable }: ConsultationPageProps) {
  const t = texts().consultation;
  const { programme, consultation, phase } = view;
  const slug = programme.slug;
  const title = t.title(programme.name);
  const areas = view.parts.filter((p) => p.kind === 'focus_area');
  const under = (kind: 'goal' | 'strategy', parentId: number) =>
    view.parts.filter(
      (p) => p.kind === kind && (kind === 'goal' ? p.focusArea.id === parentId : p.goal?.id === parentId),
    );
  return (
    <Layout title={title} description={t.description(programme.name)} current="/program">
      <Breadcrumbs
        items={[
          { href: localized('/'), label: texts().common.start },
          { href: localized('/program'), label: texts().layout.menu.programmes },
          { href: localized(`/program/${slug}`), label: programme.name },
        ]}
        current={t.consultation}
      />
      <h1>{title}</h1>
      <p class="ds-paragraph lead">{t.phaseText(phase, consultation.startDate, consultation.endDate)}</p>
      {phase === 'open' && !view.mailAvailable && (
        <p class="ds-alert" data-color="warning">
          {t.noMailer}
        </p>
      )}
      <ConsultationFacts programme={programme} consultation={consultation} phase={phase} />
      {consultation.description
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}

      {phase === 'closed' && (
        <section aria-labelledby="redogorelse-rubrik" class="panel">
          <h2 class="ds-heading" data-size="sm" id="redogorelse-rubrik">
            {t.reportHeading}
          </h2>
          <p class="ds-paragraph">{t.reportIntro}</p>
          <DocumentLinks
            name={t.reportName}
            path={(format) => consultationReportPath(slug, format)}
            pdfAvailable={pdfAvailable}
          />
          <p class="ds-paragraph">
            <a class="ds-link" href={consultationCsvPath(slug)}>
              {t.reportCsv}
            </a>
          </p>
        </section>
      )}

      {/* The secretariat's pages, the report and its files are in Swedish only: plain Swedish addresses. */}
      {(mayRun || mayModerate) && (
        <section aria-labelledby="sekretariat-rubrik" class="panel">
          <h2 class="ds-heading" data-size="sm" id="sekretariat-rubrik">
            {t.secretariatHeading}
          </h2>
          <ul class="plain-list">
            {mayRun && (
              <li>
                <a class="ds-link" href={consultationSettingsPath(slug)}>
                  {t.settingsLink}
                </a>
              </li>
            )}
            {mayModerate && (
              <li>
                <a class="ds-link" href={moderationPath(slug)}>
                  {t.moderationLink}
                </a>
              </li>
            )}
            {mayRun && (
              <li>
                <a class="ds-link" href={answersPath(slug)}>
                  {t.answersLink}
                </a>
              </li>
            )}
            {mayRun && phase !== 'closed' && (
              <li>
                <a class="ds-link" href={consultationReportPath(slug)}>
                  {t.reportDraftLink}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="sa-fungerar-rubrik">
        <h2 class="ds-heading" data-size="sm" id="sa-fungerar-rubrik">
          {t.howHeading}
        </h2>
        {t.howText.map((p) => (
          <p class="ds-paragraph">{p}</p>
        ))}
      </section>
      <ConsultationRules responsible={consultation.responsible} service={service} />

      <section aria-labelledby="forslaget-rubrik">
        <h2 class="ds-heading" data-size="md" id="forslaget-rubrik">
          {t.proposalHeading}
        </h2>
        {areas.map((area) => (
          <div class="focus-area">
            <PartSection view={view} part={area} headingLevel={3} />
            {under('goal', area.id).map((goal) => (
              <div class="goal">
                <PartSection view={view} part={goal} headingLevel={4} />
                {under('strategy', goal.id).map((strategy) => (
                  <PartSection view={view} part={strategy} headingLevel={5} />
                ))}
              </div>
            ))}
          </div>
        ))}
      </section>
    </Layout>
  );
}
