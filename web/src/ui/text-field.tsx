import type { InputHTMLAttributes } from "react";

/**
 * A labelled one-line field in the app's `.field` layout: the label tied to the input by id,
 * and the value handed back as text. Any other input attribute (type, required,
 * autoComplete...) passes through.
 */
export function TextField({
  id,
  label,
  value,
  onValue,
  ...input
}: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </div>
  );
}
