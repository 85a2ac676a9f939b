// The part of `linebreak` (UAX #14, the line breaker PDFKit uses) that lineBreak.ts calls; it ships no types.
declare module 'linebreak' {
  export interface Break {
    /** Index in the string (UTF-16 units) where the next line may begin. */
    position: number;
    /** A mandatory break (a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
