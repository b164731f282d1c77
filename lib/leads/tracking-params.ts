/**
 * The parameters ad platforms and marketing tools add to a link to attribute the visit (utm_*,
 * click ids, e-mail tracking tokens). A page view or landing page keeps them as the lead arrived, but
 * a rep opening that address from the brief would be counted as one more visit from the campaign,
 * and a campaign named "pricing-push" would make any page it led to look like a pricing page.
 */
const TRACKING_PARAM = /^(?:utm_\w+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_hsenc|_hsmi|__hs[a-z]+|hsa_\w+|hsctatracking|mkt_tok|_ga|_gl|vero_id|oly_enc_id|oly_anon_id|rb_clickid|s_cid|trk|trkcampaign|sc_campaign|mtm_\w+|pk_\w+|piwik_\w+)$/i;

/** `url` without its tracking parameters (kept whole when it is not an absolute URL). */
export function withoutTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const tracking = [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key));
  if (tracking.length === 0) return url;
  for (const key of tracking) parsed.searchParams.delete(key);
  return parsed.href;
}
