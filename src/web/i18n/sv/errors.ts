/** The error pages (src/web/pages/error.page.tsx). */
export const errors = {
  titles: {
    400: 'Felaktig förfrågan',
    403: 'Åtgärden är inte tillåten',
    404: 'Sidan finns inte',
    409: 'Det gick inte att spara',
    413: 'Förfrågan är för stor',
    422: 'Uppgifterna kunde inte sparas',
    500: 'Ett oväntat fel inträffade',
    503: 'Tjänsten kan inte svara just nu',
  } as Record<number, string>,
  otherTitle: 'Något gick fel',
  description: (title: string) => `${title}: vad som hände och vad du kan göra.`,
  notFoundHint: 'Kontrollera adressen, eller gå till startsidan och leta vidare därifrån.',
  /** Before the (Swedish) message of the error on a page in another language; unused on Swedish pages. */
  messageInSwedish: '',
  tryAgainLater: 'Försök igen om en stund. Om felet kvarstår, kontakta förvaltningen och ange felkoden.',
  errorCode: 'Felkod:',
  toStartPage: 'Till startsidan',
};

export type ErrorsTexts = typeof errors;
