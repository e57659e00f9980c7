import { isoDayTime, parseDay } from '../../common/format';

/** `YYYY-MM-DD HH:MM:SS` in the post's local time, as the console's date and time fields show it. */
export function localInput(ms: number): string {
  return isoDayTime(ms);
}

/** A day typed in a filter, as main takes it (`YYYY-MM-DD`); a malformed one goes as typed and main refuses it. */
export function dayParam(text: string): string {
  return parseDay(text) ?? text.trim();
}
