import type { PageContext } from '../main';

/**
 * The pages under #/projects/{id}/..., by their last part. Each is loaded when first opened: the management
 * pages stay out of the bundle that every visit loads.
 */
export const PROJECT_PAGES: Record<string, (ctx: PageContext, projectId: string, params: URLSearchParams) => Promise<void>> = {
  members: async (ctx, id) => (await import('./members')).membersPage(ctx, id),
  activity: async (ctx, id, params) => (await import('./activity')).activityPage(ctx, id, params),
  webhooks: async (ctx, id) => (await import('./webhooks')).webhooksPage(ctx, id),
  settings: async (ctx, id) => (await import('./settings')).settingsPage(ctx, id),
};
