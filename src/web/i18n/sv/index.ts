/** The Swedish interface catalogue: one import per area. */
import { common } from './common.js';
import { consultation } from './consultation.js';
import { layout } from './layout.js';
import { errors } from './errors.js';
import { progress } from './progress.js';
import { events } from './events.js';
import { openData } from './openData.js';
import { programme } from './programme.js';
import { adoption } from './adoption.js';
import { versions } from './versions.js';
import { about } from './about.js';
import { indicators } from './indicators.js';
import { results } from './results.js';
import { plans } from './plans.js';
import { followUp } from './followUp.js';

export const sv = {
  consultation,
  common,
  layout,
  errors,
  progress,
  events,
  openData,
  programme,
  adoption,
  versions,
  about,
  indicators,
  results,
  plans,
  followUp,
};

export type Texts = typeof sv;
