/**
 * The shape of data/demo/sodertorn.json, as far as the loader reads it. The file is shipped with the
 * product, so a mismatch is a bug in the file: `parseDemoJson` fails loudly instead of seeding half a demo.
 */

export type SourceKey = string;

export interface RawGoal {
  title: string;
  network?: string;
  strategies: string[];
}

export interface RawFocusArea {
  name: string;
  network?: string;
  note?: string;
  goals: RawGoal[];
}

export interface RawProgramme {
  id: string;
  name: string;
  revised?: number;
  target_year?: number;
  valid?: { from: number; to: number; kind?: string };
  replaces?: string;
  revision_of?: string;
  vision?: string;
  overarching_goal?: string;
  goals_2025?: string[];
  goals_note?: string;
  prepared_by?: string;
  adoption_rule?: string;
  concretised_in?: string;
  cross_cutting?: string[];
  changes_from_previous?: string[];
  status_note?: string;
  note?: string;
  adopted_example?: { body: string; date: string; paragraph: string; source: SourceKey[] };
  decided?: { body: string; date: string; what: string };
  /** Structured areas, or only their names (the proposal in the memo). */
  focus_areas?: Array<RawFocusArea | string>;
  source: SourceKey[];
}

export interface RawDemo {
  collaboration: {
    name: string;
    formalised: number;
    kolada_group: { id: string; title: string; note?: string };
    members: Array<{ code: string; name: string }>;
    comparison_areas: Array<{ code: string; name: string }>;
    bodies: Array<{ id: string; name: string; members?: string; role?: string; source: SourceKey[] }>;
    networks: Array<{ name: string; area: string; kind?: string; source: SourceKey[] }>;
    events: Array<{
      name: string;
      when: string;
      audience?: string;
      content?: string;
      memo_change?: string;
      source: SourceKey[];
    }>;
  };
  programmes: RawProgramme[];
  sources: Record<SourceKey, string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses the demo file and checks the parts every mapping relies on. */
export function parseDemoJson(jsonText: string): RawDemo {
  const data: unknown = JSON.parse(jsonText);
  if (
    !isObject(data) ||
    !isObject(data.collaboration) ||
    !Array.isArray(data.collaboration.members) ||
    !Array.isArray(data.programmes) ||
    !isObject(data.sources)
  ) {
    throw new Error('Demodatafilen har fel form: collaboration, programmes och sources krävs.');
  }
  return data as unknown as RawDemo;
}
