import { createContext, useContext } from 'react';
import type { Problem, RegistrationInput } from '../../api/types.ts';
import { getIn } from '../../lib/paths.ts';

/** What every field of the registration form reads: the input, how to change it, and its problems. */
export interface FormState<T = RegistrationInput> {
  input: T;
  change: (name: string, value: unknown) => void;
  touch: (name: string) => void;
  /** The server's problems for a field, once the reader has been there (or has tried to submit). */
  problemsAt: (name: string) => Problem[] | undefined;
  disabled: boolean;
}

/** Holds the registration form's state, or another form's built from the same fields (the join form). */
export const FormContext = createContext<FormState<unknown> | null>(null);

export const useForm = <T = RegistrationInput>() => {
  const form = useContext(FormContext);
  if (!form) throw new Error('useForm outside a form');
  return form as FormState<T>;
};

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

/** A field bound to its path in the input: value, change, touch, problems and ids for labels. */
export const useField = (name: string) => {
  const form = useForm<unknown>();
  const problems = form.problemsAt(name);
  const id = fieldId(name);
  return {
    id,
    name,
    value: getIn(form.input, name),
    problems,
    invalid: (problems?.length ?? 0) > 0,
    errorId: `${id}-error`,
    change: (value: unknown) => form.change(name, value),
    touch: () => form.touch(name),
    disabled: form.disabled,
  };
};
