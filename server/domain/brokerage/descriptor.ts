/**
 * Registry descriptor of the Gould–Fernandez brokerage roles, so the metric picker, the API and the
 * i18n keys list them like every other node metric.
 */
import type { MetricDescriptor } from '../metrics/types.js';
import { computeBrokerage, type BrokerageOptions, type BrokerageResult } from './gould-fernandez.js';

const role = (key: string, en: string, tr: string) => ({ key, scope: 'node' as const, label: { en, tr } });

export const descriptor: MetricDescriptor<BrokerageOptions & { weighted?: boolean }, BrokerageResult> = {
  id: 'brokerage',
  scope: 'node',
  label: { en: 'Brokerage roles', tr: 'Aracılık rolleri' },
  description: {
    en: 'How an organization connects others who are not connected directly: within its own group, between groups (for example NGOs and public institutions), or for others.',
    tr: 'Bir kuruluşun doğrudan bağlı olmayan başkalarını nasıl buluşturduğu: kendi grubu içinde, gruplar arasında (örneğin STK’lar ile kamu kurumları) ya da başkaları adına.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    role('brokerageRole', 'Main brokerage role', 'Ana aracılık rolü'),
    role('coordinator', 'Coordinator (within its group)', 'Koordinatör (kendi grubu içinde)'),
    role('consultant', 'Consultant (for another group)', 'Danışman (başka bir grup için)'),
    role('representative', 'Representative (its group to others)', 'Temsilci (grubunu dışarıya bağlar)'),
    role('gatekeeper', 'Gatekeeper (others to its group)', 'Kapı bekçisi (dışarıyı grubuna bağlar)'),
    role('liaison', 'Liaison (between two other groups)', 'Bağlantı (iki başka grup arasında)'),
    role('brokerage', 'Brokerage (all roles)', 'Aracılık (tüm roller)'),
  ],
  compute: (graph, options) => computeBrokerage(graph, options),
};
