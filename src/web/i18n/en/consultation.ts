/** The consultation pages in English (see sv/consultation.ts). The programme's words and the comments stay as written. */
import type {
  AnswerOutcome,
  CommentStatus,
  ConsultationPhase,
  ModerationAction,
  PartKind,
  ReportReason,
} from '../../../domain/consultation/consultation.js';
import type { ConsultationTexts } from '../sv/consultation.js';
import { common } from './common.js';

const longDate = common.longDate;

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const consultation: ConsultationTexts = {
  consultation: 'Consultation',
  title: (programme: string) => `Consultation on ${programme}`,
  description: (programme: string) =>
    `Consultation on the proposed ${programme}: read the proposal and comment on its focus areas, goals and strategies.`,
  phaseLabel: { upcoming: 'Upcoming', open: 'Open', closed: 'Closed' } as Record<ConsultationPhase, string>,
  phaseText: (phase: ConsultationPhase, start: string, end: string): string =>
    phase === 'upcoming'
      ? `The consultation opens on ${longDate(start)} and runs until ${longDate(end)} inclusive. You can comment then.`
      : phase === 'open'
        ? `The consultation is open until ${longDate(end)} inclusive. Comment on the proposal’s focus areas, goals and strategies below.`
        : `The consultation ran from ${longDate(start)} to ${longDate(end)} and is closed. No more comments are taken.`,
  period: (start: string, end: string) => `${start}–${end}`,
  periodTerm: 'Consultation period',
  statusTerm: 'Status',
  publishedTerm: 'Published',
  responsibleTerm: 'Comments are received by',
  programmeTerm: 'The proposal',
  versionText: (name: string, version: number) => `${name}, version ${version}`,
  noMailer:
    'Commenting is not possible at the moment: the service cannot send e-mail to confirm addresses. Please try again later.',

  howHeading: 'How it works',
  howText: [
    'Every focus area, goal and strategy has its own thread. Choose “Comment” next to the part you want to say something about.',
    'You give a name to be shown and your e-mail address. We send a link to the address; your comment is shown once you have opened the link and confirmed. The e-mail address is never shown.',
    'The secretariat answers the comments, one by one or several together under a theme. When the consultation has closed, everything is summed up in a consultation report (samrådsredogörelse).',
  ],
  recordsHeading: 'Public records and personal data',
  recordsText: (responsible: string) => [
    `Comments received become public records (allmänna handlingar) held by ${responsible}. Name and e-mail address may be disclosed to anyone who asks for them, after a secrecy review.`,
    'Do not write personal identity numbers (personnummer) or sensitive information about yourself or anyone else. A comment containing a personal identity number is not accepted.',
    'We use the e-mail address only to confirm it and to tell you if a moderator hides or restores your comment.',
  ],
  rulesHeading: 'Who runs the service, and the rules',
  rulesText: (responsible: string, service: string) => [
    `The consultation is provided by ${responsible} in ${service}. Comments are visible to everyone on the internet.`,
    'We review the comments and hide what is obviously illegal under the Swedish Act on Responsibility for Electronic Bulletin Boards (1998:112), such as unlawful threats, agitation against a population group and unlawful invasion of privacy, and what is advertising or unrelated to the consultation. A hidden comment is not deleted; it remains a public record.',
    'Report a comment you think breaks the rules. After several reports it is hidden until a moderator has reviewed it.',
  ],

  proposalHeading: 'The proposal',
  partKind: { focus_area: 'Focus area', goal: 'Goal', strategy: 'Strategy' } as Record<PartKind, string>,
  partHeading: (kind: PartKind, text: string, number: number) =>
    kind === 'strategy' ? `Strategy ${number}: ${text}` : kind === 'goal' ? `Goal: ${text}` : `Focus area: ${text}`,
  partWhere: (kind: PartKind, focusArea: string, goal: string | null) =>
    kind === 'focus_area'
      ? null
      : kind === 'goal'
        ? `In the focus area ${focusArea}.`
        : `Under the goal “${goal ?? ''}” in the focus area ${focusArea}.`,
  commentCount: (n: number) => (n === 0 ? 'No comments yet' : count(n, 'comment', 'comments')),
  commentOn: 'Comment',
  commentOnHidden: (part: string) => ` on ${part}`,
  readThread: 'Read the thread',
  threadHeading: 'Comments',
  noComments: 'No comments yet.',
  commentBy: (name: string, date: string) => `${name}, ${date}`,
  commentOf: (name: string) => `Comment by ${name}`,
  hiddenComment: 'This comment has been hidden by a moderator.',
  answerHeading: 'Answer from the secretariat',
  themeAnswer: (theme: string) => `Answer on the theme “${theme}”`,
  outcome: {
    accommodated: 'Accommodated',
    partly: 'Partly accommodated',
    not_accommodated: 'Not accommodated',
    noted: 'Noted',
  } as Record<AnswerOutcome, string>,
  report: 'Report',
  reportHidden: (name: string) => ` the comment by ${name}`,
  toConsultation: 'Back to the consultation',
  toProgramme: 'Back to the programme',
  reportHeading: 'Consultation report',
  reportIntro:
    'The consultation report (samrådsredogörelse, in Swedish) sums up the comments per part of the proposal, the positions taken and what changed in the next version, with every comment in an annex.',
  reportName: 'The consultation report',
  reportCsv: 'All comments as a CSV file (for spreadsheets)',
  secretariatHeading: 'For the secretariat',
  settingsLink: 'Change the consultation’s dates and details',
  moderationLink: 'Moderate the comments',
  answersLink: 'Answer the comments',
  reportDraftLink: 'The consultation report (draft)',

  formHeading: 'Write a comment',
  displayName: 'Name to show',
  displayNameHint: 'Shown to everyone with your comment. You may use a nickname.',
  email: 'E-mail address',
  emailHint: 'We send a link here to confirm the address. The address is never shown.',
  body: 'Comment',
  bodyHint:
    'At most 4,000 characters. Do not write personal identity numbers or sensitive information about yourself or others.',
  beforeSending: (responsible: string) =>
    `When you send it, your comment becomes a public record held by ${responsible}. Name and e-mail address may be disclosed to anyone who asks.`,
  send: 'Send the comment',
  sent: 'Thank you! We have sent you an e-mail with a link. Your comment is shown once you have opened the link and confirmed.',
  confirmedMessage: 'Thank you! Your comment is published.',
  reportedMessage: 'Thank you for your report. A moderator will review the comment.',
  alreadyReported: 'You have already reported this comment. A moderator will review it.',
  hiddenByReports: 'Thank you for your report. The comment is now hidden until a moderator has reviewed it.',
  notOpenUpcoming: (start: string) => `The consultation has not started. You can comment from ${longDate(start)}.`,
  notOpenClosed: 'The consultation is closed. No more comments are taken.',
  errorTitle: (title: string) => `Error: ${title}`,

  confirmTitle: 'Confirm your comment',
  confirmIntro: 'You have written this comment. Press the button to confirm your e-mail address and publish it.',
  confirmAbout: (part: string) => `On ${part}`,
  confirmButton: 'Confirm and publish',

  reportTitle: 'Report a comment',
  reportIntroText:
    'Report the comment if it breaks the rules, for example if it contains threats, hate, advertising or personal data about someone else. Reports are anonymous.',
  reason: 'Why are you reporting the comment?',
  reasons: {
    spam: 'Advertising or spam',
    threat: 'Threats',
    hate: 'Hate or harassment',
    personal_data: 'Personal data about someone else',
    other: 'Something else',
  } as Record<ReportReason, string>,
  details: 'Describe what is wrong (optional)',
  reportButton: 'Report the comment',
  commentHeading: 'The comment',

  settingsOpenTitle: (programme: string) => `Open a consultation on ${programme}`,
  settingsEditTitle: (programme: string) => `Change the consultation on ${programme}`,
  settingsIntro:
    'The consultation takes comments from its first to its last day inclusive. Change the last day to extend the consultation or to close it early.',
  startDate: 'First day',
  endDate: 'Last day',
  dateHint: 'Write it as year-month-day, for example 2027-03-01.',
  responsible: 'Comments are received by',
  responsibleHint:
    'The authority that receives the comments as public records and provides the consultation, for example the host municipality.',
  descriptionField: 'Description (optional)',
  descriptionHint:
    'Shown on the consultation’s page and in the consultation report: how the public is invited and what you want to know. A blank line separates paragraphs.',
  reportsToHide: 'Reports that hide a comment',
  reportsToHideHint: 'A comment hides itself after this many reports, until a moderator has reviewed it.',
  openButton: 'Open the consultation',
  saveButton: 'Save',
  saved: 'The consultation’s details are saved.',
  opened: 'The consultation is open.',
  openOnProgramme: 'Open a consultation on the proposal',

  moderationTitle: (programme: string) => `Moderate the consultation on ${programme}`,
  moderationIntro:
    'Hidden and reported comments come first. A hidden comment is never deleted. The author is e-mailed the reason when you hide or restore a comment.',
  unconfirmed: (n: number) =>
    n === 0
      ? null
      : `${count(n, 'comment is', 'comments are')} waiting for the author to confirm their address and not shown.`,
  noCommentsYet: 'No published comments yet.',
  status: { unconfirmed: 'Unconfirmed', published: 'Published', hidden: 'Hidden' } as Record<CommentStatus, string>,
  reportCount: (n: number) => (n === 0 ? 'No reports' : count(n, 'report', 'reports')),
  review: 'Review',
  reviewHidden: (n: number) => ` comment ${n}`,
  commentNumber: (n: number) => `Comment ${n}`,
  moderateTitle: (n: number) => `Review comment ${n}`,
  reportsHeading: 'Reports',
  noReports: 'No reports since the comment was last reviewed.',
  historyHeading: 'What has been done',
  noHistory: 'No moderator has done anything with the comment.',
  action: { hidden: 'Hidden', auto_hidden: 'Hidden after reports', restored: 'Restored' } as Record<
    ModerationAction,
    string
  >,
  historyLine: (action: string, who: string, date: string, reason: string) =>
    `${date}: ${action} by ${who}. Reason: ${reason}`,
  hideHeading: 'Hide the comment',
  hideConfirmHeading: 'Keep the comment hidden',
  restoreHeading: 'Show the comment again',
  moderationReason: 'Reason (sent to the author)',
  moderationReasonHint: 'Write so that the author understands why, for example which rule the comment breaks.',
  hideButton: 'Hide the comment',
  keepHiddenButton: 'Keep hidden',
  restoreButton: 'Show the comment again',
  moderatedMailed: 'Done. The author has been e-mailed the reason.',
  moderatedNotMailed: 'Done, but the e-mail to the author could not be sent. Contact the author another way if needed.',
  toModeration: 'Back to all comments to moderate',

  answersTitle: (programme: string) => `Answer the consultation on ${programme}`,
  answersIntro:
    'Answer one comment at a time, or gather comments that say the same thing under a theme and answer the theme. An answer is first saved as a draft and shown once it is published.',
  answerState: (state: 'none' | 'draft' | 'published') =>
    state === 'none' ? 'No answer' : state === 'draft' ? 'Answer (draft)' : 'Answer published',
  answer: 'Answer',
  answerHidden: (n: number) => ` comment ${n}`,
  answerTheme: 'Answer the theme',
  answerThemeHidden: (title: string) => ` “${title}”`,
  themeTerm: 'Theme',
  themesHeading: 'Themes',
  noThemes: 'No themes yet.',
  themeComments: (numbers: number[]) =>
    numbers.length === 1 ? `Comment ${numbers[0]}` : `Comments ${numbers.join(', ')}`,
  groupHeading: 'Gather comments under a theme',
  groupComments: 'Comments that belong to the theme',
  groupTheme: 'Theme',
  groupNewTheme: 'New theme',
  groupTitle: 'Name of the new theme',
  groupTitleHint: 'Only needed for a new theme.',
  groupButton: 'Gather under the theme',
  grouped: 'The comments are gathered under the theme.',
  answerTitleComment: (n: number) => `Answer to comment ${n}`,
  answerTitleTheme: (title: string) => `Answer on the theme “${title}”`,
  themeAlsoAnswers: (title: string) =>
    `The comment belongs to the theme “${title}”; the theme’s answer applies to it too.`,
  answerBody: 'Answer',
  answerBodyHint: 'The position taken: what the secretariat thinks and what changes in the next version, or why not.',
  outcomeLegend: 'How the comment is taken into account',
  saveDraft: 'Save as draft',
  publish: 'Publish the answer',
  answerSavedDraft: 'The answer is saved as a draft. It is not shown until it is published.',
  answerPublished: 'The answer is published.',
  currentAnswer: (state: 'draft' | 'published') => (state === 'draft' ? 'Draft, not shown' : 'Published'),
  toAnswers: 'Back to all comments to answer',
  hiddenForPublic: 'Hidden from the public',
};
