// Service duration (4.x.3 a): time in the applied category's service, from performance.service_since to the
// application date — at least 6 months (level 3), 3 years (level 2), 5 years (level 1, public-summary figure) — or,
// at levels 2 and 1, a same-category certificate of the level below (or higher) held at least 1 year and valid.
// Boundary convention: calendar arithmetic (calendar.ts, month ends clamp); "以上" includes the figure itself, so
// exactly 6 months / 3 years / 5 years to the day is enough, and so is a certificate issued exactly 1 year before
// the application date; a certificate is valid on its `expires` day. Time in service is the applicant's (§1): it counts
// from the date established when service_since is earlier (dates.not-before-established reports that date).
import { addMonths, addYears, compareIsoDates, wholeMonthsBetween } from "../calendar";
import type { Level } from "../../catalog/edition";
import type { Finding, MessageArguments, RelatedFinding } from "../../types";
import { asDate } from "../values";
import type { Rule, RuleContext } from "./rule";
import {
  categoryLabel,
  dateOf,
  displayName,
  establishedDate,
  ListedObject,
  levelLabel,
  objectsAt,
  stringOf,
  valueAt,
} from "./support/dossier-data";
import { countedNoun, durationLabel, messageForClause } from "./support/wording";

const CLAUSE = "4.x.3.a";
const CERTIFICATES_PATH = ["application", "held_certificates"];

interface DurationRequirement {
  months: number;
  /** The level of the same-category certificate that can stand in for the years, when one can. */
  certificateLevel?: Level;
}

const REQUIREMENT_BY_LEVEL: { [level in Level]: DurationRequirement } = {
  3: { months: 6 },
  2: { months: 36, certificateLevel: 3 },
  1: { months: 60, certificateLevel: 2 },
};

type CertificateVerdict =
  | { counts: true }
  | { counts: false; unjudgeable: true }
  | { counts: false; messageId: string; field: string; args: MessageArguments };

function judgeCertificate(
  context: RuleContext,
  certificate: ListedObject,
  certificateLevel: Level,
): CertificateVerdict {
  const { value } = certificate;
  const number = displayName(value, ["number"], certificate.index);
  const category = stringOf(value, "category");
  const level = value.level;
  const issued = dateOf(value, "issued");
  const expires = dateOf(value, "expires");
  const wellFormed =
    category &&
    context.edition.categories[category] &&
    (level === 1 || level === 2 || level === 3) &&
    issued &&
    expires;
  if (!wellFormed) return { counts: false, unjudgeable: true };
  if (category !== context.category) {
    return {
      counts: false,
      messageId: "certificate-other-category",
      field: "category",
      args: { number, category: categoryLabel(context, stringOf(value, "category")) },
    };
  }
  if (level > certificateLevel) {
    return {
      counts: false,
      messageId: "certificate-level-too-low",
      field: "level",
      args: { number, certificateLevel: levelLabel(context, certificateLevel) },
    };
  }
  const heldLongEnoughOn = addYears(issued, 1);
  if (compareIsoDates(heldLongEnoughOn, context.asOf) > 0) {
    return {
      counts: false,
      messageId: "certificate-held-too-short",
      field: "issued",
      args: { number, issued, heldLongEnoughOn },
    };
  }
  if (compareIsoDates(expires, context.asOf) < 0) {
    return {
      counts: false,
      messageId: "certificate-expired",
      field: "expires",
      args: { number, expires, asOf: context.asOf },
    };
  }
  return { counts: true };
}

/**
 * Whether a certificate stands in for the years, and the ones that do not as related information saying why. A
 * half-written certificate (the schema's finding) might count once fixed: it counts as "maybe", so nothing is said.
 */
function certificatesThatDoNotCount(
  context: RuleContext,
  certificateLevel: Level,
): { anyCounts: boolean; related: RelatedFinding[]; otherCategory: number } {
  const related: RelatedFinding[] = [];
  let anyCounts = false;
  let otherCategory = 0;
  for (const certificate of objectsAt(context, CERTIFICATES_PATH)) {
    const verdict = judgeCertificate(context, certificate, certificateLevel);
    if (verdict.counts || "unjudgeable" in verdict) {
      anyCounts = true;
      continue;
    }
    if (verdict.messageId === "certificate-other-category") otherCategory++;
    related.push({
      range: context.valueRange([...certificate.path, verdict.field]),
      messageId: `performance.service-duration.${verdict.messageId}`,
      args: verdict.args,
    });
  }
  return { anyCounts, related, otherCategory };
}

