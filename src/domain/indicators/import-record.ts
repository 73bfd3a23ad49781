/** One import of indicator values (a file or a Kolada sync) and how it went. */
export interface ImportRecord {
  id: number;
  kind: string;
  sourceName: string;
  sha256: string | null;
  status: 'succeeded' | 'unchanged' | 'failed';
  rowsRead: number;
  rowsChanged: number;
  rowsDeleted: number;
  message: string;
  userId: number | null;
  startedAt: string;
  finishedAt: string;
}
