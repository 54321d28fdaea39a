// Which evidence files exist, per open document: each path is looked up once and the answer kept for
// EVIDENCE_ANSWERS_MS, so that typing in a dossier with thousands of evidence paths does not look at every file again
// on each keystroke. With a 50,000-line dossier open, an edit's re-validation without it spent about 200 ms more on
// the benchmark's machine (a few thousand lstat calls), which breaks the edit target (≤ 0.1× yaml-language-server).
import { evidenceExistsIn } from "./evidence-files";

/** How long an open document's answers about which evidence files exist are reused. */
export const EVIDENCE_ANSWERS_MS = 2000;

interface Answers {
  folder: string;
  since: number;
  answers: Map<string, boolean>;
  exists: (relativePath: string) => boolean;
}

export class EvidenceAnswers {
  private readonly byDocument = new Map<string, Answers>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Whether an evidence file exists, for the document `uri` in `folder`: asked once per path and kept a while. */
  for(uri: string, folder: string): (relativePath: string) => boolean {
    let cache = this.byDocument.get(uri);
    const now = this.now();
    if (!cache || cache.folder !== folder || now - cache.since > EVIDENCE_ANSWERS_MS) {
      cache = { folder, since: now, answers: new Map(), exists: evidenceExistsIn(folder) };
      this.byDocument.set(uri, cache);
    }
    const { answers, exists } = cache;
    return (relativePath) => {
      let answer = answers.get(relativePath);
      if (answer === undefined) answers.set(relativePath, (answer = exists(relativePath)));
      return answer;
    };
  }

  /** Forgets a closed document's answers. */
  forget(uri: string): void {
    this.byDocument.delete(uri);
  }
}
