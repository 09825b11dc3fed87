/** The attribute privacy schema: known columns, contact-like columns, unknown columns private. */
import { describe, expect, it } from 'vitest';
import {
  classifyAttribute,
  isPrivateAttribute,
  isPublicAttribute,
} from '../../../../server/domain/privacy/attribute-schema.js';

describe('classifyAttribute', () => {
  it('marks the categories public, the name opt-in and refugee_led and the id private', () => {
    for (const column of ['kind', 'type', 'city', 'district', 'focus', 'founded']) {
      expect(isPublicAttribute(column), column).toBe(true);
    }
    expect(classifyAttribute('name').visibility).toBe('opt-in');
    for (const column of ['id', 'refugee_led', 'refugeeLed', 'Refugee-Led', 'public_name']) {
      expect(isPrivateAttribute(column), column).toBe(true);
    }
  });

  it('marks contact details and people private, in English and Turkish', () => {
    for (const column of [
      'email',
      'E-Mail',
      'contact_email',
      'phone',
      'Telefon',
      'mobile',
      'address',
      'Adres',
      'website',
      'contact_person',
      'İletişim',
      'yetkili_kişi',
      'director_name',
      'ad_soyad',
    ]) {
      const rule = classifyAttribute(column);
      expect(rule.visibility, column).toBe('private');
      expect(rule.reason, column).toBe('contact details or a person');
    }
  });

  it('keeps every column it does not know private by default', () => {
    for (const column of ['languages', 'budget', 'notes', 'x']) {
      expect(classifyAttribute(column)).toEqual({
        visibility: 'private',
        reason: 'not a known public attribute: private by default',
      });
    }
  });
});
