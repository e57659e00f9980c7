/** The wall display (a Barco or another model driven by its profile), as main and the console see it. */

export type DisplayCommand =
  { kind: 'power'; on: boolean } | { kind: 'input'; name: string } | { kind: 'scenario'; name: string };

/** What the console may offer; null when no display is configured (then no display controls show). */
export interface DisplayInfo {
  model: string;
  label: string;
  inputs: string[];
  scenarios: string[];
}
