"use client";
import { useTranslations } from "next-intl";
import type { CountdownWarning } from "./use-countdown";

/** "12:34" or "1:02:03", rounded up so that 0:00 means the time is really up. */
function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/**
 * The time left, shown but not read out every second; the 5-minute and 1-minute warnings go to
 * a polite live region instead.
 */
export function Countdown({ remainingMs, warning }: { remainingMs: number; warning: CountdownWarning | null }) {
  const t = useTranslations("quiz.timer");
  const isExpired = remainingMs === 0;
  const isUrgent = remainingMs <= 60_000;
  return (
    <div className="text-sm">
      <p className={`flex items-center gap-2 font-medium ${isUrgent ? "text-red-800" : ""}`}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="size-4 shrink-0">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M10 6v4l2.5 2.5" />
        </svg>
        <span>
          {isExpired ? t("expired") : t("remaining", { time: formatRemaining(remainingMs) })}
        </span>
      </p>
      <p aria-live="polite" className="sr-only">
        {isExpired ? t("expired") : warning ? t(warning) : ""}
      </p>
    </div>
  );
}
