import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { PathSegment, Problem, SourceFile } from "@/domain/content";

export type YamlSource = { file: SourceFile; problems: Problem[] };

/**
 * Parses one YAML text, keeping the line counter so a path inside the data (as zod reports
 * it) can be mapped back to a line. YAML errors (syntax, duplicate keys...) come back as
 * problems with their line; `file.data` is then undefined and must not be validated.
 */
export function parseYamlSource(text: string, path: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  const problems: Problem[] = doc.errors.map((error) => ({
    file: path,
    path: "",
    line: lineAt(error.pos[0]),
    message: `YAML syntax error (${error.code}): ${error.message.split("\n")[0]}`,
  }));

  const locate = (target: readonly PathSegment[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = nodeLine(node);
    for (const segment of target) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        line = nodeLine(pair.key) ?? nodeLine(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item: unknown = node.items[segment];
        if (item === undefined) break;
        line = nodeLine(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };

  function nodeLine(node: unknown): number | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  }

  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      // toJS can still fail on valid syntax, e.g. an alias bomb past maxAliasCount.
      problems.push({
        file: path,
        path: "",
        message: `YAML error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      });
    }
  }
  return { file: { path, data, locate }, problems };
}
