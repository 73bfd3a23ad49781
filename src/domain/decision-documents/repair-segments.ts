import type { TextRepair } from './document-reading.js';

/** A run of text; `change` (1-based, in the order of the repairs) marks the part a repair touched. */
export interface Segment {
  text: string;
  change?: number;
}

/** The repairs in text order that fit the text read (each `from` where it says, none overlapping). */
export function orderedRepairs(readText: string, repairs: readonly TextRepair[]): TextRepair[] {
  const fitting: TextRepair[] = [];
  let end = 0;
  for (const r of [...repairs].sort((a, b) => a.at - b.at)) {
    if (r.at < end || readText.slice(r.at, r.at + r.from.length) !== r.from) continue;
    fitting.push(r);
    end = r.at + r.from.length;
  }
  return fitting;
}

/**
 * The text as read and the text repaired, each cut into runs with the repaired parts marked by the
 * repair's number, so a page can show them side by side with every change marked in both.
 */
export function repairSegments(
  readText: string,
  repairs: readonly TextRepair[],
): { read: Segment[]; repaired: Segment[]; repairs: TextRepair[] } {
  const ordered = orderedRepairs(readText, repairs);
  const read: Segment[] = [];
  const repaired: Segment[] = [];
  let position = 0;
  ordered.forEach((r, index) => {
    const between = readText.slice(position, r.at);
    if (between) {
      read.push({ text: between });
      repaired.push({ text: between });
    }
    read.push({ text: r.from, change: index + 1 });
    repaired.push({ text: r.to, change: index + 1 });
    position = r.at + r.from.length;
  });
  const rest = readText.slice(position);
  if (rest) {
    read.push({ text: rest });
    repaired.push({ text: rest });
  }
  return { read, repaired, repairs: ordered };
}
