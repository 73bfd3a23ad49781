/** The follow-up hub (/uppfoljning): the year's rounds and the ways on. */
export const followUp = {
  title: (year: number) => `Uppföljning ${year}`,
  description: (year: number) =>
    `Uppföljningen ${year}: omgångarna med sista dag för rapport, måluppfyllelsen och årsredovisningen.`,
  lead: 'Chefsnätverkens aktiviteter följs upp i omgångar under planåret. Den som ansvarar för en aktivitet rapporterar status, hur stor del som är genomförd och en kommentar senast sista dagen för omgången.',
  yearFormLabel: 'Välj år',
  planYear: 'Planår',
  showYear: 'Visa året',
  roundsHeading: (year: number) => `Omgångar ${year}`,
  roundsCaption: (year: number) => `Uppföljningsomgångar ${year}: sista dag för rapport och rapporter som kommit in`,
  columns: {
    round: 'Omgång',
    periodEnds: 'Perioden slutar',
    due: 'Sista dag för rapport',
    reportsIn: 'Rapporter in',
    state: 'Läge',
  },
  reportedOf: (reported: string, expected: string) => `${reported} av ${expected}`,
  noRounds: (year: number) => `Inga uppföljningsomgångar är inlagda för ${year}.`,
  state: {
    missing: 'Sista dagen har passerat – rapporter saknas',
    closed: 'Avslutad',
    reporting: 'Rapportering pågår',
    ongoing: 'Perioden pågår',
  },
  countedAmong: (internal: boolean, plans: string) =>
    `Rapporter in räknas bland aktiviteterna i årets ${internal ? 'inlämnade och antagna' : 'antagna'} planer (${plans} st) som hade börjat när omgångens period slutade.`,
  moreHeading: 'Mer om uppföljningen',
  lateReports: 'Sena rapporter',
  lateReportsAfter: '– aktiviteter vars rapport saknas efter sista dagen, med påminnelser per e-post.',
  rollup: (year: number) => `Måluppfyllelse ${year}`,
  rollupAfter: '– aktiviteterna per mål och fokusområde.',
  annualReport: (year: number) => `Årsredovisning ${year}`,
  annualReportAfter: '– utkast med aktiviteternas utfall och nyckeltalens bedömning.',
  calendar: 'Kalender med sista dagarna för rapport (iCalendar)',
  calendarAfter: '– prenumerera på adressen i din kalender, så kommer nya och ändrade datum med.',
  setRounds: (year: number) => `Ställ in omgångarna för ${year}`,
  setRoundsAfter: '– namn, periodens slut och sista dag för rapport.',
};

export type FollowUpTexts = typeof followUp;
