/** Where documents are read to record decisions: the upload, each document's review, its file, its confirmation. */
export const DOCUMENT_UPLOAD_PATH = '/antagande/dokument';
export const decisionDocumentPath = (id: number) => `${DOCUMENT_UPLOAD_PATH}/${id}`;
export const decisionDocumentFilePath = (id: number) => `${decisionDocumentPath(id)}/fil`;
export const decisionDocumentConfirmPath = (id: number) => `${decisionDocumentPath(id)}/bekrafta`;
