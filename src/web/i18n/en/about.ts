import type { AboutTexts } from '../sv/about.js';

export const about: AboutTexts = {
  title: 'About the service',
  description:
    'About samverkan: what the service does, who runs it, where its data comes from and under which licence the software is open source.',
  intro:
    'samverkan is a platform on which cooperating municipalities run their joint development programme through the whole cycle: proposal, adoption by each member’s municipal executive board, yearly plans, follow-up with key indicators and revision before the next term of office.',
  dataHeading: 'The data',
  data: (collaboration) =>
    `The demonstration data is real information about ${collaboration} and its development programmes 2013–2023, taken from the cooperation’s website and a member municipality’s memo. The source is given with each programme and decision. What the sources do not say – for example exact dates and paragraphs of decisions – is shown as unknown and has not been filled in.`,
  languages:
    'The service is Swedish first. Every public page is also available in English, chosen with the language link at the top of the page. The cooperation’s own content – programmes, goals, strategies, decisions and sources – is written in Swedish and is shown in Swedish where no English text has been stored. Documents (the programme document, memos and reports) are in Swedish. Numbers are written the Swedish way, with a decimal comma (12,5) and a space between thousands (1 234); dates are written year-month-day (2019-10-11).',
  openSourceHeading: 'Open source',
  openSource:
    'The software is open source under the EUPL-1.2 licence, the licence the Swedish public sector uses for code it shares.',
  apiHeading: 'Open API',
  apiBefore:
    'The programmes, the decisions and the comparisons are also available as JSON. The description of the interface (OpenAPI) is at',

  accessibilityTitle: 'Accessibility statement',
  accessibilityDescription:
    'How accessible the website is under the Swedish act on accessibility to digital public services, known shortcomings and how to report problems.',
  accessibilityIntro:
    'This website is meant to be accessible under the Swedish act (2018:1937) on accessibility to digital public services and the standard EN 301 549, which corresponds to WCAG 2.1 level AA.',
  howAccessibleHeading: 'How accessible is the website?',
  howAccessible:
    'Every page template is tested automatically in a browser with the axe tool against WCAG 2.1 levels A and AA and must have no violations, also when a form shows its errors. The pages work without JavaScript, can be used with the keyboard alone and can be read on a screen 320 pixels wide. Automated tests do not find every shortcoming; we welcome your comments.',
  knownIssuesHeading: 'Known shortcomings',
  knownIssues:
    'The memo that comes with the demonstration data is scanned text in which the letters å, ä and ö were damaged by the scanning.',
  knownIssuesEnglish:
    'On the English pages, the cooperation’s own content is in Swedish where no English text has been stored; it is marked as Swedish so that screen readers read it as Swedish. Documents are only available in Swedish.',
  contactHeading: 'If you cannot use something',
  contact:
    'Contact the organisation that runs the service. If you are not satisfied with the answer, you can report it to the Agency for Digital Government (Digg), which is the supervisory authority.',
};
