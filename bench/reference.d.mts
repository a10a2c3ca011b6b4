/** bench/reference.mjs: the reference byte loop of issue 3. */
export declare function referenceLoop(path: string): { id18: number; mobile11: number };
