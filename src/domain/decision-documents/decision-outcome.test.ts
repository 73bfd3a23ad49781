import { describe, expect, it } from 'vitest';
import { findOutcome, findSections } from './decision-outcome.js';

// Invented examples.
describe('findOutcome', () => {
  it.each([
    ['Kommunstyrelsens beslut\nProgrammet godkänns.', 'adopted', 'godkänns'],
    ['Beslut\nKommunstyrelsen antar programmet.', 'adopted', 'antar'],
    ['Beslut\nKommunfullmäktige fastställer budgeten.', 'adopted', 'fastställer'],
    ['Kommunstyrelsens beslut\nMotionen avslås.', 'rejected', 'avslås'],
    ['Beslut\nKommunstyrelsen avslår förslaget.', 'rejected', 'avslår'],
    ['Beslut\nÄrendet återremitteras.', 'referred_back', 'återremitteras'],
    ['Kommunstyrelsen beslutar att återremittera ärendet.', 'referred_back', 'återremittera'],
    ['Beslut\nProgrammet godkänns inte.', 'rejected', 'godkänns inte'],
    ['Kommunstyrelsen beslutar att inte anta programmet.', 'rejected', 'inte anta'],
  ])('%j → %s', (text, outcome, word) => {
    const found = findOutcome(text, 'minutes');
    expect(found?.outcome).toBe(outcome);
    expect(found?.evidence.text).toBe(word);
    expect(text.slice(found!.evidence.at, found!.evidence.at + found!.evidence.length)).toBe(word);
  });

  it('skips a decision on a motion to the meeting ("Yrkandet om återremiss avslås")', () => {
    const text = 'Kommunstyrelsens beslut\nYrkandet om återremiss avslås.\nProgrammet godkänns.\n';
    expect(findOutcome(text, 'minutes')?.outcome).toBe('adopted');
  });

  it('reads the decision in minutes and the proposal in a memo', () => {
    const text = 'Förslag till beslut\nProgrammet godkänns.\n\nKommunstyrelsens beslut\nProgrammet avslås.\n';
    expect(findOutcome(text, 'minutes')?.outcome).toBe('rejected');
    expect(findOutcome(text, 'memo')?.outcome).toBe('adopted');
  });

  it('ignores outcome words outside a decision or proposal section', () => {
    const text = 'Sammanfattning\nProgrammet från 2013 godkändes och avslås inte nu.\n';
    expect(findSections(text)).toEqual([]);
    expect(findOutcome(text, 'memo')).toBeNull();
  });

  it('ends a section at the next heading', () => {
    const text = 'Förslag till beslut\nProgrammet antas.\n\nÄrendet\nMotionen avslås.\n';
    const [section] = findSections(text);
    expect(text.slice(section!.start, section!.end)).toBe('Förslag till beslut\nProgrammet antas.\n\n');
  });
});
