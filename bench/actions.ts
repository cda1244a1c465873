// Server actions over HTTP, as Next's client calls them: POST to the page's URL with the
// action's id in `Next-Action`, the arguments encoded by React's encodeReply. For arguments
// that are plain JSON (no FormData, Blob, Date…), encodeReply gives a JSON string, sent as
// text/plain; a string that starts with "$" is escaped with one more "$".
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { IncomingHttpHeaders } from "node:http";

type Manifest = {
  node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }>;
};

/** The id of `exportedName` from `filename` in a server-reference-manifest.json, or an error naming what was found. */
export function findActionId(manifest: Manifest, filename: string, exportedName: string): string {
  const match = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!match) {
    const known = Object.values(manifest.node).map((entry) => `${entry.filename}#${entry.exportedName}`);
    throw new Error(`no server action ${filename}#${exportedName} in the build; found: ${known.join(", ")}`);
  }
  return match[0];
}

export async function readActionIds(
  projectRoot: string,
): Promise<{ submitAttempt: string; startReviewSession: string }> {
  const file = path.join(projectRoot, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
  return {
    submitAttempt: findActionId(manifest, "server/actions/attempts.ts", "submitAttempt"),
    startReviewSession: findActionId(manifest, "server/actions/attempts.ts", "startReviewSession"),
  };
}

/** encodeReply's output for JSON-only arguments: strings starting with "$" get a second "$". */
export function encodeActionArgs(args: readonly unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );
}

export function actionRequest(options: {
  origin: string;
  pagePath: string;
  actionId: string;
  cookie: string;
  args: readonly unknown[];
}) {
  return {
    method: "POST" as const,
    path: options.pagePath,
    headers: {
      accept: "text/x-component",
      "next-action": options.actionId,
      "content-type": "text/plain;charset=UTF-8",
      origin: options.origin,
      cookie: options.cookie,
    },
    body: encodeActionArgs(options.args),
  };
}

/**
 * A fetch action that redirects answers 200 with `x-action-redirect: <url>;<push|replace>` and
 * the target page's RSC payload; an action that failed (its `{ ok: false }` result) answers 200
 * without it. Returns why the response is not a redirect to `expected`, or null.
 */
export function checkActionRedirect(headers: IncomingHttpHeaders, expected: RegExp): string | null {
  const raw = headers["x-action-redirect"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "no x-action-redirect header (the action returned an error result)";
  const url = value.split(";")[0]!;
  return expected.test(url) ? null : `redirected to ${url}`;
}
