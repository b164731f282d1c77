import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/store/db';
import { saveSettings } from '@/lib/store/settings';
import { glanceFor } from '@/lib/leads/glance';
import { safeParse } from '@/lib/schema/zod-lean';
import { GlanceMessageSchema } from '@/lib/schema/glance';
import { leadProfile } from '@/test/support/lead-profile';
import type { DetectedRecord } from '@/lib/schema/record';
import { workerLook } from './ui-language';

const RECORD: DetectedRecord = { crm: 'hubspot', objectType: 'contact', recordId: '51', url: 'https://app.hubspot.com/contacts/1/record/0-1/51', name: 'Priya Raman' };

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the glance pill’s look, from the rep’s settings', () => {
  it('follows the system until the rep chooses a theme, then carries their choice in each glance', async () => {
    expect((await workerLook()).theme).toBe('system');
    await saveSettings({ theme: 'dark', language: 'de' });
    const look = await workerLook();
    expect(look.theme).toBe('dark');
    const glance = glanceFor(RECORD, leadProfile({ contact: { doNotCall: true, doNotEmail: false } }), look);
    expect(glance.theme).toBe('dark');
    expect(glance.words?.open).not.toBe('Open brief');
    // What the content script accepts: the theme travels inside the validated message.
    const parsed = safeParse(GlanceMessageSchema, { recordKey: 'hubspot:contact:51', glance });
    expect(parsed.success && parsed.data.glance.theme).toBe('dark');
    // A theme is a word (one the pill's CSS does not know follows the system); anything else is refused.
    expect(safeParse(GlanceMessageSchema, { recordKey: 'k', glance: { ...glance, theme: 42 } }).success).toBe(false);
  });
});
