import type { FollowUpTexts } from '../sv/followUp.js';

export const followUp: FollowUpTexts = {
  title: (year) => `Follow-up ${year}`,
  description: (year) =>
    `The follow-up ${year}: the rounds with their last day for reports, the goal attainment and the annual report.`,
  lead: 'The chief networks’ activities are followed up in rounds during the plan year. Whoever is responsible for an activity reports its status, how much of it has been done and a comment, by the last day of the round.',
  yearFormLabel: 'Choose year',
  planYear: 'Plan year',
  showYear: 'Show the year',
  roundsHeading: (year) => `Rounds ${year}`,
  roundsCaption: (year) => `Follow-up rounds ${year}: last day for reports and reports received`,
  columns: {
    round: 'Round',
    periodEnds: 'Period ends',
    due: 'Last day for reports',
    reportsIn: 'Reports in',
    state: 'State',
  },
  reportedOf: (reported, expected) => `${reported} of ${expected}`,
  noRounds: (year) => `No follow-up rounds have been entered for ${year}.`,
  state: {
    missing: 'The last day has passed – reports are missing',
    closed: 'Closed',
    reporting: 'Reporting in progress',
    ongoing: 'Period in progress',
  },
  countedAmong: (internal, plans) =>
    `Reports in are counted among the activities in the year’s ${internal ? 'submitted and adopted' : 'adopted'} plans (${plans}) that had started when the round’s period ended.`,
  moreHeading: 'More about the follow-up',
  lateReports: 'Late reports (in Swedish)',
  lateReportsAfter: '– activities whose report is missing after the last day, with reminders by e-mail.',
  rollup: (year) => `Goal attainment ${year}`,
  rollupAfter: '– the activities by goal and focus area.',
  annualReport: (year) => `Annual report ${year}`,
  annualReportAfter: '– a draft with the activities’ outcome and the key indicators’ assessment.',
  calendar: 'Calendar with the last days for reports (iCalendar, in Swedish)',
  calendarAfter: '– subscribe to the address in your calendar, and new and changed dates come along.',
  setRounds: (year) => `Set up the rounds for ${year} (in Swedish)`,
  setRoundsAfter: '– name, end of the period and last day for reports.',
};
