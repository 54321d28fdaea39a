// "Waive this finding…" (the server's code action on any finding): asks for the justification, who approved it and
// until when, then writes the inline waiver comment above the finding's line, with that line's indentation:
//   # isv-dossier-waive tools.source-evidence 4.1.5 -- 自研工具，来源说明见附件 (approved: 张三, until: 2027-06-30)
// (the form server/src/core/check/waivers.ts reads) — or, when the user picks it (and always when the dossier cannot
// be written), an entry of the nearest configuration file's `waivers` list, or of a new configuration file in the
// dossier's folder (server/src/core/features/waiver-config-edit.ts computes the text). Either way an undoable
// WorkspaceEdit. Nothing is written when the user cancels any question.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  appendConfigWaiver,
  CONFIG_FILE_NAME,
  minimalReplacement,
} from "../../server/src/core/features/waiver-config-edit";

/** The command's arguments, as the server's code action gives them (server/src/lsp/convert.ts WaiveCommandArguments). */
export interface WaiveArguments {
  uri: string;
  /** 0-based line the comment goes above. */
  line: number;
  indent: string;
  ids: string;
  /** For the configuration file's form: the check id, the clause id and the node's path. */
  rule?: string;
  clause?: string;
  path?: string;
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

/** Whether the dossier cannot be written: a read-only file system, or a file the user may not write. */
async function isReadOnly(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return true;
  if (uri.scheme !== "file") return false;
  try {
    await fs.promises.access(uri.fsPath, fs.constants.W_OK);
    return false;
  } catch {
    return fs.existsSync(uri.fsPath); // a file not yet saved can be written when it is
  }
}

type Target = "comment" | "config";

/** Where the waiver is written: asked, unless the dossier is read-only (then the configuration file). */
async function chooseTarget(args: WaiveArguments): Promise<Target | undefined> {
  const uri = vscode.Uri.parse(args.uri);
  if (await isReadOnly(uri)) return "config";
  const items: Array<vscode.QuickPickItem & { target: Target }> = [
    {
      label: vscode.l10n.t("Comment above the line"),
      detail: `# isv-dossier-waive ${args.ids} -- …`,
      target: "comment",
    },
    {
      label: vscode.l10n.t("Configuration file ({0})", CONFIG_FILE_NAME),
      detail: vscode.l10n.t("The dossier stays as it is; the entry goes to the waivers list."),
      target: "config",
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("Waive this finding ({0})", args.ids),
    placeHolder: vscode.l10n.t("Where to record the waiver"),
    ignoreFocusOut: true,
  });
  return picked?.target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The nearest configuration file above the dossier, as the server finds it (not above a folder holding .git). */
async function nearestConfigFile(dossier: vscode.Uri): Promise<vscode.Uri | undefined> {
  let folder = path.posix.dirname(dossier.path);
  for (;;) {
    const candidate = dossier.with({ path: path.posix.join(folder, CONFIG_FILE_NAME) });
    if (await exists(candidate)) return candidate;
    if (await exists(dossier.with({ path: path.posix.join(folder, ".git") }))) return undefined;
    const parent = path.posix.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Appends the entry to the nearest configuration file's waivers (or creates one beside the dossier). */
async function waiveInConfigFile(
  args: WaiveArguments,
  justification: string,
  approvedBy: string,
  expires: string,
): Promise<boolean> {
  const dossier = vscode.Uri.parse(args.uri);
  const existing = await nearestConfigFile(dossier);
  const configUri =
    existing ?? dossier.with({ path: path.posix.join(path.posix.dirname(dossier.path), CONFIG_FILE_NAME) });
  const entry = {
    rule: args.rule ?? args.ids.split(" ")[0],
    ...(args.clause ? { clause: args.clause } : {}),
    dossier: path.posix.relative(path.posix.dirname(configUri.path), dossier.path),
    ...(args.path ? { path: args.path } : {}),
    justification,
    approvedBy,
    expires,
  };
  const edit = new vscode.WorkspaceEdit();
  if (existing) {
    const document = await vscode.workspace.openTextDocument(existing);
    const before = document.getText();
    const after = appendConfigWaiver(before, entry);
    if (after === undefined) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          "{0} could not be edited safely (it does not parse, or its waivers are not a list): nothing was changed. Add the waiver by hand.",
          vscode.workspace.asRelativePath(existing),
        ),
      );
      return false;
    }
    const change = minimalReplacement(before, after);
    edit.replace(
      existing,
      new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)),
      change.text,
    );
  } else {
    edit.createFile(configUri, { ignoreIfExists: false });
    edit.insert(configUri, new vscode.Position(0, 0), appendConfigWaiver(undefined, entry) ?? "");
  }
  return vscode.workspace.applyEdit(edit);
}

export async function waiveFinding(args: WaiveArguments | undefined): Promise<boolean> {
  if (!args) return false;
  const target = await chooseTarget(args);
  if (target === undefined) return false;
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
  if (target === "config") return waiveInConfigFile(args, justification, approvedBy, expires.trim());
  const edit = new vscode.WorkspaceEdit();
  edit.insert(
    vscode.Uri.parse(args.uri),
    new vscode.Position(args.line, 0),
    waiverComment(args, justification, approvedBy, expires.trim()),
  );
  return vscode.workspace.applyEdit(edit);
}
