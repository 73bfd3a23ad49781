import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of the tables. snake_case columns; dates are ISO text; no booleans
 * (SQLite has none) — enumerations are text.
 */
export interface Database {
  collaborations: CollaborationTable;
  members: MemberTable;
  comparison_areas: ComparisonAreaTable;
  bodies: BodyTable;
  networks: NetworkTable;
  events: EventTable;
  programmes: ProgrammeTable;
  programme_stated_changes: StatedChangeTable;
  perspectives: PerspectiveTable;
  focus_areas: FocusAreaTable;
  goals: GoalTable;
  goal_statements: GoalStatementTable;
  goal_lineage: GoalLineageTable;
  strategies: StrategyTable;
  decisions: DecisionTable;
  audit_events: AuditEventTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  sign_in_links: SignInLinkTable;
  sign_in_failures: SignInFailureTable;
  api_tokens: ApiTokenTable;
  oidc_identities: OidcIdentityTable;
  oidc_sign_in_flows: OidcSignInFlowTable;
  kolada_kpis: KoladaKpiTable;
  areas: AreaTable;
  area_groups: AreaGroupTable;
  area_group_members: AreaGroupMemberTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  indicator_imports: IndicatorImportTable;
  goal_indicators: GoalIndicatorTable;
  plans: PlanTable;
  plan_activities: PlanActivityTable;
  removed_activities: RemovedActivityTable;
  activity_goals: ActivityGoalTable;
  activity_strategies: ActivityStrategyTable;
  activity_members: ActivityMemberTable;
  plan_decisions: PlanDecisionTable;
  follow_up_rounds: FollowUpRoundTable;
  activity_reports: ActivityReportTable;
  follow_up_reminders: FollowUpReminderTable;
  member_memo_settings: MemberMemoSettingsTable;
  member_memos: MemberMemoTable;
  consultations: ConsultationTable;
  consultation_themes: ConsultationThemeTable;
  consultation_comments: ConsultationCommentTable;
  consultation_reports: ConsultationReportTable;
  consultation_moderations: ConsultationModerationTable;
  consultation_answers: ConsultationAnswerTable;
  consultation_attempts: ConsultationAttemptTable;
  calendar_events: CalendarEventTable;
  calendar_event_agenda_items: CalendarEventAgendaItemTable;
  calendar_event_files: CalendarEventFileTable;
  calendar_event_recordings: CalendarEventRecordingTable;
  calendar_event_outcomes: CalendarEventOutcomeTable;
  job_runs: JobRunTable;
  decision_documents: DecisionDocumentTable;
}

type Id = Generated<number>;

export interface CollaborationTable {
  id: Id;
  slug: string;
  name: string;
  formalised_year: number | null;
  kolada_group_id: string;
  kolada_group_title: string;
  source: string;
  created_at: string;
}

export interface MemberTable {
  id: Id;
  collaboration_id: number;
  code: string;
  name: string;
}

export interface ComparisonAreaTable {
  id: Id;
  collaboration_id: number;
  code: string;
  name: string;
}

export interface BodyTable {
  id: Id;
  collaboration_id: number;
  member_id: number | null;
  key: string;
  kind: string;
  name: string;
  description: string;
  source: string;
}

export interface NetworkTable {
  id: Id;
  collaboration_id: number;
  key: string;
  name: string;
  kind: string;
  area: string;
  source: string;
}

export interface EventTable {
  id: Id;
  collaboration_id: number;
  position: number;
  name: string;
  when_text: string;
  audience: string;
  content: string;
  memo_change: string;
  source: string;
}

