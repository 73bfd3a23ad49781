/**
 * Pieces every draft-editing page shares: the hidden optimistic-lock version, the state of a form
 * that was refused (what the user typed, the problems, a conflict), and the panel that shows what is
 * saved now when someone else changed the draft meanwhile.
 */
import type { FieldProblem } from '../../domain/errors.js';
import { errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';

/** A form that was refused: rendered again with `values`, its problems beside the fields. */
export interface RefusedForm {
  values: Record<string, string>;
  problems: FieldProblem[];
  /** Set when the draft changed since the form was rendered: the use case's message. */
  conflict?: string | undefined;
}

/** The version the form was rendered with; the use case refuses the change if the draft has moved on. */
export const VersionField = ({ version }: { version: number }) => (
  <input type="hidden" name="version" value={String(version)} />
);

/** The id of the panel with the saved values of the form whose ids start with `prefix`. */
export const savedPanelId = (prefix: string) => `${prefix}senast-sparat`;

/**
 * The control id a problem belongs to: the field name with the form's prefix. Array items
 * (`strategies.2`) point at their list; a statement (`statements.4`) at `statement-4`; a problem of
 * the whole form at the saved-values panel (conflict) or at `fallback`, the form's first control.
 */
export function controlId(prefix: string, field: string, conflict: boolean, fallback: string): string {
  if (field === 'form' || field === 'version') return conflict ? savedPanelId(prefix) : `${prefix}${fallback}`;
  const statement = /^statements\.(\d+)$/.exec(field);
  if (statement) return `${prefix}statement-${statement[1]}`;
  return `${prefix}${field.split('.')[0]}`;
}

/** The problems with their fields turned into control ids, for the error summary and inline errors. */
export const problemsById = (
  prefix: string,
  refused: Omit<RefusedForm, 'values'> | undefined,
  fallback: string,
): FieldProblem[] =>
  (refused?.problems ?? []).map((p) => ({
    field: controlId(prefix, p.field, Boolean(refused?.conflict), fallback),
    message: p.message,
  }));

/** The hint at a programme text's English field. */
export const ENGLISH_HINT =
  'Visas på de engelska sidorna (/en/…). Utan engelsk text visas den svenska, märkt som svenska.';

/** The optional English name and description of a perspective or a focus area. */
export function EnglishNameFields({
  prefix,
  values,
  problems,
}: {
  prefix: string;
  values: Record<string, string | undefined>;
  problems: FieldProblem[];
}) {
  return (
    <>
      <TextField
        id={`${prefix}nameEn`}
        name="nameEn"
        label="Namn på engelska (valfritt)"
        hint={ENGLISH_HINT}
        value={values.nameEn ?? ''}
        error={errorFor(problems, `${prefix}nameEn`)}
      />
      <TextArea
        id={`${prefix}descriptionEn`}
        name="descriptionEn"
        label="Beskrivning på engelska (valfritt)"
        rows={2}
        value={values.descriptionEn ?? ''}
        error={errorFor(problems, `${prefix}descriptionEn`)}
      />
    </>
  );
}

/** A label and its saved value; a list (e.g. strategies) is shown as a list. */
export type SavedRow = readonly [string, string | readonly string[]];

const SavedValue = ({ value }: { value: string | readonly string[] }) =>
  typeof value !== 'string' ? (
    value.length === 0 ? (
      <>(tomt)</>
    ) : (
      <ul class="ds-list">
        {value.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    )
  ) : value.trim() === '' ? (
    <>(tomt)</>
  ) : (
    <>{value}</>
  );

export interface SavedValuesProps {
  /** The form's id prefix; the panel gets `${prefix}senast-sparat`. */
  prefix: string;
  message: string;
  rows: readonly SavedRow[];
  /** The panel heading's level: one below the heading the form sits under. */
  level?: 2 | 3 | 4;
}

/** What is saved now, shown under a form refused because someone else changed the draft meanwhile. */
export function SavedValues({ prefix, message, rows, level = 3 }: SavedValuesProps) {
  const id = savedPanelId(prefix);
  const heading = {
    class: 'ds-heading',
    'data-size': 'xs',
    id: `${id}-rubrik`,
    children: 'Någon annan har ändrat utkastet',
  };
  return (
    <section class="ds-alert" data-color="warning" id={id} tabindex={-1} aria-labelledby={`${id}-rubrik`}>
      {level === 2 ? <h2 {...heading} /> : level === 4 ? <h4 {...heading} /> : <h3 {...heading} />}
      <p class="ds-paragraph">{message}</p>
      <p class="ds-paragraph">
        Formuläret visar det du skrev. Så här ser de sparade uppgifterna ut nu; spara igen om du vill ersätta dem med
        dina.
      </p>
      <dl>
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <SavedValue value={value} />
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}
