import { describe, expect, it } from 'vitest';
import { channelFromWords, preferredChannelOf } from './contact-channel';

describe('preferred channel from a field value and its label', () => {
  it.each([
    ['Phone call', 'phone'],
    ['Telefon', 'phone'],
    ['Anruf', 'phone'],
    ['Appel', 'phone'],
    ['Appel téléphonique', 'phone'],
    ['Llamada', 'phone'],
    ['Llamada telefónica', 'phone'],
    ['Ligação', 'phone'],
    ['Telefone', 'phone'],
    ['Chiamata', 'phone'],
    ['Bellen', 'phone'],
    ['mobile', 'phone'],
    ['E-Mail', 'email'],
    ['email', 'email'],
    ['Courriel', 'email'],
    ['Correo electrónico', 'email'],
    ['SMS', 'sms'],
    ['Text message', 'sms'],
    ['WhatsApp', 'sms'],
    ['Video call', 'video_call'],
    ['Appel vidéo', 'video_call'],
    ['Videollamada', 'video_call'],
    ['Zoom', 'video_call'],
    ['LinkedIn', 'linkedin'],
    ['linkedin_message', 'linkedin'],
    ['Video call (Zoom)', 'video_call'],
    ['SMS / text', 'sms'],
  ])('reads "%s" as %s', (words, channel) => {
    expect(channelFromWords(words)).toBe(channel);
  });

  it('names nothing for words that are no channel', () => {
    for (const words of ['', '  ', 'No preference', '2', 'Morning', 'Context', 'Telescope', 'carrier pigeon']) expect(channelFromWords(words)).toBeUndefined();
  });

  it('never names a channel the lead asked not to be reached by', () => {
    for (const words of ['Please don’t call me', "Don't call", 'no_call', 'Do not e-mail', 'Never phone', 'Bitte nicht anrufen', 'Kein Anruf', "Pas d'appel", 'No llamar', 'Não ligar', 'Niet bellen'])
      expect(channelFromWords(words), words).toBeUndefined();
    expect(preferredChannelOf('no_call', 'Please don’t call me')).toBeUndefined();
    // What the refusal leaves is still read: the lead's other words name the way they do want.
    expect(channelFromWords('Phone, not e-mail')).toBe('phone');
    expect(channelFromWords('E-mail (no calls)')).toBe('email');
  });

  it('takes the value when it names a channel, else the label', () => {
    expect(preferredChannelOf('phone', 'Phone call')).toBe('phone');
    expect(preferredChannelOf('2', 'Phone call')).toBe('phone');
    expect(preferredChannelOf('email', 'Telefon')).toBe('email');
    expect(preferredChannelOf('3', undefined)).toBeUndefined();
  });

  it('reads the first of several choices', () => {
    expect(channelFromWords('sms|email')).toBe('sms');
    expect(channelFromWords('E-mail; Phone')).toBe('email');
    expect(channelFromWords('LinkedIn;Email')).toBe('linkedin');
  });
});
