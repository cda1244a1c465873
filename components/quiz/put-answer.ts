import type { Answer } from "@/domain/quiz";

/** What one autosave request came to, as far as the queue is concerned. */
export type SaveResult =
  | { kind: "saved" }
  /** Worth trying again later: the network, the server (5xx, 429) or the session (401, once signed in again). */
  | { kind: "retry"; reason: "offline" | "server" | "signed-out" }
  /** This answer will never be accepted (422, 404, 413, 415): sending it again would not help. */
  | { kind: "rejected"; message: string }
  /** 409: the server has closed the attempt (finished, or past its deadline). */
  | { kind: "closed"; message: string };

// A request that hangs (captive portal, dead Wi-Fi) must not stall the queue forever.
const REQUEST_TIMEOUT_MS = 15_000;

/** Sends one answer to the autosave endpoint (PUT, so repeating it is harmless). */
export async function putAnswer(attemptId: string, position: number, answer: Answer): Promise<SaveResult> {
  let response: Response;
  try {
    response = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/responses/${position}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answer }),
      cache: "no-store",
      // Lets a save started just before the tab closes or the page changes reach the server.
      keepalive: true,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { kind: "retry", reason: "offline" };
  }
  if (response.ok) return { kind: "saved" };
  const message = await readMessage(response);
  if (response.status === 401) return { kind: "retry", reason: "signed-out" };
  if (response.status === 409) return { kind: "closed", message };
  if ([404, 413, 415, 422].includes(response.status)) return { kind: "rejected", message };
  return { kind: "retry", reason: "server" };
}

/** The endpoint's message is already in the reader's language; a proxy's error page has none. */
async function readMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === "string" ? body.message : "";
  } catch {
    return "";
  }
}
