// xml2js ships no types; it comes with `onvif`. Only what the ONVIF test peer uses.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<unknown>;
  export const processors: { stripPrefix(name: string): string };
}
