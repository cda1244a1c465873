import type { ReactNode } from "react";

/** The body cell of a compact DataTable: a rule above, tight padding, content at the top. */
export const COMPACT_CELL = "border-t border-slate-200 p-2 align-top";

type Props = {
  /** Names the table for screen readers; shown to everyone only when `captionVisible`. */
  caption: ReactNode;
  captionVisible?: boolean;
  /** The column headers, in order (a header may be visually hidden text). */
  columns: ReactNode[];
  /** The rows: `<tr>` elements, each with a `<th scope="row">` where a row has a name. */
  children: ReactNode;
  /**
   * The id of the heading that introduces the table. Wide tables scroll sideways on a phone;
   * naming the scrolling region and making it focusable lets keyboard users scroll it too.
   */
  labelledBy?: string;
  /** "compact" for wide data tables (small text, tight cells), "comfortable" for lists. */
  density?: "compact" | "comfortable";
  /** A Tailwind min-width class (written out in full so Tailwind sees it), e.g. "min-w-[40rem]". */
  minWidth?: string;
};

/** The app's data table: bordered, scrolling sideways when it must, with a caption and column headers. */
export function DataTable({
  caption,
  captionVisible = false,
  columns,
  children,
  labelledBy,
  density = "comfortable",
  minWidth = "",
}: Props) {
  const pad = density === "compact" ? "p-2" : "p-3";
  const region = labelledBy ? { role: "region", "aria-labelledby": labelledBy, tabIndex: 0 } : {};
  return (
    <div {...region} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full text-left ${density === "compact" ? "text-sm" : ""} ${minWidth}`}>
        <caption className={captionVisible ? "p-3 text-left font-medium" : "sr-only"}>{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={pad}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
