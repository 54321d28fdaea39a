// Generates realistic dossiers of a given size for the benchmark and the incremental-parse tests: a network
// security audit applicant (level 2) whose `personnel` and `performance.projects` lists grow with the size, the
// confidentiality agreements listing every person. With `faults`, about 1 % of lines carry a schema fault of a
// kind every JSON Schema tool reports exactly once (an enum value, an unknown key, a missing key, a wrong type).
import { Prng } from "./prng";

export interface GeneratedDossier {
  text: string;
  lines: number;
  /** The number of schema faults injected (each should give exactly one schema finding). */
  faults: number;
}

export interface GenerateOptions {
  /** The approximate number of lines wanted (100 or more). */
  lines: number;
  faults: boolean;
  seed?: number;
}

const SURNAMES = [
  ["王", "wang"],
  ["李", "li"],
  ["张", "zhang"],
  ["刘", "liu"],
  ["陈", "chen"],
  ["杨", "yang"],
  ["赵", "zhao"],
  ["黄", "huang"],
  ["周", "zhou"],
  ["吴", "wu"],
  ["徐", "xu"],
  ["孙", "sun"],
  ["马", "ma"],
  ["胡", "hu"],
  ["郭", "guo"],
  ["何", "he"],
  ["高", "gao"],
  ["林", "lin"],
  ["罗", "luo"],
  ["郑", "zheng"],
] as const;
const GIVEN = [
  ["振宇", "zhenyu"],
  ["兰芝", "lanzhi"],
  ["博文", "bowen"],
  ["鸣", "ming"],
  ["欣然", "xinran"],
  ["安", "an"],
  ["雨桐", "yutong"],
  ["骁", "xiao"],
  ["明远", "mingyuan"],
  ["清扬", "qingyang"],
  ["佳怡", "jiayi"],
  ["思远", "siyuan"],
  ["子涵", "zihan"],
  ["浩然", "haoran"],
  ["若溪", "ruoxi"],
  ["一鸣", "yiming"],
] as const;
const CITIES = ["西安", "咸阳", "宝鸡", "汉中", "榆林", "延安", "渭南", "安康", "商洛", "铜川"];
const CLIENT_KINDS = [
  "农村商业银行股份有限公司",
  "数字城市运营有限公司",
  "精密制造有限公司",
  "人民医院",
  "水务有限公司",
  "能源化工有限公司",
  "供应链管理有限公司",
  "物业服务有限公司",
  "轨道交通集团有限公司",
  "大数据管理局",
];
const PROJECT_KINDS = [
  "信息系统网络安全审计项目",
  "电子政务云平台网络安全审计项目",
  "工业控制网络安全审计项目",
  "数据安全合规审计项目",
  "年度网络安全审计服务",
  "生产网络安全审计项目",
  "ERP 系统网络安全审计项目",
];
const FAULT_KINDS = ["enum", "unknown-key", "missing-key", "type"] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function date(prng: Prng, fromYear: number, toYear: number): string {
  return `${prng.between(fromYear, toYear)}-${pad(prng.between(1, 12))}-${pad(prng.between(1, 28))}`;
}

function header(): string[] {
  return [
    "# ==============================================================================",
    "# 虚构示例（fictional sample, generated for the benchmark）：单位、人员、客户和项目均为虚构。",
    "# 信息安全服务资质认证申请材料：网络安全审计 二级（CCRC-ISV-C01:2025 4.2）",
    "# ==============================================================================",
    "",
    "spec: CCRC-ISV-C01:2025",
    "",
    "# ---------------------------------------------------------------- 申请单位（与营业执照一致）",
    "applicant:",
    "  name: 陕西雁衡网络安全技术有限公司",
    '  credit_code: "91610113MA6W3L8NX6"  # 统一社会信用代码',
    "  established: 2016-05-20",
    "  address: 陕西省西安市雁塔区丈八四路 20 号 雁衡大厦 9 层",
    "  evidence:",
    "    - evidence/营业执照.pdf",
    "",
    "# ---------------------------------------------------------------- 申请信息",
    "application:",
    "  category: security-audit  # 网络安全审计",
    "  level: 2  # 二级",
    "  date: 2026-10-28  # 申请日期",
    "",
    "# ---------------------------------------------------------------- 办公场所（4.2.1）",
    "premises:",
    "  address: 陕西省西安市雁塔区丈八四路 20 号 雁衡大厦 9 层",
    "  tenure: owned  # 自有",
    "  area_m2: 880",
    "  evidence:",
    "    - evidence/场所/不动产权证书.pdf",
    "",
  ];
}

