import { stringify } from "csv-stringify/sync";
import { foldForSearch } from "@/domain/teach";

/**
 * Shared by the gradebook and item-analysis downloads: CSV text that spreadsheets open with
 * French accents intact (UTF-8 with a BOM), and file names safe in any browser and file system.
 */

// A cell a spreadsheet would read as a formula (a learner named "=HYPERLINK(…)") is written
// as text instead, as OWASP advises for CSV injection.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The CSV text of `rows`, the first row being the header, prefixed with a UTF-8 BOM. Text
 * that starts like a formula gets a leading apostrophe; numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(
    rows.map((row) => row.map((value) => (value === null ? "" : typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value))),
    { bom: true },
  );
}

/** "Relations OTAN–Japon (2e année)" → "relations-otan-japon-2e-annee"; never empty. */
export function toFileSlug(text: string): string {
  const slug = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "export";
}

/** Today's date as YYYY-MM-DD in `timeZone`, for file names. */
export function fileDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Headers of a file download that is never cached (it holds learners' data). */
export function downloadHeaders(filename: string, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
