"use client";
import { useEffect, useEffectEvent } from "react";

type Shortcuts = { onPrevious: () => void; onNext: () => void; onDigit: (digit: number) => void };

const CHOICE_INPUTS = new Set(["radio", "checkbox", "button", "submit", "reset"]);

/** Typing somewhere (a text field, a select, an editable area): keys belong to the field. */
function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !CHOICE_INPUTS.has(target.type);
}

/**
 * The digit pressed, whatever the layout: on a French AZERTY keyboard the top row gives "&", "é"…
 * without Shift, so the physical key (code) counts as well as the character.
 */
function digitOf(event: KeyboardEvent): number | null {
  if (/^[1-9]$/.test(event.key)) return Number(event.key);
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}

/**
 * Page-wide keys: ← → (or p n) change question, 1–9 pick the nth option. They stay out of the
 * way of text fields and selects, of the arrow keys a radio group uses to move its selection,
 * of browser shortcuts (any modifier) and of an open dialog.
 */
export function useQuizShortcuts(shortcuts: Shortcuts) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (isTypingIn(target)) return;
    if (document.querySelector("dialog[open]")) return;
    const isRadio = target instanceof HTMLInputElement && target.type === "radio";
    const key = event.key.toLowerCase();
    if ((key === "arrowleft" && !isRadio) || key === "p") {
      event.preventDefault();
      shortcuts.onPrevious();
    } else if ((key === "arrowright" && !isRadio) || key === "n") {
      event.preventDefault();
      shortcuts.onNext();
    } else {
      const digit = digitOf(event);
      if (digit === null) return;
      event.preventDefault();
      shortcuts.onDigit(digit);
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