interface Person {
  id: string;
  name: string;
  role: "technical-lead" | "project-lead" | "project-engineer";
}

function personLines(person: Person, prng: Prng, fault: FaultKind | undefined): string[] {
  const technical = person.role !== "technical-lead";
  const issued = date(prng, 2024, 2025);
  const until = `${Number(issued.slice(0, 4)) + 3}${issued.slice(4)}`;
  const lines = [
    `  - id: ${person.id}`,
    `    name: ${person.name}`,
    fault === "enum" ? `    role: engineer  # 岗位` : `    role: ${person.role}`,
    fault === "type" ? "    competence: 待补充" : "    competence:",
  ];
  if (fault === "type") return lines;
  lines.push(
    `      - kind: ${technical ? "technical" : "management"}`,
    "        category: security-audit",
    `        certificate: CCRC-IS${technical ? "T" : "M"}-SA-${issued.slice(0, 4)}-${pad(prng.below(100000), 5)}`,
    `        issued: ${issued}`,
    `        valid_until: ${until}`,
    "        evidence:",
    `          - evidence/人员/${person.name}-服务${technical ? "技术" : "管理"}能力证书.pdf`,
  );
  if (fault === "unknown-key") lines.push("        remark: 证书复审中");
  if (fault === "missing-key") lines.splice(1, 1);
  return lines;
}

function projectLines(index: number, leads: Person[], prng: Prng, fault: FaultKind | undefined): string[] {
  const signed = date(prng, 2023, 2025);
  const completedYear = Math.min(2025, Number(signed.slice(0, 4)) + (prng.chance(0.5) ? 1 : 0));
  const completed = `${completedYear}-${pad(prng.between(1, 12))}-${pad(prng.between(1, 28))}`;
  const finished = completed > signed ? completed : `${Number(signed.slice(0, 4)) + 1}-01-15`;
  const number = `P${pad(index + 1, 4)}`;
  const lines = [
    `    - name: ${prng.pick(CITIES)}${prng.pick(PROJECT_KINDS)}（${number}）`,
    `      client: ${prng.pick(CITIES)}${prng.pick(CLIENT_KINDS)}`,
    fault === "enum" ? "      category: network-audit" : "      category: security-audit",
    `      signed: ${signed}`,
    `      completed: ${finished}`,
    `      lead: ${prng.pick(leads).id}`,
    "      evidence:",
    `        - evidence/项目/${number}-合同.pdf`,
    `        - evidence/项目/${number}-验收报告.pdf`,
  ];
  if (fault === "missing-key") lines.splice(1, 1);
  if (fault === "unknown-key") lines.splice(6, 0, "      budget: 48 万元");
  if (fault === "type") lines.splice(6, 3, "      evidence: 见附件");
  return lines;
}

