import type { BodyKind } from './adoption/decision.js';

/** The cooperation an installation serves, and what belongs to it. */
export interface Collaboration {
  id: number;
  slug: string;
  name: string;
  formalisedYear: number | null;
  koladaGroupId: string;
  koladaGroupTitle: string;
  source: string;
}

export interface Body {
  id: number;
  memberId: number | null;
  key: string;
  kind: BodyKind;
  name: string;
  description: string;
  source: string;
}

export interface Network {
  id: number;
  key: string;
  name: string;
  kind: 'network' | 'cooperation';
  area: string;
  source: string;
}

export interface CollaborationEvent {
  id: number;
  name: string;
  whenText: string;
  audience: string;
  content: string;
  memoChange: string;
  source: string;
}

export interface ComparisonArea {
  code: string;
  name: string;
}
