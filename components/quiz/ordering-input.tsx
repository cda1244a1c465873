"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Answer, AnswerOf, OrderingView } from "@/domain/quiz";
import { currentOrder } from "./answer-helpers";

type Props = {
  view: OrderingView;
  answer: AnswerOf<"ordering"> | null;
  onAnswer: (answer: Answer) => void;
  announce: (message: string) => void;
};

type Direction = "up" | "down";

/** An ordered list with Move up / Move down buttons (no drag and drop); every move is announced. */
export function OrderingInput({ view, answer, onAnswer, announce }: Props) {
  const t = useTranslations("quiz.ordering");
  const order = currentOrder(view, answer);
  const textOf = new Map(view.items.map((item) => [item.id, item.text]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // React moves list items in the DOM when the order changes, which can drop focus: put it back.
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => {
    if (focusAfterMove.current === null) return;
    buttons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  function move(index: number, direction: Direction) {
    const id = order[index]!;
    const item = textOf.get(id) ?? "";
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) {
      announce(t(direction === "up" ? "alreadyFirst" : "alreadyLast", { item }));
      return;
    }
    const next = [...order];
    [next[index], next[target]] = [next[target]!, id];
    focusAfterMove.current = `${id}:${direction}`;
    onAnswer({ type: "ordering", optionIds: next });
    announce(t("moved", { item, position: target + 1, total: order.length }));
  }

  return (
    <ol className="space-y-2">
      {order.map((id, index) => {
        const item = textOf.get(id) ?? "";
        return (
          <li key={id} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-300 bg-white p-3 sm:flex-nowrap">
            <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 font-semibold">
              {index + 1}
            </span>
            <span className="min-w-0 flex-1 break-words">{item}</span>
            <span className="flex w-full gap-2 sm:w-auto">
              {(["up", "down"] as const).map((direction) => {
                const isDisabled = direction === "up" ? index === 0 : index === order.length - 1;
                return (
                  <button
                    key={direction}
                    type="button"
                    ref={(element) => {
                      if (element) buttons.current.set(`${id}:${direction}`, element);
                      else buttons.current.delete(`${id}:${direction}`);
                    }}
                    // aria-disabled rather than disabled: the button keeps focus when its item reaches the end.
                    aria-disabled={isDisabled}
                    onClick={() => move(index, direction)}
                    className="flex min-h-11 flex-1 items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 aria-disabled:hover:bg-white sm:flex-none"
                  >
                    <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                    {t(direction)}
                    <span className="sr-only"> {t("itemSuffix", { item })}</span>
                  </button>
                );
              })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
