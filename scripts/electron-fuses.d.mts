import type { FuseV1Config } from '@electron/fuses';
export declare const CROSSTALK_FUSES: FuseV1Config;
export declare function fuseElectron(path: string): Promise<Record<string, unknown>>;