export interface ProgrammeTable {
  id: Id;
  collaboration_id: number;
  slug: string;
  name: string;
  target_year: number | null;
  valid_from_year: number | null;
  valid_to_year: number | null;
  vision: string;
  overarching_goal: string;
  /** English texts (migration 0012); '' when none is stored. */
  name_en: ColumnType<string, string | undefined, string>;
  vision_en: ColumnType<string, string | undefined, string>;
  overarching_goal_en: ColumnType<string, string | undefined, string>;
  state: string;
  adoption_rule: string;
  replaces_programme_id: number | null;
  derived_from_programme_id: number | null;
  note: string;
  source: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface StatedChangeTable {
  id: Id;
  programme_id: number;
  position: number;
  text: string;
}

export interface PerspectiveTable {
  id: Id;
  programme_id: number;
  position: number;
  name: string;
  description: string;
  name_en: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
}

export interface FocusAreaTable {
  id: Id;
  programme_id: number;
  position: number;
  name: string;
  description: string;
  network_id: number | null;
  note: string;
  name_en: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
}

export interface GoalTable {
  id: Id;
  programme_id: number;
  focus_area_id: number;
  position: number;
  title: string;
  description: string;
  network_id: number | null;
  note: string;
  title_en: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
}

export interface GoalStatementTable {
  goal_id: number;
  perspective_id: number;
  statement: string;
}

export interface GoalLineageTable {
  goal_id: number;
  predecessor_goal_id: number;
}

export interface StrategyTable {
  id: Id;
  goal_id: number;
  position: number;
  text: string;
  text_en: ColumnType<string, string | undefined, string>;
}

export interface DecisionTable {
  id: Id;
  programme_id: number;
  member_id: number | null;
  body_id: number | null;
  body_kind: string;
  decided_on: string | null;
  date_precision: string;
  paragraph: string;
  outcome: string;
  note: string;
  source: string;
  recorded_at: string;
}

/** Append-only, hash-chained record of every change (see domain/audit/audit-chain.ts). */
export interface AuditEventTable {
  /** Position in the chain (1, 2, …), assigned by the repository, not generated. */
  id: number;
  occurred_at: string;
  actor_kind: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export type ProgrammeRow = Selectable<ProgrammeTable>;
export type NewProgrammeRow = Insertable<ProgrammeTable>;
export type ProgrammeUpdate = Updateable<ProgrammeTable>;
export type DecisionRow = Selectable<DecisionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

export interface UserTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string | null;
  status: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: Id;
  user_id: number;
  role: string;
  member_id: number | null;
  network_id: number | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SignInLinkTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInFailureTable {
  id: Id;
  key: string;
  occurred_at: string;
}

/** API tokens: only the SHA-256 of the token; scoped to one of the owner's grants. */
export interface ApiTokenTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  role: string;
  member_id: number | null;
  network_id: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A person at an OpenID Connect provider (issuer + subject) linked to an account. */
export interface OidcIdentityTable {
  id: Id;
  user_id: number;
  issuer: string;
  subject: string;
  created_at: string;
}

/** An OpenID Connect sign-in under way; keyed by the SHA-256 of the token in the browser's cookie. */
export interface OidcSignInFlowTable {
  token_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

/** Kolada's KPI catalogue (metadata only). */
export interface KoladaKpiTable {
  id: string;
  title: string;
  description: string;
  is_divided_by_gender: number;
  municipality_type: string;
  operating_area: string;
  auspice: string;
  publ_period: string;
  publication_date: string;
  search_text: string;
  updated_at: string;
}

/** Kolada's municipalities and regions; `0000` is Riket. */
export interface AreaTable {
  code: string;
  title: string;
  type: string;
}

export interface AreaGroupTable {
  id: string;
  title: string;
}

export interface AreaGroupMemberTable {
  group_id: string;
  area_code: string;
}

export interface IndicatorTable {
  id: Id;
  key: string;
  origin: string;
  title: string;
  definition: string;
  unit: string;
  decimals: number;
  aggregation: string;
  weight_key: string | null;
  by_gender: number;
  source: string;
  licence: string;
  data_version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorValueTable {
  indicator_id: number;
  area_code: string;
  year: number;
  gender: string;
  value: number | null;
  status: string | null;
  import_id: number;
}

export interface IndicatorImportTable {
  id: Id;
  kind: string;
  source_name: string;
  sha256: string | null;
  status: string;
  rows_read: number;
  rows_changed: number;
  rows_deleted: number;
  message: string;
  user_id: number | null;
  started_at: string;
  finished_at: string;
}

export interface GoalIndicatorTable {
  id: Id;
  goal_id: number;
  indicator_id: number;
  measure: string;
  area_code: string | null;
  target_kind: string;
  direction: string;
  base_year: number;
  base_value: number | null;
  target_year: number;
  target_value: number | null;
  comparison_area_code: string | null;
  note: string;
  source: string;
  created_at: string;
}

export interface PlanTable {
  id: Id;
  collaboration_id: number;
  network_id: number;
  year: number;
  kind: string;
  title: string;
  parent_plan_id: number | null;
  programme_id: number;
  state: string;
  summary: string;
  is_example: number;
  copied_from_plan_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface PlanActivityTable {
  id: Id;
  plan_id: number;
  position: number;
  title: string;
  description: string;
  owner_name: string;
  owner_user_id: number | null;
  start_date: string;
  end_date: string;
  /** bigint: PostgreSQL returns it as text. */
  budget_kr: ColumnType<number | string | null, number | null, number | null>;
  weight: number;
  climate_effect: string;
  climate_justification: string;
  dimension: string;
  carried_over_from_activity_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** An activity removed from its plan: the plan it was in, for the plan's history (the rest is in the audit trail). */
export interface RemovedActivityTable {
  activity_id: number;
  plan_id: number;
  removed_at: string;
}

export interface ActivityGoalTable {
  activity_id: number;
  goal_id: number;
}

export interface ActivityStrategyTable {
  activity_id: number;
  strategy_id: number;
}

export interface ActivityMemberTable {
  activity_id: number;
  member_id: number;
}

export interface PlanDecisionTable {
  id: Id;
  plan_id: number;
  decided_on: string | null;
  date_precision: string;
  paragraph: string;
  outcome: string;
  note: string;
  source: string;
  recorded_at: string;
}

export interface FollowUpRoundTable {
  id: Id;
  collaboration_id: number;
  year: number;
  name: string;
  period_end: string;
  due_date: string;
  created_at: string;
}

export interface ActivityReportTable {
  id: Id;
  activity_id: number;
  round_id: number;
  status: string;
  progress: number;
  comment: string;
  climate_effect: string | null;
  reported_by_user_id: number | null;
  reported_by_name: string;
  reported_at: string;
}

export interface FollowUpReminderTable {
  id: Id;
  round_id: number;
  activity_id: number;
  recipient: string;
  sent_at: string;
}

export interface MemberMemoSettingsTable {
  member_id: number;
  committee: string;
  administration: string;
  consequences: string;
  updated_at: string;
}

export interface MemberMemoTable {
  id: Id;
  programme_id: number;
  member_id: number;
  status: string;
  diarienummer: string;
  officer: string;
  summary: string;
  assessment: string;
  consequence_economy: string;
  consequence_climate: string;
  consequence_gender_equality: string;
  consequence_children: string;
  recipients: string;
  signatories: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** An event of the cooperation (Rådslaget, a conference); `events` holds the recurring meetings' descriptions. */
export interface CalendarEventTable {
  id: Id;
  collaboration_id: number;
  slug: string;
  kind: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as `date_precision` says. */
  date_value: string;
  date_precision: string;
  start_time: string;
  end_time: string;
  place: string;
  host_member_id: number | null;
  theme: string;
  programme_id: number | null;
  programme_text: string;
  status: string;
  publication: string;
  summary: string;
  source: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface CalendarEventAgendaItemTable {
  id: Id;
  event_id: number;
  position: number;
  start_time: string;
  end_time: string;
  title: string;
}

export interface CalendarEventFileTable {
  id: Id;
  event_id: number;
  name: string;
  url: string;
  format: string;
  /** bigint: PostgreSQL returns it as text. */
  size_bytes: ColumnType<number | string | null, number | null, number | null>;
  created_at: string;
}

export interface CalendarEventRecordingTable {
  id: Id;
  event_id: number;
  title: string;
  url: string;
  has_captions: number;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface CalendarEventOutcomeTable {
  id: Id;
  event_id: number;
  text: string;
  url: string;
  created_at: string;
}

/** A consultation (samråd) on a proposed programme version; see migration 0011. */
export interface ConsultationTable {
  id: Id;
  programme_id: number;
  start_date: string;
  end_date: string;
  responsible: string;
  description: string;
  reports_to_hide: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface ConsultationThemeTable {
  id: Id;
  consultation_id: number;
  title: string;
  created_at: string;
}

export interface ConsultationCommentTable {
  id: Id;
  consultation_id: number;
  part_kind: string;
  part_id: number;
  display_name: string;
  email: string;
  body: string;
  status: string;
  theme_id: number | null;
  report_count: ColumnType<number, number | undefined, number>;
  confirm_token_hash: string | null;
  confirm_expires_at: string;
  created_at: string;
  confirmed_at: string | null;
  hidden_at: string | null;
  hidden_reason: ColumnType<string, string | undefined, string>;
}

export interface ConsultationReportTable {
  id: Id;
  comment_id: number;
  reason: string;
  details: string;
  reporter_hash: string;
  created_at: string;
}

export interface ConsultationModerationTable {
  id: Id;
  comment_id: number;
  action: string;
  reason: string;
  actor_name: string;
  created_at: string;
}

export interface ConsultationAnswerTable {
  id: Id;
  consultation_id: number;
  comment_id: number | null;
  theme_id: number | null;
  body: string;
  outcome: string;
  status: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface ConsultationAttemptTable {
  id: Id;
  key: string;
  occurred_at: string;
}

export interface JobRunTable {
  id: Id;
  job: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
  message: ColumnType<string, string | undefined, string>;
  instance_id: string;
  duration_ms: number | null;
  requested_by: ColumnType<string, string | undefined, string>;
}

export interface DecisionDocumentTable {
  id: Id;
  file_name: string;
  media_type: string;
  sha256: string;
  size_bytes: number;
  pages: number;
  read_method: string;
  ocr_confidence: number | null;
  content: Uint8Array;
  read_text: string;
  repaired_text: string;
  /** JSON: TextRepair[]. */
  repairs: string;
  /** JSON: ExtractedDecision. */
  extraction: string;
  read_by: number;
  read_at: string;
  decision_id: number | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
}
