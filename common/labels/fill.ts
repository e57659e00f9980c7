/** A catalogue sentence with each `{name}` replaced by its value (an unknown name by what `value` says). */
export function fill(text: string, value: (name: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}
