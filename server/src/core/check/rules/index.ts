// The list of requirement rules. A new rule: add its module and list it here (see README, "How to add a rule").
import { agreementsCoverPersonnelRule } from "./agreements-cover-personnel";
import { categoryConsistencyRule } from "./category-consistency";
import { certificateValidityRule } from "./certificate-validity";
import { confidentialityRule } from "./confidentiality";
import { creditCodeRule } from "./credit-code";
import { dateOrderRule } from "./date-order";
import { documentControlRule } from "./document-control";
import { duplicateProjectsRule } from "./duplicate-projects";
import { evidenceExistsRule } from "./evidence-exists";
import { evidencePathRule } from "./evidence-path";
import { leaseTermRule } from "./lease-term";
import { notAfterApplicationRule } from "./not-after-application";
import { notBeforeEstablishedRule } from "./not-before-established";
import { personReferencesRule } from "./person-references";
import { processStagesRule } from "./process-stages";
import { projectManagementRule } from "./project-management";
import { projectStaffRule } from "./project-staff";
import { qualifyingProjectsRule } from "./qualifying-projects";
import type { Rule } from "./rule";
import { selfAssessmentClauseRule } from "./self-assessment-clause";
import { serviceDurationRule } from "./service-duration";
import { supplierManagementRule } from "./supplier-management";
import { technicalLeadRule } from "./technical-lead";
import { toolSourcesRule } from "./tool-sources";
import { uniquePersonIdsRule } from "./unique-person-ids";

/** In the order of the specification: identifiers, premises, people, track record, management, tools, processes. */
export const RULES: Rule[] = [
  creditCodeRule,
  leaseTermRule,
  technicalLeadRule,
  projectStaffRule,
  uniquePersonIdsRule,
  personReferencesRule,
  serviceDurationRule,
  qualifyingProjectsRule,
  duplicateProjectsRule,
  categoryConsistencyRule,
  dateOrderRule,
  notAfterApplicationRule,
  notBeforeEstablishedRule,
  certificateValidityRule,
  documentControlRule,
  projectManagementRule,
  confidentialityRule,
  agreementsCoverPersonnelRule,
  supplierManagementRule,
  toolSourcesRule,
  processStagesRule,
  evidencePathRule,
  evidenceExistsRule,
  selfAssessmentClauseRule,
];
