/**
 * The consultation pages (samråd): the public page with the proposal's threads, a part's page with the
 * comment form, the confirmation and report pages, and the secretariat's settings, moderation and answer
 * pages. The programme's words and the comments are data and are not here.
 */
import type {
  AnswerOutcome,
  CommentStatus,
  ConsultationPhase,
  ModerationAction,
  PartKind,
  ReportReason,
} from '../../../domain/consultation/consultation.js';
import { formatLongDate } from '../../format.js';

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const consultation = {
  consultation: 'Samråd',
  title: (programme: string) => `Samråd om ${programme}`,
  description: (programme: string) =>
    `Samråd om förslaget till ${programme}: läs förslaget och lämna synpunkter på fokusområden, mål och strategier.`,
  phaseLabel: { upcoming: 'Kommande', open: 'Pågår', closed: 'Avslutat' } as Record<ConsultationPhase, string>,
  phaseText: (phase: ConsultationPhase, start: string, end: string): string =>
    phase === 'upcoming'
      ? `Samrådet börjar ${formatLongDate(start)} och pågår till och med ${formatLongDate(end)}. Då kan du lämna synpunkter.`
      : phase === 'open'
        ? `Samrådet pågår till och med ${formatLongDate(end)}. Lämna dina synpunkter på förslagets fokusområden, mål och strategier nedan.`
        : `Samrådet pågick ${formatLongDate(start)}–${formatLongDate(end)} och är avslutat. Inga fler synpunkter tas emot.`,
  period: (start: string, end: string) => `${start}–${end}`,
  periodTerm: 'Samrådstid',
  statusTerm: 'Läge',
  publishedTerm: 'Publicerad',
  responsibleTerm: 'Tar emot synpunkterna',
  programmeTerm: 'Förslaget',
  versionText: (name: string, version: number) => `${name}, version ${version}`,
  noMailer:
    'Det går inte att kommentera just nu: tjänsten kan inte skicka e-post för att bekräfta adresser. Försök igen senare.',

  howHeading: 'Så fungerar det',
  howText: [
    'Varje fokusområde, mål och strategi har en egen tråd. Välj ”Kommentera” vid den del du vill säga något om.',
    'Du skriver ett namn som visas och din e-postadress. Vi skickar en länk till adressen; kommentaren visas när du har öppnat länken och bekräftat. E-postadressen visas aldrig.',
    'Sekretariatet svarar på kommentarerna, en och en eller flera tillsammans under ett tema. När samrådet är avslutat sammanfattas allt i en samrådsredogörelse.',
  ],
  recordsHeading: 'Allmänna handlingar och personuppgifter',
  recordsText: (responsible: string) => [
    `Kommentarer som kommer in blir allmänna handlingar hos ${responsible}. Namn och e-postadress kan lämnas ut till den som begär det, efter en sekretessprövning.`,
    'Skriv inte personnummer eller känsliga uppgifter om dig själv eller någon annan. En kommentar med ett personnummer tas inte emot.',
    'Vi använder e-postadressen bara för att bekräfta den och för att berätta om en moderator döljer eller visar din kommentar.',
  ],
  rulesHeading: 'Vem som ansvarar för tjänsten, och reglerna',
  rulesText: (responsible: string, service: string) => [
    `Samrådet tillhandahålls av ${responsible} i ${service}. Kommentarerna är synliga för alla på internet.`,
    'Vi granskar kommentarerna och döljer sådant som uppenbart är olagligt enligt lagen (1998:112) om ansvar för elektroniska anslagstavlor, till exempel olaga hot, hets mot folkgrupp och olaga integritetsintrång, och sådant som är reklam eller inte hör till samrådet. En dold kommentar raderas inte; den finns kvar som allmän handling.',
    'Anmäl en kommentar som du tycker bryter mot reglerna. Efter flera anmälningar döljs den tills en moderator har granskat den.',
  ],

  proposalHeading: 'Förslaget',
  partKind: { focus_area: 'Fokusområde', goal: 'Mål', strategy: 'Strategi' } as Record<PartKind, string>,
  /** The part as a link text and heading names it: “Mål: Ökad tillgänglighet”. */
  partHeading: (kind: PartKind, text: string, number: number) =>
    kind === 'strategy' ? `Strategi ${number}: ${text}` : kind === 'goal' ? `Mål: ${text}` : `Fokusområde: ${text}`,
  partWhere: (kind: PartKind, focusArea: string, goal: string | null) =>
    kind === 'focus_area'
      ? null
      : kind === 'goal'
        ? `I fokusområdet ${focusArea}.`
        : `Under målet ”${goal ?? ''}” i fokusområdet ${focusArea}.`,
  commentCount: (n: number) => (n === 0 ? 'Inga kommentarer ännu' : count(n, 'kommentar', 'kommentarer')),
  commentOn: 'Kommentera',
  commentOnHidden: (part: string) => ` ${part}`,
  readThread: 'Läs tråden',
  threadHeading: 'Kommentarer',
  noComments: 'Inga kommentarer ännu.',
  commentBy: (name: string, date: string) => `${name}, ${date}`,
  commentOf: (name: string) => `Kommentar av ${name}`,
  hiddenComment: 'Kommentaren är dold av en moderator.',
  answerHeading: 'Svar från sekretariatet',
  themeAnswer: (theme: string) => `Svar på temat ”${theme}”`,
  outcome: {
    accommodated: 'Tillgodoses',
    partly: 'Tillgodoses delvis',
    not_accommodated: 'Tillgodoses inte',
    noted: 'Noteras',
  } as Record<AnswerOutcome, string>,
  report: 'Anmäl',
  reportHidden: (name: string) => ` kommentaren av ${name}`,
  toConsultation: 'Till samrådet',
  toProgramme: 'Till programmets sida',
  reportHeading: 'Samrådsredogörelse',
  reportIntro:
    'Samrådsredogörelsen sammanfattar kommentarerna per del av förslaget, ställningstagandena och vad som ändrats i nästa version, med alla kommentarer i en bilaga.',
  reportName: 'Samrådsredogörelsen',
  reportCsv: 'Alla kommentarer som CSV-fil (för kalkylprogram)',
  secretariatHeading: 'För sekretariatet',
  settingsLink: 'Ändra samrådets datum och uppgifter',
  moderationLink: 'Moderera kommentarerna',
  answersLink: 'Svara på kommentarerna',
  reportDraftLink: 'Samrådsredogörelsen (utkast)',

  formHeading: 'Skriv en kommentar',
  displayName: 'Namn som visas',
  displayNameHint: 'Visas för alla tillsammans med kommentaren. Du kan skriva ett smeknamn.',
  email: 'E-postadress',
  emailHint: 'Vi skickar en länk hit för att bekräfta adressen. Adressen visas aldrig.',
  body: 'Kommentar',
  bodyHint: 'Högst 4 000 tecken. Skriv inte personnummer eller känsliga uppgifter om dig själv eller andra.',
  beforeSending: (responsible: string) =>
    `När du skickar blir kommentaren en allmän handling hos ${responsible}. Namn och e-postadress kan lämnas ut till den som begär det.`,
  send: 'Skicka kommentaren',
  sent: 'Tack! Vi har skickat ett e-postmeddelande med en länk. Kommentaren visas när du har öppnat länken och bekräftat.',
  confirmedMessage: 'Tack! Din kommentar är publicerad.',
  reportedMessage: 'Tack för din anmälan. En moderator granskar kommentaren.',
  alreadyReported: 'Du har redan anmält kommentaren. En moderator granskar den.',
  hiddenByReports: 'Tack för din anmälan. Kommentaren döljs nu tills en moderator har granskat den.',
  notOpenUpcoming: (start: string) => `Samrådet har inte börjat. Du kan kommentera från ${formatLongDate(start)}.`,
  notOpenClosed: 'Samrådet är avslutat. Inga fler kommentarer tas emot.',
  errorTitle: (title: string) => `Fel: ${title}`,

  confirmTitle: 'Bekräfta din kommentar',
  confirmIntro:
    'Du har skrivit den här kommentaren. Tryck på knappen för att bekräfta din e-postadress och publicera den.',
  confirmAbout: (part: string) => `Om ${part}`,
  confirmButton: 'Bekräfta och publicera',

  reportTitle: 'Anmäl en kommentar',
  reportIntroText:
    'Anmäl kommentaren om den bryter mot reglerna, till exempel om den innehåller hot, hets, reklam eller personuppgifter om någon annan. Anmälan är anonym.',
  reason: 'Varför anmäler du kommentaren?',
  reasons: {
    spam: 'Reklam eller skräppost',
    threat: 'Hot',
    hate: 'Hets eller kränkningar',
    personal_data: 'Personuppgifter om någon annan',
    other: 'Annat',
  } as Record<ReportReason, string>,
  details: 'Beskriv gärna vad som är fel (valfritt)',
  reportButton: 'Anmäl kommentaren',
  commentHeading: 'Kommentaren',

  settingsOpenTitle: (programme: string) => `Öppna samråd om ${programme}`,
  settingsEditTitle: (programme: string) => `Ändra samrådet om ${programme}`,
  settingsIntro:
    'Samrådet är öppet för kommentarer från första till och med sista dagen. Ändra sista dagen för att förlänga samrådet eller avsluta det tidigare.',
  startDate: 'Första dagen',
  endDate: 'Sista dagen',
  dateHint: 'Skriv som år-månad-dag, till exempel 2027-03-01.',
  responsible: 'Tar emot synpunkterna',
  responsibleHint:
    'Den myndighet som tar emot kommentarerna som allmänna handlingar och tillhandahåller samrådet, till exempel värdkommunen.',
  descriptionField: 'Beskrivning (valfri)',
  descriptionHint:
    'Visas på samrådets sida och i samrådsredogörelsen: hur allmänheten bjuds in och vad ni vill veta. En tom rad skiljer styckena åt.',
  reportsToHide: 'Anmälningar som döljer en kommentar',
  reportsToHideHint:
    'En kommentar döljs av sig själv efter så här många anmälningar, tills en moderator har granskat den.',
  openButton: 'Öppna samrådet',
  saveButton: 'Spara',
  saved: 'Samrådets uppgifter är sparade.',
  opened: 'Samrådet är öppnat.',
  openOnProgramme: 'Öppna ett samråd om förslaget',

  moderationTitle: (programme: string) => `Moderera samrådet om ${programme}`,
  moderationIntro:
    'Dolda och anmälda kommentarer står först. En dold kommentar raderas aldrig. Författaren får e-post med skälet när du döljer eller visar en kommentar.',
  unconfirmed: (n: number) =>
    n === 0
      ? null
      : `${count(n, 'kommentar', 'kommentarer')} väntar på att författaren bekräftar sin adress och visas inte.`,
  noCommentsYet: 'Inga publicerade kommentarer ännu.',
  status: { unconfirmed: 'Obekräftad', published: 'Publicerad', hidden: 'Dold' } as Record<CommentStatus, string>,
  reportCount: (n: number) => (n === 0 ? 'Inga anmälningar' : count(n, 'anmälan', 'anmälningar')),
  review: 'Granska',
  reviewHidden: (n: number) => ` kommentar ${n}`,
  commentNumber: (n: number) => `Kommentar ${n}`,
  moderateTitle: (n: number) => `Granska kommentar ${n}`,
  reportsHeading: 'Anmälningar',
  noReports: 'Inga anmälningar sedan kommentaren senast granskades.',
  historyHeading: 'Vad som har gjorts',
  noHistory: 'Ingen moderator har gjort något med kommentaren.',
  action: { hidden: 'Dold', auto_hidden: 'Dold efter anmälningar', restored: 'Visad igen' } as Record<
    ModerationAction,
    string
  >,
  historyLine: (action: string, who: string, date: string, reason: string) =>
    `${date}: ${action} av ${who}. Skäl: ${reason}`,
  hideHeading: 'Dölj kommentaren',
  hideConfirmHeading: 'Behåll kommentaren dold',
  restoreHeading: 'Visa kommentaren igen',
  moderationReason: 'Skäl (skickas till författaren)',
  moderationReasonHint: 'Skriv så att författaren förstår varför, till exempel vilken regel kommentaren bryter mot.',
  hideButton: 'Dölj kommentaren',
  keepHiddenButton: 'Behåll dold',
  restoreButton: 'Visa kommentaren igen',
  moderatedMailed: 'Klart. Författaren har fått e-post med skälet.',
  moderatedNotMailed:
    'Klart, men e-posten till författaren kunde inte skickas. Kontakta författaren på annat sätt om det behövs.',
  toModeration: 'Till alla kommentarer att moderera',

  answersTitle: (programme: string) => `Svara på samrådet om ${programme}`,
  answersIntro:
    'Svara på en kommentar i taget, eller samla kommentarer som säger samma sak under ett tema och svara på temat. Ett svar sparas först som utkast och visas när det publiceras.',
  answerState: (state: 'none' | 'draft' | 'published'): string =>
    state === 'none' ? 'Inget svar' : state === 'draft' ? 'Svar (utkast)' : 'Svar publicerat',
  answer: 'Svara',
  answerHidden: (n: number) => ` på kommentar ${n}`,
  answerTheme: 'Svara på temat',
  answerThemeHidden: (title: string) => ` ”${title}”`,
  themeTerm: 'Tema',
  themesHeading: 'Teman',
  noThemes: 'Inga teman ännu.',
  themeComments: (numbers: number[]) =>
    numbers.length === 1 ? `Kommentar ${numbers[0]}` : `Kommentarerna ${numbers.join(', ')}`,
  groupHeading: 'Samla kommentarer under ett tema',
  groupComments: 'Kommentarer som hör till temat',
  groupTheme: 'Tema',
  groupNewTheme: 'Nytt tema',
  groupTitle: 'Det nya temats namn',
  groupTitleHint: 'Behövs bara för ett nytt tema.',
  groupButton: 'Samla under temat',
  grouped: 'Kommentarerna är samlade under temat.',
  answerTitleComment: (n: number) => `Svar på kommentar ${n}`,
  answerTitleTheme: (title: string) => `Svar på temat ”${title}”`,
  themeAlsoAnswers: (title: string) => `Kommentaren hör till temat ”${title}”; svaret på temat gäller den också.`,
  answerBody: 'Svar',
  answerBodyHint: 'Ställningstagandet: vad sekretariatet tycker och vad som ändras i nästa version, eller varför inte.',
  outcomeLegend: 'Hur synpunkten tas om hand',
  saveDraft: 'Spara som utkast',
  publish: 'Publicera svaret',
  answerSavedDraft: 'Svaret är sparat som utkast. Det visas inte förrän det publiceras.',
  answerPublished: 'Svaret är publicerat.',
  currentAnswer: (state: 'draft' | 'published'): string => (state === 'draft' ? 'Utkast, visas inte' : 'Publicerat'),
  toAnswers: 'Till alla kommentarer att svara på',
  hiddenForPublic: 'Dold för allmänheten',
};

export type ConsultationTexts = typeof consultation;
