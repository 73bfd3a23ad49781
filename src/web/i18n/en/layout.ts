import type { LayoutTexts } from '../sv/layout.js';

export const layout: LayoutTexts = {
  documentTitle: (title) => `${title} – samverkan`,
  skipLink: 'Skip to main content',
  siteName: 'samverkan',
  mainMenuLabel: 'Main menu',
  menu: {
    start: 'Home',
    programmes: 'Programmes',
    adoption: 'Adoption',
    versions: 'Versions',
    indicators: 'Key indicators',
    plans: 'Plans',
    followUp: 'Follow-up',
    about: 'About the service',
  },
  signIn: 'Sign in',
  signOut: 'Sign out',
  footerLabel: 'Footer',
  accessibilityStatement: 'Accessibility statement',
  aboutService: 'About the service',
  licence: 'Open source under EUPL-1.2',
  breadcrumbsLabel: 'Breadcrumbs',
  contentInSwedish:
    'The cooperation’s own content – its programmes, goals and strategies, names and descriptions – is written in Swedish. Where no English text has been stored, it is shown in Swedish.',
};
