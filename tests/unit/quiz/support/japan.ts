import { formatProblem, type Module } from "@/domain/content";
import { loadModuleDir } from "@/server/content/load";

let loading: Promise<Module> | undefined;

/** The real NATO–Japan module, loaded and validated once per test file. */
export function loadJapan(): Promise<Module> {
  loading ??= loadModuleDir("content/nato-japan").then((result) => {
    if (!result.ok)
      throw new Error(`content/nato-japan does not validate:\n${result.problems.map(formatProblem).join("\n")}`);
    return result.module;
  });
  return loading;
}
