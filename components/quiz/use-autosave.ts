"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { AutosaveQueue } from "./autosave-queue";
import { putAnswer } from "./put-answer";

/**
 * The attempt's autosave queue, wired to the browser: retry as soon as the connection or the
 * learner comes back, warn before leaving with unsaved answers, and send what is left when the
 * tab is hidden (the last chance on a phone) or the player goes away.
 */
export function useAutosave(attemptId: string) {
  const [queue] = useState(() => new AutosaveQueue((position, answer) => putAnswer(attemptId, position, answer)));
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "visible") queue.retryNow();
      else void queue.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.hasUnsaved()) return;
      event.preventDefault();
      // Older browsers only show the warning when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("online", queue.retryNow);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("online", queue.retryNow);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onVisibility);
      void queue.flush();
    };
  }, [queue]);

  return { ...snapshot, put: queue.put, commit: queue.commit, flush: queue.flush };
}