function trailer(people: Person[]): string[] {
  return [
    "",
    "# ---------------------------------------------------------------- 服务管理（4.2.4）",
    "management:",
    "  document_control:",
    "    procedure: evidence/制度/文档管理程序.pdf",
    "    covers: [organization, service-process, quality]",
    "    lifecycle: [produce, publish, store, transmit, use-delivery, use-internal, dispose]",
    "  project_management:",
    "    procedure: evidence/制度/项目管理程序.pdf",
    "    stages: [organization, planning, implementation, risk-control, delivery]",
    "    risk_records:",
    "      - evidence/记录/项目风险管理记录-P0003.txt",
    "  confidentiality:",
    "    procedure: evidence/制度/保密管理程序.pdf",
    "    responsibilities: evidence/制度/岗位保密责任清单.pdf",
    "    agreements:  # 已签订保密协议的人员",
    ...people.map((person) => `      - ${person.id}`),
    "    agreements_evidence:",
    "      - evidence/保密/员工保密协议汇编.pdf",
    "    education_records:",
    "      - evidence/记录/保密教育培训记录-2026.txt",
    "",
    "# ---------------------------------------------------------------- 技术工具（4.2.5）",
    "tools:",
    "  - name: Elastic Stack",
    "    purpose: 日志集中采集、检索与审计分析",
    "    source: open-source",
    '    version: "8.15"',
    "    evidence:",
    "      - evidence/工具/Elastic-许可证说明.txt",
    "  - name: 雁衡审计证据管理平台",
    "    purpose: 审计证据登记、哈希固定、底稿与审计报告管理",
    "    source: in-house",
    '    version: "2.4"',
    "    evidence:",
    "      - evidence/工具/审计证据管理平台自研说明.txt",
    "",
    "# ---------------------------------------------------------------- 服务流程（4.2.6）",
    "processes:",
    "  - name: 网络安全审计服务流程",
    "    document: evidence/流程/SA-01_网络安全审计服务流程.pdf",
    "    stages: [inspection, evidence-collection, evaluation, documentation]",
  ];
}

/** Lines used by everything but the two long lists, and per person / per project (measured on the output). */
const FIXED_LINES = 78;
const LINES_PER_PERSON = 12; // 11 in `personnel`, 1 in `agreements`
const LINES_PER_PROJECT = 9;

export function generateDossier(options: GenerateOptions): GeneratedDossier {
  const prng = new Prng(options.seed ?? 20251124);
  const budget = Math.max(0, options.lines - FIXED_LINES);
  const peopleCount = Math.max(3, Math.round((budget * 0.4) / LINES_PER_PERSON));
  const projectCount = Math.max(2, Math.round((budget - peopleCount * LINES_PER_PERSON) / LINES_PER_PROJECT));
  const people: Person[] = [];
  const usedIds = new Set<string>();
  for (let index = 0; index < peopleCount; index++) {
    const [surname, surnamePinyin] = prng.pick(SURNAMES);
    const [given, givenPinyin] = prng.pick(GIVEN);
    let id = `${surnamePinyin}-${givenPinyin}`;
    for (let suffix = 2; usedIds.has(id); suffix++) id = `${surnamePinyin}-${givenPinyin}-${suffix}`;
    usedIds.add(id);
    people.push({
      id,
      name: surname + given,
      role: index === 0 ? "technical-lead" : index % 4 === 1 ? "project-lead" : "project-engineer",
    });
  }
  const leads = people.filter((person) => person.role === "project-lead");
  const faultCount = options.faults ? Math.max(1, Math.round(options.lines / 100)) : 0;
  // Faults go to distinct list items (people after the first, projects), spread evenly, kinds in turn.
  const slots = peopleCount - 1 + projectCount;
  const faultAt = new Map<number, FaultKind>();
  for (let fault = 0; fault < faultCount; fault++) {
    faultAt.set(1 + Math.floor(((fault + 0.5) * slots) / faultCount), FAULT_KINDS[fault % FAULT_KINDS.length]);
  }
  const lines = header();
  lines.push("# ---------------------------------------------------------------- 人员（4.2.2）", "personnel:");
  people.forEach((person, index) => lines.push(...personLines(person, prng, faultAt.get(index))));
  lines.push(
    "",
    "# ---------------------------------------------------------------- 业绩（4.2.3）",
    "performance:",
    "  service_since: 2019-04-01",
    "  projects:",
  );
  for (let index = 0; index < projectCount; index++)
    lines.push(...projectLines(index, leads, prng, faultAt.get(peopleCount + index)));
  lines.push(...trailer(people));
  return { text: lines.join("\n") + "\n", lines: lines.length, faults: faultAt.size };
}
