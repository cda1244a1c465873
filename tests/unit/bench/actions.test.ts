import { describe, expect, test } from "vitest";
import { actionRequest, checkActionRedirect, encodeActionArgs, findActionId } from "@/bench/actions";

const manifest = {
  node: {
    "7fa1": { filename: "server/actions/attempts.ts", exportedName: "startPractice", workers: {} },
    "7fec": { filename: "server/actions/attempts.ts", exportedName: "submitAttempt", workers: {} },
    "7f73": { filename: "server/actions/admin.ts", exportedName: "changeRole", workers: {} },
  },
};

describe("findActionId", () => {
  test("by file and export name", () => {
    expect(findActionId(manifest, "server/actions/attempts.ts", "submitAttempt")).toBe("7fec");
  });

  test("an action missing from the build is an error that lists what the build has", () => {
    expect(() => findActionId(manifest, "server/actions/attempts.ts", "startReviewSession")).toThrow(
      /server\/actions\/admin.ts#changeRole/,
    );
  });
});

describe("encodeActionArgs", () => {
  test("plain JSON, as React's encodeReply sends it for JSON-only arguments", () => {
    expect(encodeActionArgs([null, { attemptId: "0190-ab" }])).toBe('[null,{"attemptId":"0190-ab"}]');
  });

  test('a string that starts with "$" is escaped, so the server does not read it as a reference', () => {
    expect(encodeActionArgs([null, { module: "$1" }])).toBe('[null,{"module":"$$1"}]');
  });
});

test("actionRequest: POST to the page with the action id, same origin, text/plain", () => {
  const request = actionRequest({
    origin: "http://127.0.0.1:4000",
    pagePath: "/progress",
    actionId: "7fec",
    cookie: "a=b",
    args: [null, { module: "m" }],
  });
  expect(request).toMatchObject({
    method: "POST",
    path: "/progress",
    headers: {
      "next-action": "7fec",
      origin: "http://127.0.0.1:4000",
      cookie: "a=b",
      "content-type": "text/plain;charset=UTF-8",
    },
    body: '[null,{"module":"m"}]',
  });
});

describe("checkActionRedirect", () => {
  const results = /^\/attempts\/[^/]+\/results$/;
  test.each([
    [{ "x-action-redirect": "/attempts/abc/results;push" }, null],
    [{ "x-action-redirect": "/attempts/abc/results;replace" }, null],
    [{ "x-action-redirect": "/sign-in?next=%2Fattempts;push" }, "redirected to /sign-in?next=%2Fattempts"],
    [{}, "no x-action-redirect header (the action returned an error result)"],
  ])("%o → %s", (headers, expected) => {
    expect(checkActionRedirect(headers, results)).toBe(expected);
  });
});
