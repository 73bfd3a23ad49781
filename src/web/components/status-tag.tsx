/**
 * A programme's status as a tag. The text carries the meaning; colour only supports it (WCAG 1.4.1).
 * Colours are Designsystemet's tinted surfaces with their darkest text, each pair well above 4.5:1.
 */

/** Same values as the domain's ProgrammeStatusKind; kept here so the view does not depend on its file. */
export type StatusTagKind = 'draft' | 'proposed' | 'adopting' | 'in_force' | 'replaced' | 'expired';

export interface StatusTagProps {
  kind: StatusTagKind;
  /** Defaults to the Swedish name of the status (STATUS_LABELS). */
  label?: string;
}

export const STATUS_LABELS: Readonly<Record<StatusTagKind, string>> = {
  draft: 'Utkast',
  proposed: 'Föreslaget',
  adopting: 'Antas',
  in_force: 'Gällande',
  replaced: 'Ersatt',
  expired: 'Upphört',
};

// Muted: only "gällande" and the two steps towards it get a hue; past states stay grey.
const COLOURS: Readonly<Record<StatusTagKind, { color: string; variant?: 'outline' }>> = {
  draft: { color: 'neutral', variant: 'outline' },
  proposed: { color: 'info' },
  adopting: { color: 'warning' },
  in_force: { color: 'success' },
  replaced: { color: 'neutral' },
  expired: { color: 'neutral' },
};

export function StatusTag({ kind, label = STATUS_LABELS[kind] }: StatusTagProps) {
  const { color, variant } = COLOURS[kind];
  return (
    <span class="ds-tag status-tag" data-color={color} data-variant={variant} data-status={kind}>
      {label}
    </span>
  );
}
