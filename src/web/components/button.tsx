/**
 * Buttons: `Button` submits a form (a real <button>, so it works without JavaScript); `ButtonLink`
 * is a link that looks like a button, for navigation such as "Nytt program". Links stay links:
 * no role="button", so screen readers announce where they go.
 */
import type { Child } from 'hono/jsx';

export type ButtonVariant = 'primary' | 'secondary';

export interface ButtonProps {
  children: Child;
  variant?: ButtonVariant;
  /** Defaults to "submit". */
  type?: 'submit' | 'button' | 'reset';
  /** Sent with the form, to tell several submit buttons apart. */
  name?: string;
  value?: string;
  /** Submit to another URL than the form's action. */
  formaction?: string;
}

export interface ButtonLinkProps {
  href: string;
  children: Child;
  variant?: ButtonVariant;
}

const variantAttribute = (variant: ButtonVariant | undefined) => (variant === 'secondary' ? 'secondary' : undefined);

export function Button({ children, variant, type = 'submit', name, value, formaction }: ButtonProps) {
  return (
    <button
      class="ds-button"
      data-variant={variantAttribute(variant)}
      type={type}
      name={name}
      value={value}
      formaction={formaction}
    >
      {children}
    </button>
  );
}

export function ButtonLink({ href, children, variant }: ButtonLinkProps) {
  return (
    <a class="ds-button" data-variant={variantAttribute(variant)} href={href}>
      {children}
    </a>
  );
}
