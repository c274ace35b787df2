// Types for the type check only: the part of web-ext's Node API that build-channels.mjs uses.
declare module 'web-ext' {
  interface BuildParams {
    sourceDir: string;
    artifactsDir: string;
    filename?: string;
    overwriteDest?: boolean;
  }
  const webExt: {
    cmd: {
      build(params: BuildParams, options?: { showReadyMessage?: boolean }): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
