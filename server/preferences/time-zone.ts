import "server-only";
import { cookies } from "next/headers";
import { TimeZoneSchema } from "@/domain/progress";

export const TIME_ZONE_COOKIE = "tz";

/**
 * The learner's IANA time zone as their browser reported it (components/layout/time-zone-cookie),
 * so that "today" and streaks follow their local days. UTC until the browser has told us.
 */
export async function getTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const parsed = TimeZoneSchema.safeParse(value ? decodeCookie(value) : undefined);
  return parsed.success ? parsed.data : "UTC";
}

/** The cookie is the browser's to write: a malformed escape ("%E0%A4%A") reads as no zone, not as an error. */
function decodeCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
