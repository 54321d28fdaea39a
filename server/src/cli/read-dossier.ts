// Reading a dossier's bytes is shared with the language server's workspace: server/src/node/read-file.ts.
export { readDossierBytes } from "../node/read-file";
export type { DossierBytes } from "../node/read-file";
