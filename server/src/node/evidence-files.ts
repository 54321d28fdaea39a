// Node-side existence check for evidence files, shared by the server and the CLI. A path is looked up only when
// it stays inside the dossier's folder — after resolving `..` and symbolic links; anything else "does not exist".
import * as fs from "node:fs";
import * as path from "node:path";
import { checkEvidencePath } from "../core/evidence-path";

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** A function saying whether `relativePath` names an existing file inside `folder`. */
export function evidenceExistsIn(folder: string): (relativePath: string) => boolean {
  let realFolder: string | undefined;
  return (relativePath: string): boolean => {
    if (checkEvidencePath(relativePath) !== "ok" || path.isAbsolute(relativePath)) return false;
    const candidate = path.resolve(folder, relativePath);
    if (!isInside(folder, candidate)) return false;
    try {
      realFolder ??= fs.realpathSync(folder);
      const real = fs.realpathSync(candidate);
      return isInside(realFolder, real) && fs.statSync(real).isFile();
    } catch {
      return false;
    }
  };
}
