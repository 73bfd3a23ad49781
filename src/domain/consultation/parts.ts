/**
 * The parts of a programme that can be commented on, in the programme's order: each focus area, then
 * its goals, each followed by its strategies. Each part has one comment thread.
 */
import type { FocusArea, Goal, Programme, Strategy } from '../programme/programme.js';
import { partKey, type PartKind, type PartRef } from './consultation.js';

export interface ProgrammePart extends PartRef {
  key: string;
  /** The part's own words: the focus area's name, the goal's title, the strategy's text. */
  text: string;
  /** Further text of the part (a focus area's or goal's description). */
  description: string;
  /** Where it sits: the focus area (for goals and strategies) and the goal (for strategies). */
  focusArea: Pick<FocusArea, 'id' | 'name'>;
  goal: Pick<Goal, 'id' | 'title'> | null;
  /** 1-based: the strategy's number within its goal. */
  number: number;
}

const part = (kind: PartKind, id: number, fields: Omit<ProgrammePart, 'kind' | 'id' | 'key'>): ProgrammePart => ({
  kind,
  id,
  key: partKey({ kind, id }),
  ...fields,
});

export function programmeParts(programme: Pick<Programme, 'focusAreas'>): ProgrammePart[] {
  const parts: ProgrammePart[] = [];
  programme.focusAreas.forEach((area, a) => {
    const focusArea = { id: area.id, name: area.name };
    parts.push(
      part('focus_area', area.id, {
        text: area.name,
        description: area.description,
        focusArea,
        goal: null,
        number: a + 1,
      }),
    );
    area.goals.forEach((goal, g) => {
      const goalRef = { id: goal.id, title: goal.title };
      parts.push(
        part('goal', goal.id, {
          text: goal.title,
          description: goal.description,
          focusArea,
          goal: null,
          number: g + 1,
        }),
      );
      goal.strategies.forEach((s: Strategy, i) =>
        parts.push(part('strategy', s.id, { text: s.text, description: '', focusArea, goal: goalRef, number: i + 1 })),
      );
    });
  });
  return parts;
}

export const findPart = (parts: readonly ProgrammePart[], ref: PartRef): ProgrammePart | undefined =>
  parts.find((p) => p.kind === ref.kind && p.id === ref.id);

/** The part named in Swedish for mails, documents and the audit trail: `målet ”…”`, `strategi 2 under målet ”…”`. */
export function partLabelSv(p: ProgrammePart): string {
  switch (p.kind) {
    case 'focus_area':
      return `fokusområdet ”${p.text.trim()}”`;
    case 'goal':
      return `målet ”${p.text.trim()}”`;
    case 'strategy':
      return `strategi ${p.number} under målet ”${p.goal?.title.trim() ?? ''}”`;
  }
}

/** The same with a capital first letter, for headings and table cells. */
export const partHeadingSv = (p: ProgrammePart): string => {
  const label = partLabelSv(p);
  return label.charAt(0).toUpperCase() + label.slice(1);
};
