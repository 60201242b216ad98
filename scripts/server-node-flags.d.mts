export declare const SERVER_NODE_FLAGS: string[];
export declare function serverNodeFlags(env?: NodeJS.ProcessEnv): string[];
