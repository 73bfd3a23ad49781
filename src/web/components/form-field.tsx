/**
 * Text field, text area and select with a visible label above, an optional hint and an inline error
 * (Designsystemet's Field markup, GOV.UK's error behaviour). Hint and error are tied to the control
 * with aria-describedby; the control gets aria-invalid while in error; the submitted value is
 * rendered back so nothing typed is lost.
 */
import type { Child } from 'hono/jsx';

export interface FieldProps {
  /** The control's id; the error summary links to `#id`. */
  id: string;
  /** Form field name; defaults to `id`. */
  name?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

export interface TextFieldProps extends FieldProps {
  value?: string | number | null | undefined;
  type?: 'text' | 'email' | 'number' | 'date' | 'url' | 'tel' | 'search' | 'password';
  /** e.g. "numeric" for years and amounts: prefer it to type="number" (GOV.UK's advice). */
  inputmode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search';
  autocomplete?: string;
  /** Width in characters, for short answers such as a year. */
  size?: number;
}

export interface TextAreaProps extends FieldProps {
  value?: string | null | undefined;
  rows?: number;
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldProps {
  options: readonly SelectOption[];
  value?: string | null | undefined;
  /** A first, empty choice such as "Välj kommun"; submitted as "". */
  placeholder?: string;
}

/** The ids the hint and error get, so aria-describedby and tests agree on them. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** aria-describedby for a control: hint then error; undefined (no attribute) when neither exists. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="ds-paragraph" data-field="description" id={hintId(id)}>
      {text}
    </p>
  );
}

/** The inline error; "Fel:" is read aloud but not shown, as colour and icon cannot be heard. */
export function ErrorMessage({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="ds-validation-message" data-field="validation" id={errorId(id)}>
      <span class="ds-sr-only">Fel: </span>
      {text}
    </p>
  );
}

function Field(props: FieldProps & { children: Child }) {
  return (
    <div class={props.error ? 'ds-field field field--error' : 'ds-field field'}>
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} text={props.hint} />
      {props.children}
      <ErrorMessage id={props.id} text={props.error} />
    </div>
  );
}

const controlAttributes = (props: FieldProps) => ({
  id: props.id,
  name: props.name ?? props.id,
  class: 'ds-input',
  'aria-describedby': describedBy(props.id, props.hint, props.error),
  'aria-invalid': props.error ? 'true' : undefined,
});

export function TextField(props: TextFieldProps) {
  return (
    <Field {...props}>
      <input
        {...controlAttributes(props)}
        type={props.type ?? 'text'}
        value={props.value == null ? '' : String(props.value)}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        size={props.size}
      />
    </Field>
  );
}

export interface FileFieldProps extends FieldProps {
  /** The file types the picker offers (the server judges the type by the content). */
  accept: string;
}

export function FileField(props: FileFieldProps) {
  return (
    <Field {...props}>
      <input {...controlAttributes(props)} type="file" accept={props.accept} />
    </Field>
  );
}

export function TextArea(props: TextAreaProps) {
  return (
    <Field {...props}>
      <textarea {...controlAttributes(props)} rows={props.rows ?? 5}>
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

export function Select(props: SelectProps) {
  const selected = props.value ?? '';
  return (
    <Field {...props}>
      <select {...controlAttributes(props)}>
        {props.placeholder !== undefined && (
          <option value="" selected={selected === ''}>
            {props.placeholder}
          </option>
        )}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
