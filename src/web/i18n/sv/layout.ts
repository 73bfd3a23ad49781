/** The page frame: menu, header, footer, language switch (src/web/layout.tsx). */
export const layout = {
  /** The document title: "{page} – samverkan". */
  documentTitle: (title: string) => `${title} – samverkan`,
  skipLink: 'Till huvudinnehållet',
  /** The name in the header, a link to the start page. */
  siteName: 'samverkan',
  mainMenuLabel: 'Huvudmeny',
  menu: {
    start: 'Start',
    programmes: 'Program',
    adoption: 'Antagande',
    versions: 'Versioner',
    indicators: 'Nyckeltal',
    plans: 'Planer',
    followUp: 'Uppföljning',
    about: 'Om tjänsten',
  },
  signIn: 'Logga in',
  signOut: 'Logga ut',
  footerLabel: 'Sidfot',
  accessibilityStatement: 'Tillgänglighetsredogörelse',
  aboutService: 'Om tjänsten',
  licence: 'Öppen källkod under EUPL-1.2',
  breadcrumbsLabel: 'Brödsmulor',
  /** On English pages whose programme content has no stored English text. */
  contentInSwedish: 'Programmets innehåll finns bara på svenska.',
};

export type LayoutTexts = typeof layout;
