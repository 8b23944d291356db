import type { ReactNode } from 'react';
import type { Problem } from '../../api/types.ts';
import { FieldProblems } from '../../components/Problems.tsx';
import { useField } from './form-context.ts';

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export const FieldShell = ({
  id,
  label,
  hint,
  problems,
  errorId,
  children,
  optional,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problems?: Problem[];
  errorId: string;
  children: ReactNode;
  optional?: string;
}) => (
  <div className={`field${problems?.length ? ' has-error' : ''}`}>
    <label htmlFor={id}>
      {label}
      {optional && <span className="optional"> {optional}</span>}
    </label>
    {hint && (
      <div className="hint" id={`${id}-hint`}>
        {hint}
      </div>
    )}
    <FieldProblems problems={problems} id={errorId} />
    {children}
  </div>
);

/** A text input whose name is its path in the request (`members.0.phone`). */
export const TextField = ({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
  optional,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'decimal';
  optional?: string;
}) => {
  const f = useField(name);
  const value = f.value === undefined || f.value === null ? '' : String(f.value);
  return (
    <FieldShell id={f.id} label={label} hint={hint} problems={f.problems} errorId={f.errorId} optional={optional}>
      <input
        id={f.id}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        disabled={f.disabled}
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(hint ? `${f.id}-hint` : undefined, f.invalid && f.errorId)}
        onChange={(e) => f.change(type === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
        onBlur={f.touch}
      />
    </FieldShell>
  );
};

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export const SelectField = ({
  name,
  label,
  hint,
  options,
  placeholder,
  onChange,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  options: Option[];
  placeholder?: string;
  onChange?: (value: string) => void;
}) => {
  const f = useField(name);
  return (
    <FieldShell id={f.id} label={label} hint={hint} problems={f.problems} errorId={f.errorId}>
      <select
        id={f.id}
        name={name}
        value={typeof f.value === 'string' ? f.value : ''}
        disabled={f.disabled}
        aria-invalid={f.invalid || undefined}
        aria-describedby={describedBy(hint ? `${f.id}-hint` : undefined, f.invalid && f.errorId)}
        onChange={(e) => {
          f.touch();
          if (onChange) onChange(e.target.value);
          else f.change(e.target.value || undefined);
        }}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
};

export const CheckboxField = ({ name, label }: { name: string; label: ReactNode }) => {
  const f = useField(name);
  return (
    <div className={`field check${f.invalid ? ' has-error' : ''}`}>
      <FieldProblems problems={f.problems} id={f.errorId} />
      <label htmlFor={f.id} className="check-label">
        <input
          id={f.id}
          name={name}
          type="checkbox"
          checked={f.value === true}
          disabled={f.disabled}
          onChange={(e) => {
            f.touch();
            f.change(e.target.checked);
          }}
        />
        <span>{label}</span>
      </label>
    </div>
  );
};
