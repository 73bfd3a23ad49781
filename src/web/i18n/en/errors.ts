import type { ErrorsTexts } from '../sv/errors.js';

export const errors: ErrorsTexts = {
  titles: {
    400: 'Bad request',
    403: 'This action is not allowed',
    404: 'Page not found',
    409: 'The changes could not be saved',
    413: 'The request is too large',
    422: 'The information could not be saved',
    500: 'An unexpected error occurred',
    503: 'The service cannot answer right now',
  },
  otherTitle: 'Something went wrong',
  description: (title) => `${title}: what happened and what you can do.`,
  notFoundHint: 'Check the address, or go to the home page and look from there.',
  messageInSwedish: 'The service says (in Swedish):',
  tryAgainLater:
    'Please try again in a while. If the error persists, contact the administration and give the error code.',
  errorCode: 'Error code:',
  toStartPage: 'Go to the home page',
};
