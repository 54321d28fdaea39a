// "Waive this finding…" (the server's code action on any finding): asks for the justification, who approved it and
// until when, then writes the inline waiver comment above the finding's line, with that line's indentation:
//   # isv-dossier-waive tools.source-evidence 4.1.5 -- 自研工具，来源说明见附件 (approved: 张三, until: 2027-06-30)
// (the form server/src/core/check/waivers.ts reads). Nothing is written when the user cancels any question.
import * as vscode from "vscode";

/** The command's arguments, as the server's code action gives them (server/src/lsp/convert.ts WaiveCommandArguments). */
export interface WaiveArguments {
  uri: string;
  /** 0-based line the comment goes above. */
  line: number;
  indent: string;
  ids: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** One line of text: no line breaks, no parentheses that would end the comment's fields early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

/** Today plus one year, as the expiry offered. */
function aYearFromToday(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear() + 1, now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

/** The comment line (with its line break) for a waiver's record. */
export function waiverComment(
  args: Pick<WaiveArguments, "indent" | "ids">,
  justification: string,
  approvedBy: string,
  expires: string,
): string {
  const fields = `(approved: ${oneLine(approvedBy).replace(/[(),，（）]/g, " ")}, until: ${expires})`;
  return `${args.indent}# isv-dossier-waive ${args.ids} -- ${oneLine(justification)} ${fields}\n`;
}

export async function waiveFinding(args: WaiveArguments | undefined): Promise<boolean> {
  if (!args) return false;
  const required = (value: string): string | undefined =>
    value.trim() === "" ? vscode.l10n.t("Required: a waiver without it does not apply.") : undefined;
  const justification = await vscode.window.showInputBox({
    title: vscode.l10n.t("Waive this finding ({0})", args.ids),
    prompt: vscode.l10n.t("Justification (why the finding is accepted: a deviation or not applicable)"),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (justification === undefined) return false;
  const approvedBy = await vscode.window.showInputBox({
    title: vscode.l10n.t("Waive this finding ({0})", args.ids),
    prompt: vscode.l10n.t("Approved by"),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (approvedBy === undefined) return false;
  const expires = await vscode.window.showInputBox({
    title: vscode.l10n.t("Waive this finding ({0})", args.ids),
    prompt: vscode.l10n.t("Last day the waiver applies (YYYY-MM-DD)"),
    value: aYearFromToday(),
    ignoreFocusOut: true,
    validateInput: (value) => (validDate(value.trim()) ? undefined : vscode.l10n.t("A date: YYYY-MM-DD")),
  });
  if (expires === undefined) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(
    vscode.Uri.parse(args.uri),
    new vscode.Position(args.line, 0),
    waiverComment(args, justification, approvedBy, expires.trim()),
  );
  return vscode.workspace.applyEdit(edit);
}
