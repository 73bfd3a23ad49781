/**
 * Labels as given, with " (2)", " (3)" … added to repeats. The charts key their scales (and the
 * legend) on the label, so two series or bars with the same label would otherwise be drawn as one.
 */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}