/** When time in service counts from the founding rather than service_since, related information saying so. */
function countedFromRelated(context: RuleContext, written: string, since: string): RelatedFinding[] {
  if (written === since) return [];
  return [
    {
      range: context.valueRange(["applicant", "established"]),
      messageId: "performance.service-duration.counted-from-established",
      args: { since: written, established: since },
    },
  ];
}

function tooShortFinding(
  context: RuleContext,
  { written, since, months }: { written: string; since: string; months: number },
  requirement: DurationRequirement,
): Finding | undefined {
  const clauseId = context.clause(CLAUSE);
  const args = {
    since,
    asOf: context.asOf,
    elapsed: durationLabel(months),
    required: durationLabel(requirement.months),
    reachedOn: addMonths(since, requirement.months),
    level: levelLabel(context, context.level),
    category: categoryLabel(context, context.category),
  };
  const range = context.valueRange(["performance", "service_since"]);
  if (requirement.certificateLevel === undefined) {
    return context.finding({
      clauses: [clauseId],
      messageId: messageForClause(context, "performance.service-duration.too-short", clauseId),
      args,
      range,
      related: countedFromRelated(context, written, since),
    });
  }
  const certificates = certificatesThatDoNotCount(context, requirement.certificateLevel);
  if (certificates.anyCounts) return undefined;
  const messageId =
    certificates.otherCategory > 0
      ? "performance.service-duration.too-short-no-certificate.other-category"
      : "performance.service-duration.too-short-no-certificate";
  return context.finding({
    clauses: [clauseId],
    messageId: messageForClause(context, messageId, clauseId),
    args: {
      ...args,
      certificateLevel: levelLabel(context, requirement.certificateLevel),
      otherCategory: certificates.otherCategory,
      otherCertificates: countedNoun(certificates.otherCategory, ["certificate", "certificates"], "张"),
    },
    range,
    related: [...countedFromRelated(context, written, since), ...certificates.related],
  });
}

/**
 * The applicant's time in service at the application date: from service_since as written, or from the date
 * established when that is later; undefined when service_since is no date or is after the application date.
 */
export function serviceTime(context: RuleContext): { written: string; since: string; months: number } | undefined {
  const written = asDate(valueAt(context, ["performance", "service_since"]));
  // A start after the application date is reported by dates.not-after-application.
  if (!written || compareIsoDates(written, context.asOf) > 0) return undefined;
  const established = establishedDate(context);
  const since = established && compareIsoDates(written, established) < 0 ? established : written;
  return { written, since, months: wholeMonthsBetween(since, context.asOf) };
}

function checkServiceDuration(context: RuleContext): Finding[] {
  const time = serviceTime(context);
  // An unknown category is the schema's finding.
  if (!time || !context.category) return [];
  const requirement = REQUIREMENT_BY_LEVEL[context.level];
  if (compareIsoDates(addMonths(time.since, requirement.months), context.asOf) <= 0) return [];
  const finding = tooShortFinding(context, time, requirement);
  return finding ? [finding] : [];
}

