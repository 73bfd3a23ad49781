/** Splits rows into batches for multi-row statements (both drivers cap bound parameters per statement). */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
