"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Answer, QuestionView } from "@/domain/quiz";
import { chooseByDigit, isAnswered } from "./answer-helpers";
import { Countdown } from "./countdown";
import { QuestionCard, type AnswerHandler } from "./question-card";
import { QuestionNavigator } from "./question-navigator";
import { QuizProgress } from "./quiz-progress";
import { SaveStatus } from "./save-status";
import { ShortcutsHelp } from "./shortcuts-help";
import { SubmitPanel } from "./submit-panel";
import type { SubmitAction } from "./use-attempt-submission";
import { useAutosave } from "./use-autosave";
import { useCountdown } from "./use-countdown";
import { useQuizShortcuts } from "./use-quiz-shortcuts";

// Long enough not to send every keystroke, short enough that little is at risk.
const TYPING_PAUSE_MS = 700;
// Time to read why the attempt was closed before being taken to the results.
const CLOSED_REDIRECT_MS = 4_000;

export type QuizPlayerProps = {
  attemptId: string;
  questions: QuestionView[];
  initialAnswers: (Answer | null)[];
  /** 0-based. */
  initialPosition: number;
  /** ISO; null without a time limit. */
  deadlineAt: string | null;
  /** The server's clock when the page was made (ISO), so the countdown does not trust the browser's. */
  serverNow: string;
  submitAction: SubmitAction;
};

/** Takes a quiz one question at a time, saving each answer the moment it is given. */
export function QuizPlayer({ attemptId, questions, initialAnswers, initialPosition, deadlineAt, serverNow, submitAction }: QuizPlayerProps) {
  const t = useTranslations("quiz");
  const router = useRouter();
  const [answers, setAnswers] = useState(initialAnswers);
  const [position, setPosition] = useState(initialPosition);
  const [announcement, setAnnouncement] = useState({ text: "", count: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shouldFocusHeading = useRef(false);

  const total = questions.length;
  const view = questions[position]!;
  const answered = questions.map((question, index) => isAnswered(question, answers[index]));
  const unanswered = answered.filter((done) => !done).length;
  const resultsHref = `/attempts/${attemptId}/results`;
  const signInHref = `/sign-in?next=${encodeURIComponent(`/attempts/${attemptId}`)}`;

  const autosave = useAutosave(attemptId);
  const countdown = useCountdown({ deadlineAt, serverNow });
  const isClosed = autosave.closedMessage !== null;

  useEffect(() => {
    // The URL remembers the question, so a reload comes back to it.
    const url = new URL(window.location.href);
    url.searchParams.set("q", String(position + 1));
    window.history.replaceState(window.history.state, "", url);
    if (shouldFocusHeading.current) headingRef.current?.focus();
    shouldFocusHeading.current = false;
  }, [position]);

  useEffect(() => {
    if (!isClosed) return;
    const timer = setTimeout(() => router.replace(resultsHref), CLOSED_REDIRECT_MS);
    return () => clearTimeout(timer);
  }, [isClosed, resultsHref, router]);

  function goTo(next: number) {
    if (next < 0 || next >= total) return;
    shouldFocusHeading.current = true;
    setPosition(next);
  }

  function announce(text: string) {
    setAnnouncement((previous) => ({ text, count: previous.count + 1 }));
  }

  const give: AnswerHandler = (answer, options) => {
    if (isClosed) return;
    setAnswers((previous) => previous.map((old, index) => (index === position ? answer : old)));
    autosave.put(position, answer, options?.isTyping ? TYPING_PAUSE_MS : 0);
  };

  useQuizShortcuts({
    onPrevious: () => goTo(position - 1),
    onNext: () => goTo(position + 1),
    onDigit: (digit) => {
      const choice = chooseByDigit(view, answers[position], digit, { true: t("inputs.true"), false: t("inputs.false") });
      if (!choice || isClosed) return;
      give(choice.answer);
      announce(t(`shortcuts.${choice.effect}`, { option: choice.option }));
    },
  });

  return (
    <div className="space-y-6">
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <QuizProgress current={position + 1} total={total} answered={total - unanswered} />
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
          <SaveStatus unsaved={autosave.unsaved} problem={autosave.problem} signInHref={signInHref} />
          {countdown.remainingMs !== null ? <Countdown remainingMs={countdown.remainingMs} warning={countdown.warning} /> : null}
        </div>
      </div>

      {isClosed ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>{autosave.closedMessage || t("closed.fallback")}</p>
          <Link href={resultsHref} className="font-medium underline">
            {t("closed.results")}
          </Link>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-4">
          <QuestionCard
            key={view.id}
            view={view}
            position={position}
            answer={answers[position] ?? null}
            error={autosave.rejected[position]}
            isDisabled={isClosed}
            headingRef={headingRef}
            onAnswer={give}
            onCommit={() => autosave.commit(position)}
            announce={announce}
          />
          <div className="flex gap-3">
            <button
              type="button"
              onClick={() => goTo(position - 1)}
              disabled={position === 0}
              className="min-h-12 flex-1 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 sm:flex-none"
            >
              <span aria-hidden="true">← </span>
              {t("nav.previous")}
            </button>
            <button
              type="button"
              onClick={() => goTo(position + 1)}
              disabled={position === total - 1}
              className="ml-auto min-h-12 flex-1 rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:cursor-not-allowed disabled:opacity-50 sm:flex-none"
            >
              {t("nav.next")}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
        </div>
        <div className="space-y-6">
          <QuestionNavigator answered={answered} current={position} onSelect={goTo} />
          <SubmitPanel
            attemptId={attemptId}
            unanswered={unanswered}
            action={submitAction}
            flush={autosave.flush}
            isExpired={countdown.remainingMs === 0}
          />
          <ShortcutsHelp />
        </div>
      </div>

      <p aria-live="polite" className="sr-only">
        <span key={announcement.count}>{announcement.text}</span>
      </p>
    </div>
  );
}
