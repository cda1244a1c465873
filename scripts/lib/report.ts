import { SetupError } from "@/server/db/errors";

/** Prints a SetupError as one line; anything else is a bug and keeps its stack. */
export function reportFatal(error: unknown): void {
  if (error instanceof SetupError) {
    console.error(`entente: ${error.message}`);
  } else {
    console.error("entente: unexpected error", error);
  }
}
