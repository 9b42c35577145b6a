// Eleventy ships JavaScript without types; this is the programmatic API we use.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    pathPrefix?: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    disableLogger(): void;
    /** Renders everything, writes nothing (passthrough copies included). */
    setDryRun(dryRun: boolean): void;
    /** chokidar's watcher, once watch() has run. */
    watcher?: {
      on(event: string, fn: (path: string) => void): void;
      prependListener(event: string, fn: (path: string) => void): void;
      emit(event: string, path: string): boolean;
    };
    /** The dev server, in serve mode: reload() tells open pages to reload, or to morph into new content. */
    eleventyServe: {
      reload(event: { files: string[]; build?: { templates: { url: string; inputPath: string; content: string }[] } }): Promise<void>;
    };
  }
}
