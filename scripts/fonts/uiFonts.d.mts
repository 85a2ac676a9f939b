// Types of scripts/fonts/uiFonts.mjs for vite.config.ts and the tests.
export declare const UI_FAMILY: string;
export declare const EXT_FAMILY: string;
export declare const FULL_FACES: { regular: string; bold: string; extA: string; extB: string };
export declare function subsetCodePoints(root: string): number[];
export declare function coveredCodePoints(codePoints: number[]): number[];
export declare function unicodeRange(codePoints: number[]): string;
export declare function stylesheet(range: string): string;
export declare function buildUiFonts(
  root: string,
): Promise<{ codePoints: number[]; files: Record<string, Uint8Array | string> }>;
export declare function cachedUiFonts(root: string): Promise<Record<string, Uint8Array | string>>;
