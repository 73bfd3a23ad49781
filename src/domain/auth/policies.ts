import type { RoleGrant } from './roles.js';

/**
 * Every route names one of these policies; this file is the only place that decides.
 * A policy answers for a principal (the grants of whoever acts; none for the public) and,
 * where the action concerns one member or network, for that scope.
 */
export type Policy =
  | 'public'
  | 'signed_in'
  | 'read_internal'
  | 'edit_programme'
  | 'record_member_decision'
  | 'edit_memo'
  | 'record_committee_decision'
  | 'manage_users'
  | 'read_audit'
  | 'read_plan_history'
  | 'manage_indicators'
  | 'import_indicator_values'
  | 'edit_plan'
  | 'submit_plan'
  | 'report_follow_up'
  | 'see_late_reports'
  | 'manage_follow_up'
  | 'run_consultation'
  | 'moderate_comments'
  | 'edit_event'
  | 'manage_jobs';

export interface Principal {
  signedIn: boolean;
  grants: readonly RoleGrant[];
}

export const PUBLIC_PRINCIPAL: Principal = { signedIn: false, grants: [] };

export interface PolicyScope {
  memberId?: number | null;
  networkId?: number | null;
}

const has = (p: Principal, test: (g: RoleGrant) => boolean) => p.grants.some(test);
const isAdmin = (p: Principal) => has(p, (g) => g.role === 'admin');
const inNetwork = (p: Principal, scope: PolicyScope, roles: readonly RoleGrant['role'][]) =>
  scope.networkId != null && has(p, (g) => roles.includes(g.role) && g.networkId === scope.networkId);

/** Whether `principal` may do what `policy` guards, for `scope` where it matters. */
export function allows(principal: Principal, policy: Policy, scope: PolicyScope = {}): boolean {
  switch (policy) {
    case 'public':
      return true;
    case 'signed_in':
      return principal.signedIn;
    case 'read_internal':
      return principal.signedIn && principal.grants.length > 0;
    // Drafting the programme, Kolada syncs, indicator definitions, goal targets, and the follow-up
    // rounds with their deadlines and reminders are the secretariat's work for the whole cooperation; so
    // are the cooperation's events (Rådslaget, the conferences) with their documentation, and a
    // consultation on a proposed version: opening it, its answers and its samrådsredogörelse, and
    // moderating the public's comments (BBS-lagen 4–5 §§: the provider's duty). The scheduled jobs
    // (their runs, failures and "Kör nu") are the secretariat's too.
    case 'edit_programme':
    case 'record_committee_decision':
    case 'manage_users':
    case 'manage_indicators':
    case 'manage_follow_up':
    case 'run_consultation':
    case 'moderate_comments':
    case 'edit_event':
    case 'manage_jobs':
      return isAdmin(principal);
    case 'read_audit':
      return isAdmin(principal) || has(principal, (g) => g.role === 'reader');
    // A plan's history is also its own network's: the people who wrote it see who changed what, removed
    // activities included, as the secretariat and readers do.
    case 'read_plan_history':
      return (
        isAdmin(principal) ||
        has(principal, (g) => g.role === 'reader') ||
        inNetwork(principal, scope, ['network_lead', 'network_member'])
      );
    // A member's officers record their own board's decisions, write their own member's memo to the board
    // and enter their own member's values of local indicators; the secretariat may do all for any member.
    case 'record_member_decision':
    case 'edit_memo':
    case 'import_indicator_values':
      return (
        isAdmin(principal) ||
        (scope.memberId != null && has(principal, (g) => g.role === 'member_officer' && g.memberId === scope.memberId))
      );
    // A chief network writes its own plans and reports on their activities; its lead submits the plans
    // to the committee and sees whose reports are late. The secretariat may do all of it for any network.
    case 'edit_plan':
    case 'report_follow_up':
      return isAdmin(principal) || inNetwork(principal, scope, ['network_lead', 'network_member']);
    case 'submit_plan':
    case 'see_late_reports':
      return isAdmin(principal) || inNetwork(principal, scope, ['network_lead']);
  }
}

/**
 * Whether `principal` is allowed `policy` for at least one scope: its own members and networks are
 * the only scopes its grants can open. False means no record anywhere could be changed this way, so
 * a write route refuses before it reads or validates the request.
 */
export function allowsSomewhere(principal: Principal, policy: Policy): boolean {
  return (
    allows(principal, policy) ||
    principal.grants.some((g) => allows(principal, policy, { memberId: g.memberId, networkId: g.networkId }))
  );
}
