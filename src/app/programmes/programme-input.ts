import { z } from 'zod';
import { idList, lines, optionalId, optionalText, optionalYear, requiredId, requiredText } from '../input.js';

/**
 * An optional English text of the programme's content: absent leaves the stored English text as it is
 * (a client that does not know the field changes nothing); empty removes it.
 */
const englishText = (max: number, label: string) => optionalText(max, label).optional();

/**
 * The strategies in English, one line per strategy in the same order as the Swedish ones; an empty line
 * is a strategy without English text. Absent leaves each unchanged strategy's English text as it is.
 */
const englishLines = (max: number, label: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').split('\n') : v),
      z
        .array(z.string().max(max, { error: `Varje rad i ${label.toLowerCase()} får vara högst ${max} tecken.` }))
        .transform((list) => {
          const trimmed = list.map((line) => line.trim());
          while (trimmed.at(-1) === '') trimmed.pop();
          return trimmed;
        }),
    )
    .optional();

/** The fields of a programme a draft's editor can change. */
export const programmeFieldsInput = z.object({
  name: requiredText(200, 'Namn'),
  targetYear: optionalYear('Målår'),
  validFromYear: optionalYear('Giltighetsperiodens första år'),
  validToYear: optionalYear('Giltighetsperiodens sista år'),
  vision: optionalText(4000, 'Vision'),
  overarchingGoal: optionalText(4000, 'Övergripande mål'),
  note: optionalText(4000, 'Anteckning'),
  nameEn: englishText(200, 'Namn på engelska'),
  visionEn: englishText(4000, 'Vision på engelska'),
  overarchingGoalEn: englishText(4000, 'Övergripande mål på engelska'),
});
export type ProgrammeFieldsInput = z.output<typeof programmeFieldsInput>;

export const newDraftInput = z.object({
  /** Empty: an empty draft; otherwise the slug of the programme to derive from. */
  from: optionalText(100, 'Utgångsprogram'),
  name: optionalText(200, 'Namn'),
});
export type NewDraftInput = z.output<typeof newDraftInput>;

export const perspectiveInput = z.object({
  name: requiredText(100, 'Perspektivets namn'),
  description: optionalText(1000, 'Beskrivning'),
  nameEn: englishText(100, 'Namn på engelska'),
  descriptionEn: englishText(1000, 'Beskrivning på engelska'),
});
export type PerspectiveInput = z.output<typeof perspectiveInput>;

export const focusAreaInput = z.object({
  name: requiredText(200, 'Fokusområdets namn'),
  description: optionalText(4000, 'Beskrivning'),
  networkId: optionalId,
  nameEn: englishText(200, 'Namn på engelska'),
  descriptionEn: englishText(4000, 'Beskrivning på engelska'),
});
export type FocusAreaInput = z.output<typeof focusAreaInput>;

export const goalInput = z.object({
  focusAreaId: requiredId('Fokusområde'),
  title: requiredText(500, 'Målets lydelse'),
  description: optionalText(4000, 'Beskrivning'),
  networkId: optionalId,
  /** Per perspective id: how the goal serves that perspective. */
  statements: z.record(z.string().regex(/^\d+$/), optionalText(2000, 'Redovisningen')).default({}),
  strategies: lines(1000, 'Strategier'),
  predecessorGoalIds: idList,
  titleEn: englishText(500, 'Målets lydelse på engelska'),
  descriptionEn: englishText(4000, 'Beskrivning på engelska'),
  strategiesEn: englishLines(1000, 'Strategier på engelska'),
});
export type GoalInput = z.output<typeof goalInput>;
