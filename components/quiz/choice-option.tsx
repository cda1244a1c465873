type ChoiceOptionProps = {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The digit that picks this option from the keyboard, shown as a hint on wide screens. */
  shortcut?: number;
};

/** One option as a large, fully clickable card around a native radio or checkbox. */
export function ChoiceOption({ type, name, value, label, checked, onChange, shortcut }: ChoiceOptionProps) {
  return (
    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3 hover:border-brand has-checked:border-brand has-checked:bg-blue-50 has-checked:ring-1 has-checked:ring-brand">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-5 shrink-0 accent-brand"
      />
      <span className="min-w-0 flex-1 break-words">{label}</span>
      {shortcut !== undefined && shortcut <= 9 ? (
        <kbd aria-hidden="true" className="hidden rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-muted sm:inline">
          {shortcut}
        </kbd>
      ) : null}
    </label>
  );
}