export const serviceDurationRule: Rule = {
  id: "performance.service-duration",
  clauses: [CLAUSE],
  description: {
    en: "Time in the applied category's service, from performance.service_since to the application date: at least 6 months (level 3), 3 years (level 2) or 5 years (level 1, a public-summary figure); at levels 2 and 1 a same-category certificate of the level below (or higher), held at least 1 year and valid on the date, also qualifies. Exactly 6 months / 3 years / 5 years to the day is enough. Counted from the date established when service_since is earlier.",
    zh: "从 performance.service_since 到申请日期从事申报类别服务的时间：三级至少 6 个月，二级至少 3 年，一级至少 5 年（一级数字来自公开资料概述）；二级、一级也可凭同类别下一级（或更高级别）证书，持有满 1 年且申请日期当天有效。恰好满 6 个月／3 年／5 年（同月同日）即满足。开始从事服务日期早于成立日期时，自成立日期起算。",
  },
  boundary: {
    en: "Calendar months and years (month ends clamp: 31 Aug + 6 months = 28/29 Feb; 29 Feb + 1 year = 28 Feb). Exactly the required time to the day is enough; a certificate issued exactly 1 year before counts; valid on its expires day.",
    zh: "按日历月、年计算（月末取当月最后一天：8 月 31 日加 6 个月为 2 月 28/29 日；2 月 29 日加 1 年为 2 月 28 日）。恰好满所需时间（同月同日）即满足；发证恰满 1 年的证书计入；有效期截止日当天仍有效。",
  },
  messages: {
    "performance.service-duration.too-short": {
      en: "In {category} service since {since}: {elapsed} by the application date {asOf}. {level} needs at least {required} ({required} reached on {reachedOn}).",
      zh: "自 {since} 起从事{category}服务，至申请日期 {asOf} 仅 {elapsed}；{level}要求 {required}以上（至 {reachedOn} 方满 {required}）。",
    },
    "performance.service-duration.too-short-no-certificate": {
      en: "In {category} service since {since}: {elapsed} by the application date {asOf}. {level} needs at least {required} ({required} reached on {reachedOn}), or a {certificateLevel} certificate in {category} held at least 1 year and valid on {asOf}; no certificate listed qualifies.",
      zh: "自 {since} 起从事{category}服务，至申请日期 {asOf} 仅 {elapsed}；{level}要求 {required}以上（至 {reachedOn} 方满 {required}），或持有{category}{certificateLevel}证书满 1 年且在 {asOf} 有效；所列证书均不符合。",
    },
    "performance.service-duration.too-short-no-certificate.other-category": {
      en: "In {category} service since {since}: {elapsed} by the application date {asOf}. {level} needs at least {required} ({required} reached on {reachedOn}), or a {certificateLevel} certificate in {category} held at least 1 year and valid on {asOf}; of the certificates listed, {otherCertificates} of another category did not count.",
      zh: "自 {since} 起从事{category}服务，至申请日期 {asOf} 仅 {elapsed}；{level}要求 {required}以上（至 {reachedOn} 方满 {required}），或持有{category}{certificateLevel}证书满 1 年且在 {asOf} 有效；所列证书中有 {otherCertificates}属于其他类别，不计入。",
    },
    "performance.service-duration.too-short-no-certificate.public-summary": {
      en: "In {category} service since {since}: {elapsed} by the application date {asOf}. According to public summaries (not the specification excerpt), {level} needs at least {required} ({required} reached on {reachedOn}), or a {certificateLevel} certificate in {category} held at least 1 year and valid on {asOf}; no certificate listed qualifies.",
      zh: "自 {since} 起从事{category}服务，至申请日期 {asOf} 仅 {elapsed}；据公开资料概述（非规范原文），{level}要求 {required}以上（至 {reachedOn} 方满 {required}），或持有{category}{certificateLevel}证书满 1 年且在 {asOf} 有效；所列证书均不符合。",
    },
    "performance.service-duration.too-short-no-certificate.other-category.public-summary": {
      en: "In {category} service since {since}: {elapsed} by the application date {asOf}. According to public summaries (not the specification excerpt), {level} needs at least {required} ({required} reached on {reachedOn}), or a {certificateLevel} certificate in {category} held at least 1 year and valid on {asOf}; of the certificates listed, {otherCertificates} of another category did not count.",
      zh: "自 {since} 起从事{category}服务，至申请日期 {asOf} 仅 {elapsed}；据公开资料概述（非规范原文），{level}要求 {required}以上（至 {reachedOn} 方满 {required}），或持有{category}{certificateLevel}证书满 1 年且在 {asOf} 有效；所列证书中有 {otherCertificates}属于其他类别，不计入。",
    },
    "performance.service-duration.counted-from-established": {
      en: "Counted from the date established ({established}), not from service_since ({since}): the applicant's time in service begins at its founding.",
      zh: "自成立日期（{established}）起算，而非开始从事服务日期（{since}）：本单位的从业时间自成立之日起算。",
    },
    "performance.service-duration.certificate-other-category": {
      en: "Certificate {number} is for {category}, another category: it does not count.",
      zh: "证书 {number} 属于{category}，类别不同，不计入。",
    },
    "performance.service-duration.certificate-level-too-low": {
      en: "Certificate {number} is below {certificateLevel}: it does not count.",
      zh: "证书 {number} 的级别低于{certificateLevel}，不计入。",
    },
    "performance.service-duration.certificate-held-too-short": {
      en: "Certificate {number} was issued on {issued}: held 1 year only from {heldLongEnoughOn}.",
      zh: "证书 {number} 发证于 {issued}，{heldLongEnoughOn} 才持有满 1 年。",
    },
    "performance.service-duration.certificate-expired": {
      en: "Certificate {number} expired on {expires}, before {asOf}.",
      zh: "证书 {number} 已于 {expires} 到期，早于 {asOf}。",
    },
  },
  check: checkServiceDuration,
};
