import { useId } from "react";

type Choice = { value: string; label: string; detail?: string };

/** Checkboxes under one legend; the group's errors are announced with it. */
export function CheckboxGroup({
  name,
  legend,
  choices,
  defaultChecked,
  errors,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  defaultChecked: string[];
  errors?: string[];
}) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined} className="space-y-2">
      <legend className="mb-2 font-semibold">{legend}</legend>
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {errors!.join(" ")}
        </p>
      ) : null}
      <ul className="grid gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-brand has-[:checked]:bg-blue-50">
              <input type="checkbox" name={name} value={choice.value} defaultChecked={defaultChecked.includes(choice.value)} className="mt-1 size-4" />
              <span>
                <span className="font-medium">{choice.label}</span>
                {choice.detail ? <span className="block text-sm text-muted">{choice.detail}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
