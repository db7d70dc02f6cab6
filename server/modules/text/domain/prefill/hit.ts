/** A value found in a text, with its span (offsets into the normalised text) and a confidence. */
export type Hit<T> = { value: T; start: number; end: number; confidence: number; [k: string]: unknown };

export const r2 = (x: number) => Math.round(x * 100) / 100;
