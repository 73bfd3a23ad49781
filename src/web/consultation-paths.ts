/** Where a consultation's pages are: all under its programme's address, `/program/<slug>/samrad`. */
import { FORMAT_SUFFIX } from './document-paths.js';
import type { DocumentFormat } from '../documents/document-model.js';

export const consultationPath = (slug: string) => `/program/${slug}/samrad`;
/** One part's thread and comment form; `key` as partKey gives it (`goal-12`). */
export const partPath = (slug: string, key: string) => `${consultationPath(slug)}/del/${key}`;
export const commentAnchor = (id: number) => `kommentar-${id}`;
export const reportCommentPath = (slug: string, commentId: number) =>
  `${consultationPath(slug)}/kommentarer/${commentId}/anmal`;
/** The page a confirmation link opens (a button there publishes the comment). */
export const confirmCommentPath = (token: string) => `/samrad/bekrafta/${token}`;

/** The secretariat's: open the consultation, or change it. */
export const consultationSettingsPath = (slug: string) => `${consultationPath(slug)}/installningar`;
export const moderationPath = (slug: string) => `${consultationPath(slug)}/moderering`;
export const moderateCommentPath = (slug: string, commentId: number) => `${moderationPath(slug)}/${commentId}`;
export const answersPath = (slug: string) => `${consultationPath(slug)}/svar`;
export const themesPath = (slug: string) => `${answersPath(slug)}/teman`;
export const answerCommentPath = (slug: string, commentId: number) => `${answersPath(slug)}/kommentarer/${commentId}`;
export const answerThemePath = (slug: string, themeId: number) => `${themesPath(slug)}/${themeId}`;

/** The samrådsredogörelse as a page, Word and PDF, and its comments as CSV. */
export const consultationReportPath = (slug: string, format: DocumentFormat = 'html') =>
  `${consultationPath(slug)}/redogorelse${FORMAT_SUFFIX[format]}`;
export const consultationCsvPath = (slug: string) => `${consultationPath(slug)}/redogorelse.csv`;
