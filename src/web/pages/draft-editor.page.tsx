/**
 * The draft editor: the programme's own fields, its perspectives, its focus areas with their goals.
 * Many small forms, each posting one change with the version the page was rendered with; after a
 * refused post the page comes back with that form's text kept and its problems at the top.
 */
import type { FieldProblem } from '../../domain/errors.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { targetYearText, validityText } from '../present.js';
import { FocusAreasSection } from './draft-focus-areas.page.js';
import { ENGLISH_HINT, problemsById, SavedValues, VersionField, type RefusedForm } from './draft-form-parts.page.js';
import { SavedMessage } from '../components/saved-message.js';
import { PerspectivesSection } from './draft-perspectives.page.js';

/**
 * A refused post on the editor. `form` names the form: `fields`, `perspective-new`, `perspective-<id>`,
 * `area-new`, `area-<id>`; or `action` for a button without fields (move, remove), whose problems
 * point at the section `target`.
 */
export type RefusedEditorForm = RefusedForm & { form: string; target?: string };

export interface DraftEditorPageProps {
  programme: Programme;
  networks: Network[];
  refused?: RefusedEditorForm | undefined;
  /** Confirmation after a saved change. */
  saved?: string | undefined;
}

/** Confirmations after a redirect, by the `sparat` query value (fixed texts: nothing from the URL is echoed). */
export const SAVED_MESSAGES: Readonly<Record<string, string>> = {
  uppgifter: 'Programmets uppgifter är sparade.',
  perspektiv: 'Perspektivet är sparat.',
  'perspektiv-tillagt': 'Perspektivet är tillagt.',
  'perspektiv-borttaget': 'Perspektivet är borttaget.',
  omrade: 'Fokusområdet är sparat.',
  'omrade-tillagt': 'Fokusområdet är tillagt.',
  'omrade-flyttat': 'Fokusområdet är flyttat.',
  'omrade-borttaget': 'Fokusområdet och dess mål är borttagna.',
  mal: 'Målet är sparat.',
  'mal-borttaget': 'Målet är borttaget.',
};

const prefixOf = (form: string) => (form === 'fields' ? '' : `${form}-`);

function summaryOf(refused: RefusedEditorForm | undefined): FieldProblem[] {
  if (!refused) return [];
  if (refused.form === 'action')
    return refused.problems.map((p) => ({ field: refused.target ?? 'omraden', message: p.message }));
  return problemsById(prefixOf(refused.form), refused, 'name');
}

const yearText = (year: number | null) => (year === null ? '' : String(year));

function FieldsForm({ programme, refused }: { programme: Programme; refused: RefusedForm | undefined }) {
  const values: Record<string, string> = refused?.values ?? {
    name: programme.name,
    targetYear: yearText(programme.targetYear),
    validFromYear: yearText(programme.validFromYear),
    validToYear: yearText(programme.validToYear),
    vision: programme.vision,
    overarchingGoal: programme.overarchingGoal,
    note: programme.note,
    nameEn: programme.nameEn ?? '',
    visionEn: programme.visionEn ?? '',
    overarchingGoalEn: programme.overarchingGoalEn ?? '',
  };
  const problems = problemsById('', refused, 'name');
  const err = (field: string) => errorFor(problems, field);
  return (
    <form method="post" action={`/program/${programme.slug}/redigera`} novalidate>
      <VersionField version={programme.version} />
      <TextField id="name" label="Namn" value={values.name} error={err('name')} />
      <TextField
        id="targetYear"
        label="Målår (valfritt)"
        hint="Året programmets mål siktar mot, till exempel 2035."
        inputmode="numeric"
        size={6}
        value={values.targetYear}
        error={err('targetYear')}
      />
      <TextField
        id="validFromYear"
        label="Giltighetsperiodens första år (valfritt)"
        hint="Oftast mandatperiodens första år, till exempel 2019."
        inputmode="numeric"
        size={6}
        value={values.validFromYear}
        error={err('validFromYear')}
      />
      <TextField
        id="validToYear"
        label="Giltighetsperiodens sista år (valfritt)"
        hint="Till exempel 2022."
        inputmode="numeric"
        size={6}
        value={values.validToYear}
        error={err('validToYear')}
      />
      <TextArea id="vision" label="Vision (valfritt)" rows={4} value={values.vision} error={err('vision')} />
      <TextArea
        id="overarchingGoal"
        label="Övergripande mål (valfritt)"
        rows={4}
        value={values.overarchingGoal}
        error={err('overarchingGoal')}
      />
      <TextArea
        id="note"
        label="Anteckning (valfritt)"
        hint="Intern anteckning om utkastet, till exempel källor eller vad som återstår."
        rows={3}
        value={values.note}
        error={err('note')}
      />
      <TextField
        id="nameEn"
        label="Namn på engelska (valfritt)"
        hint={ENGLISH_HINT}
        value={values.nameEn}
        error={err('nameEn')}
      />
      <TextArea
        id="visionEn"
        label="Vision på engelska (valfritt)"
        rows={3}
        value={values.visionEn}
        error={err('visionEn')}
      />
      <TextArea
        id="overarchingGoalEn"
        label="Övergripande mål på engelska (valfritt)"
        rows={3}
        value={values.overarchingGoalEn}
        error={err('overarchingGoalEn')}
      />
      {refused?.conflict && (
        <SavedValues
          prefix=""
          message={refused.conflict}
          rows={[
            ['Namn', programme.name],
            ['Målår', targetYearText(programme)],
            ['Giltighetsperiod', validityText(programme)],
            ['Vision', programme.vision],
            ['Övergripande mål', programme.overarchingGoal],
            ['Anteckning', programme.note],
          ]}
        />
      )}
      <Button>Spara programmets uppgifter</Button>
    </form>
  );
}

export function DraftEditorPage({ programme, networks, refused, saved }: DraftEditorPageProps) {
  const title = `Redigera utkast: ${programme.name}`;
  const refusedFor = (key: string) => (refused?.form === key ? refused : undefined);
  const summary = summaryOf(refused);
  return (
    <Layout
      title={summary.length ? `Fel: ${title}` : title}
      description={`Redigera utkastet ${programme.name}: namn, vision, övergripande mål, giltighetsperiod, fokusområden, mål och perspektiv.`}
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Redigera"
      />
      <h1>{title}</h1>
      <ErrorSummary errors={summary} title={refused?.conflict ? 'Ändringen sparades inte' : undefined} />
      <SavedMessage text={saved} />
      <p class="ds-paragraph">
        Varje del sparas för sig. När utkastet är klart föreslår du det för beslut på{' '}
        <a class="ds-link" href={`/program/${programme.slug}`}>
          programmets sida
        </a>
        .
      </p>

      <section aria-labelledby="uppgifter-rubrik" id="uppgifter">
        <h2 id="uppgifter-rubrik">Programmets uppgifter</h2>
        <FieldsForm programme={programme} refused={refusedFor('fields')} />
      </section>

      <PerspectivesSection programme={programme} refusedFor={refusedFor} />
      <FocusAreasSection programme={programme} refusedFor={refusedFor} networks={networks} />

      <section aria-labelledby="foresla-rubrik" id="foresla">
        <h2 id="foresla-rubrik">Föreslå för beslut</h2>
        <p class="ds-paragraph">
          På programmets sida ser du vad som återstår innan utkastet kan föreslås, och föreslår det. Därefter låses
          texten och medlemmarnas beslut kan registreras.
        </p>
        <ButtonLink href={`/program/${programme.slug}`}>Till programmets sida</ButtonLink>
      </section>
    </Layout>
  );
}
