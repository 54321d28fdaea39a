// The diff request (*Compare with previous submission…*): an open dossier, as the editor has it, against the text of
// an earlier submission the extension read (another file, or the file in the last git commit). Both are checked
// with the open dossier's settings; the earlier one's evidence is looked for beside the open dossier. The answer is
// the CLI's Markdown layout (cli/diff-view.ts, cli/diff-render.ts) with the regressions as ids.
import { Connection, ErrorCodes, ResponseError } from "vscode-languageserver";
import { URI, Utils } from "vscode-uri";
import { createLanguageService } from "../core/check/service";
import { renderMessage } from "../core/check/render";
import type { DossierFacade, SessionSettings } from "../core/facade/facade";
import type { DossierSession } from "../core/facade/session";
import { fileSizeFinding } from "../core/parse/limits";
import { diffDossiers } from "../core/verdicts/diff";
import { buildDiffView } from "../cli/diff-view";
import { renderDiffMarkdown } from "../cli/diff-render";
import { evidenceExistsIn } from "../node/evidence-files";
import { byteLength, exceedsBytes } from "../node/text-size";
import { todayIso } from "../node/today";
import { DiffAnswer, DiffParams, REQUESTS } from "./requests";

type SessionOf = (
  uri: string,
  token?: import("vscode-languageserver").CancellationToken,
) => Promise<{ session: DossierSession; settings: SessionSettings } | undefined>;

export function listenToDiffRequests(connection: Connection, facade: DossierFacade, sessionOf: SessionOf): void {
  connection.onRequest(REQUESTS.diff, async (params: DiffParams, token): Promise<DiffAnswer | null> => {
    const context = await sessionOf(params.uri, token);
    if (!context) return null;
    const { session, settings } = context;
    if (typeof params.beforeText !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "beforeText");
    if (exceedsBytes(params.beforeText, settings.maxFileSizeBytes)) {
      const finding = fileSizeFinding(byteLength(params.beforeText), settings.maxFileSizeBytes);
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        renderMessage(finding.messageId, finding.args, settings.locale),
      );
    }
    const uri = URI.parse(params.uri);
    const folder = uri.scheme === "file" ? Utils.dirname(uri).fsPath : undefined;
    const beforeReport = createLanguageService({
      locale: settings.locale,
      today: todayIso(),
      evidenceExists: settings.checkEvidence && folder ? evidenceExistsIn(folder) : undefined,
      leaseWarningMonths: settings.leaseWarningMonths,
      severityOverrides: settings.severityOverrides,
      timeBudget: settings.timeBudget,
    }).validate(params.beforeText);
    const afterReport = facade.validate(session, settings);
    const diff = diffDossiers(beforeReport, afterReport);
    const afterName = params.afterName ?? Utils.basename(uri);
    const view = buildDiffView(
      diff,
      afterReport.edition,
      { name: params.beforeName, text: params.beforeText },
      { name: afterName, text: session.text },
      settings.locale,
    );
    return {
      markdown: renderDiffMarkdown(view),
      regressions: diff.regressions,
      clauses: diff.clauses.map((entry) => ({
        clauseId: entry.clauseId,
        before: entry.before?.status ?? null,
        after: entry.after?.status ?? null,
      })),
    };
  });
}
