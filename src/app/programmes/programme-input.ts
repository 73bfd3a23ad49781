import { z } from 'zod';
import { idList, lines, optionalId, optionalText, optionalYear, requiredId, requiredText } from '../input.js';

/** The fields of a programme a draft's editor can change. */
export const programmeFieldsInput = z.object({
  name: requiredText(200, 'Namn'),
  targetYear: optionalYear('Målår'),
  validFromYear: optionalYear('Giltighetsperiodens första år'),
  validToYear: optionalYear('Giltighetsperiodens sista år'),
  vision: optionalText(4000, 'Vision'),
  overarchingGoal: optionalText(4000, 'Övergripande mål'),
  note: optionalText(4000, 'Anteckning'),
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
});
export type PerspectiveInput = z.output<typeof perspectiveInput>;

export const focusAreaInput = z.object({
  name: requiredText(200, 'Fokusområdets namn'),
  description: optionalText(4000, 'Beskrivning'),
  networkId: optionalId,
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
});
export type GoalInput = z.output<typeof goalInput>;
