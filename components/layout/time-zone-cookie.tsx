"use client";
import { useEffect } from "react";

/** Tells the server the browser's time zone, once per change, so "today" is the learner's day. */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const current = document.cookie.split("; ").find((cookie) => cookie.startsWith("tz="))?.slice(3);
    if (zone && current !== encodeURIComponent(zone)) {
      document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
  }, []);
  return null;
}
