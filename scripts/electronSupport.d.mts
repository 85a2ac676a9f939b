// Types of scripts/electronSupport.mjs for the tests (the scripts themselves are plain ES modules).
export declare const root: string;
export declare const SUPPORTED_MAJORS: number;
export interface SqliteLine {
  line: number;
  node: string;
  electron(version: string): { min: number; max: number };
}
export declare const SQLITE_LINES: SqliteLine[];
export declare function sqliteFits(
  sqliteVersion: string,
  electronMajor: number,
): { fits: boolean; range: { min: number; max: number } | undefined; fitting: SqliteLine | undefined };
export declare function pinnedVersion(name: string): string;
export declare function stableMajors(versions: string[]): number[];
