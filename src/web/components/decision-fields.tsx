/**
 * The fields every decision form shares — outcome, how well the date is known, date, paragraph, note
 * and source — for a member board's or the committee's decision on a programme or a plan.
 */
import type { DecisionOutcome } from '../../domain/adoption/decision.js';
import type { FieldProblem } from '../../domain/errors.js';
import { errorFor } from './error-summary.js';
import { OUTCOME_LABELS } from '../present.js';
import { RadioGroup } from './fieldset.js';
import { Select, TextArea, TextField } from './form-field.js';

export interface DecisionFieldsProps {
  values: Record<string, string | undefined>;
  problems: readonly FieldProblem[];
  /** The outcome words agreeing with the noun decided on: "Antaget" (programmet), "Antagen" (planen). */
  outcomeLabels: Record<DecisionOutcome, string>;
  /** An example date and paragraph for the hints, e.g. "2019-10-11" and "§ 78". */
  example: { date: string; paragraph: string };
}

export function DecisionFields({ values, problems, outcomeLabels, example }: DecisionFieldsProps) {
  const err = (field: string) => errorFor([...problems], field);
  return (
    <>
      <RadioGroup
        id="outcome"
        legend="Beslut"
        options={[
          { value: 'adopted', label: outcomeLabels.adopted },
          { value: 'rejected', label: outcomeLabels.rejected },
          { value: 'referred_back', label: outcomeLabels.referred_back },
        ]}
        value={values.outcome}
        error={err('outcome')}
      />
      <RadioGroup
        id="datePrecision"
        legend="Hur väl känt är beslutsdatumet?"
        options={[
          { value: 'exact', label: 'Exakt datum' },
          {
            value: 'on_or_before',
            label: 'Senast detta datum',
            hint: 'När källan bara säger att beslutet fattats före ett visst datum.',
          },
          { value: 'unknown', label: 'Datum okänt' },
        ]}
        value={values.datePrecision}
        error={err('datePrecision')}
      />
      <TextField
        id="date"
        label="Datum"
        hint={`ÅÅÅÅ-MM-DD, till exempel ${example.date}. Inte senare än i dag.`}
        size={12}
        inputmode="numeric"
        value={values.date}
        error={err('date')}
      />
      <TextField
        id="paragraph"
        label="Paragraf (valfritt)"
        hint={`Till exempel ${example.paragraph}.`}
        size={12}
        value={values.paragraph}
        error={err('paragraph')}
      />
      <TextArea id="note" label="Anteckning (valfritt)" rows={3} value={values.note} error={err('note')} />
      <TextField
        id="source"
        label="Källa (valfritt)"
        hint="Protokollsutdrag, diarienummer eller adress."
        value={values.source}
        error={err('source')}
      />
    </>
  );
}

export interface ProgrammeDecisionFieldsProps {
  /** The members whose boards' decisions the person may record. */
  members: readonly { id: number; code: string; name: string }[];
  /** Whether they may record the committee's decisions too. */
  committee: boolean;
  values: Record<string, string | undefined>;
  problems: readonly FieldProblem[];
}

/**
 * A member board's (or the committee's) decision on a programme, whole: who decided — the member (none for
 * the committee) and the body —, then the fields every decision has.
 */
export function ProgrammeDecisionFields({ members, committee, values, problems }: ProgrammeDecisionFieldsProps) {
  const err = (field: string) => errorFor([...problems], field);
  return (
    <>
      <Select
        id="memberId"
        label="Kommun"
        hint={
          committee
            ? 'Den kommun vars kommunstyrelse fattade beslutet. Lämna tomt för ett beslut i samarbetskommittén.'
            : 'Den kommun vars kommunstyrelse fattade beslutet.'
        }
        placeholder={committee ? 'Ingen kommun (samarbetskommitténs beslut)' : undefined}
        options={members.map((m) => ({ value: String(m.id), label: `${m.name} (${m.code})` }))}
        value={values.memberId}
        error={err('memberId') ?? err('memberCode')}
      />
      <RadioGroup
        id="bodyKind"
        legend="Organ som beslutade"
        options={[
          { value: 'board', label: 'Kommunstyrelsen' },
          { value: 'committee', label: 'Samarbetskommittén' },
        ]}
        value={values.bodyKind}
        error={err('bodyKind')}
      />
      <DecisionFields
        values={values}
        problems={problems}
        outcomeLabels={OUTCOME_LABELS}
        example={{ date: '2019-10-11', paragraph: '§ 78' }}
      />
    </>
  );
}
