/**
 * A group of radios under a legend. The first radio gets the group's `id`, so an error summary link
 * to `#id` lands on the group (GOV.UK's convention); hint and error describe the whole fieldset.
 */
import type { Child } from 'hono/jsx';
import { describedBy, ErrorMessage, Hint } from './form-field.js';

export interface FieldsetProps {
  /** Id stem for hint and error; for RadioGroup also the first radio's id. */
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  children?: Child;
}

/** A plain fieldset with legend, hint and error, for grouping any controls. */
export function Fieldset(props: FieldsetProps) {
  return (
    <fieldset
      class={props.error ? 'ds-fieldset field field--error' : 'ds-fieldset field'}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend class="ds-label">{props.legend}</legend>
      <Hint id={props.id} text={props.hint} />
      {props.children}
      <ErrorMessage id={props.id} text={props.error} />
    </fieldset>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadioGroupProps extends Omit<FieldsetProps, 'children'> {
  /** Form field name; defaults to `id`. */
  name?: string;
  options: readonly RadioOption[];
  value?: string | null | undefined;
}

/** The id of the radio at `index`: the group id for the first, `${id}-${index + 1}` for the rest. */
export const radioId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function RadioGroup(props: RadioGroupProps) {
  return (
    <Fieldset id={props.id} legend={props.legend} hint={props.hint} error={props.error}>
      {props.options.map((option, index) => {
        const id = radioId(props.id, index);
        const optionHintId = `${id}-hint`;
        return (
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              id={id}
              name={props.name ?? props.id}
              value={option.value}
              checked={option.value === props.value}
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={option.hint ? optionHintId : undefined}
            />
            <label for={id}>{option.label}</label>
            {option.hint && (
              <p class="ds-paragraph" data-field="description" id={optionHintId}>
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </Fieldset>
  );
}
