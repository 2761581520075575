/** Colour for the text output of `unspin check`: on a terminal only, never when NO_COLOR is set. */

/** Styles the parts of a finding line; the plain painter leaves text as it is. */
export interface Painter {
  location(text: string): string;
  spun(text: string): string;
  restoration(text: string): string;
  dim(text: string): string;
  verdict(text: string, verdict: "spun" | "clean"): string;
}

const identity = (text: string) => text;

export const plainPainter: Painter = { location: identity, spun: identity, restoration: identity, dim: identity, verdict: identity };

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const bold = sgr(1, 22);
const red = sgr(31, 39);
const green = sgr(32, 39);

export const ansiPainter: Painter = {
  location: sgr(2, 22),
  spun: (text) => bold(red(text)),
  restoration: green,
  dim: sgr(2, 22),
  verdict: (text, verdict) => bold(verdict === "spun" ? red(text) : green(text)),
};

/**
 * Whether to colour output written to `stream`: only a terminal gets escape codes (a file or pipe would
 * keep them), and NO_COLOR (https://no-color.org: present and not empty) or TERM=dumb turns them off.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function painterFor(color: boolean): Painter {
  return color ? ansiPainter : plainPainter;
}
