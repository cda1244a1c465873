/** The form-level message of a failed action, announced to screen readers when it appears. */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? "rounded-md border border-red-300 bg-red-50 p-3 text-red-900" : "sr-only"}>
      {message}
    </div>
  );
}
