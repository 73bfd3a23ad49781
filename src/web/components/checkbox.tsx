/** A checkbox of a group whose fieldset carries the group's hint and error. */
import { errorId } from './form-field.js';

export interface CheckboxProps {
  id: string;
  name: string;
  value: number | string;
  label: string;
  checked: boolean;
  /** The error the box's group shows, if any (its id describes the box). */
  errorOf?: string | undefined;
}

export function Checkbox({ id, name, value, label, checked, errorOf }: CheckboxProps) {
  return (
    <div class="ds-field">
      <input
        class="ds-input"
        type="checkbox"
        id={id}
        name={name}
        value={String(value)}
        checked={checked}
        aria-invalid={errorOf ? 'true' : undefined}
        aria-describedby={errorOf ? errorId(name) : undefined}
      />
      <label for={id}>{label}</label>
    </div>
  );
}
