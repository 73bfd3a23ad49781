import type { AdoptionTexts } from '../sv/adoption.js';

export const adoption: AdoptionTexts = {
  indexTitle: 'Adoption',
  indexDescription:
    'The adoption of each development programme: how many of the members’ municipal executive boards have adopted it, and since when it is in force.',
  indexLead:
    'A development programme applies only when the municipal executive board of every member municipality has adopted it. Choose a programme to see the members’ decisions.',
  indexCaption: 'Adoption of the programmes',
  indexColumns: { programme: 'Programme', adoptedBy: 'Adopted by', status: 'Status', when: 'When' },
  committeeAdopted: (adopted) => `The cooperation committee: ${adopted ? 'adopted' : 'not adopted'}`,
  countOf: (adopted, required) => `${adopted} of ${required}`,

  title: (programme) => `Adoption: ${programme}`,
  description: (programme) =>
    `Which municipal executive boards have adopted ${programme}, which remain and when the programme came into force, with date, paragraph and source for each decision.`,
  /** The file a recorded decision was confirmed from (shown to those who may open it). */
  sourceDocument: 'Source document',
  breadcrumb: 'Adoption',
  recorded: 'The decision has been recorded.',
  recordedCount: (adopted, members) => `Recorded decisions to adopt the programme: ${adopted} of ${members} members.`,
  remaining: (names) => ` Remaining: ${names}.`,
  appliesFrom:
    'The programme applies from the day the last municipal executive board adopted it, or from the start of its period of validity if that is later.',
  decidedByCommittee: 'This version is decided by the cooperation committee (Samarbetskommittén).',
  membersCaption: 'The members’ decisions',
  memberColumns: { member: 'Municipality', standing: 'Standing', decisions: 'Decisions' },
  otherCaption: 'Other decisions',
  otherColumns: { body: 'Body', decision: 'Decision', note: 'Note', source: 'Source' },
  sources: 'Sources of the decisions',
  draftNote: 'The programme is a draft. Decisions can be recorded once it has been proposed.',
  recordedByStaff: 'Decisions are recorded by the member municipalities’ officers and the cooperation’s secretariat.',
  signIn: 'Sign in',
  signInToRecord: 'to record a decision (in Swedish).',
  recordOnSwedishPage: 'Decisions are recorded on the Swedish version of this page:',
};
