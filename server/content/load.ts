import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateModule, type Module, type Problem, type SourceFile } from "@/domain/content";
import { parseYamlSource } from "./yaml-source";

// No `import "server-only"` here: scripts (content-check, the sync) run this outside Next.

export type LoadResult = { ok: true; modules: Module[] } | { ok: false; problems: Problem[] };

export const MODULE_FILES = ["module.yaml", "entities.yaml", "facts.yaml"] as const;

/** Paths in problems are relative to the working directory when inside it, as editors link them. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Loads and validates one module folder (module.yaml, entities.yaml, facts.yaml). The folder
 * name must equal the module's slug, so a module is found where its slug says.
 */
export async function loadModuleDir(
  dir: string,
): Promise<{ ok: true; module: Module } | { ok: false; problems: Problem[] }> {
  const problems: Problem[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name) && !(MODULE_FILES as readonly string[]).includes(entry.name)) {
      problems.push({
        file: displayPath(path.join(dir, entry.name)),
        path: "",
        message: `unexpected file; a module folder holds ${MODULE_FILES.join(", ")}`,
      });
    }
  }

  const sources: SourceFile[] = [];
  for (const name of MODULE_FILES) {
    const file = path.join(dir, name);
    const shown = displayPath(file);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      problems.push({
        file: shown,
        path: "",
        message: `missing file; every module folder needs ${MODULE_FILES.join(", ")}`,
      });
      continue;
    }
    const parsed = parseYamlSource(text, shown);
    problems.push(...parsed.problems);
    sources.push(parsed.file);
  }
  const [moduleFile, entitiesFile, factsFile] = sources;
  if (problems.length > 0 || !moduleFile || !entitiesFile || !factsFile) return { ok: false, problems };

  const result = validateModule({ module: moduleFile, entities: entitiesFile, facts: factsFile });
  if (!result.ok) return result;

  const folder = path.basename(dir);
  if (result.module.slug !== folder) {
    return {
      ok: false,
      problems: [
        {
          file: moduleFile.path,
          path: "slug",
          line: moduleFile.locate?.(["slug"]),
          message: `slug "${result.module.slug}" does not match its folder "${folder}"; rename one of them`,
        },
      ],
    };
  }
  return result;
}

/**
 * Loads every module folder under `rootDir` (each sub-folder is one module; files and hidden
 * folders are ignored). Returns all modules, or every problem of every module: never a
 * partial module, and never some modules while others are broken.
 */
export async function loadContentDir(rootDir: string): Promise<LoadResult> {
  let entries;
  try {
    entries = await readdir(rootDir, { withFileTypes: true });
  } catch {
    return { ok: false, problems: [{ file: displayPath(rootDir), path: "", message: "content folder not found" }] };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  if (folders.length === 0) {
    return {
      ok: false,
      problems: [
        { file: displayPath(rootDir), path: "", message: "no module folder found; add content/<slug>/module.yaml" },
      ],
    };
  }

  const modules: Module[] = [];
  const problems: Problem[] = [];
  for (const folder of folders) {
    const result = await loadModuleDir(path.join(rootDir, folder));
    if (result.ok) modules.push(result.module);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, modules };
}
