/**
 * A small dataset whose every text field is an attack on the report's HTML: names, types, cities, wave
 * labels and ids, event names and types, the dataset's name and description. Structure: two NGOs and two
 * institutions tied in both waves, one NGO isolated and without an answer, two events between the waves.
 */
import type { Dataset } from '../../../../server/domain/types.js';

export const SCRIPT_NAME = '<script>alert("pwned")</script> Derneği';
export const EVIL_URL = 'https://evil.example/track.png';

export function hostileDataset(): Dataset {
  const org = (id: string, name: string, kind: 'ngo' | 'institution', extra: object = {}) => ({
    id,
    name,
    kind,
    focus: ['children'],
    extra: {},
    ...extra,
  });
  const tie = (source: string, target: string, wave: string, level = 2) => ({
    source,
    target,
    wave,
    level,
    extra: {},
  });
  return {
    info: {
      name: '<script>document.write("x")</script> dataset',
      synthetic: false,
      description: `<img src=${EVIL_URL}>`,
    },
    organizations: [
      org('n1', SCRIPT_NAME, 'ngo', {
        type: '<img src=x onerror=alert(1)>',
        city: '"><svg onload=alert(2)>',
      }),
      org('n2', `Ayşe & "Partners" 'Vakfı'`, 'ngo', { city: 'İstanbul' }),
      org('n3', `Kaymakamlık </style><style>body{background:url(${EVIL_URL})}</style>`, 'institution', {
        type: 'district_governorship',
        city: 'İstanbul',
      }),
      org('n4', 'Belediye <iframe src="https://evil.example">', 'institution', {
        type: 'javascript:alert(3)',
        city: 'İstanbul',
      }),
      org('n5', '<a href="https://evil.example">click</a>', 'ngo', { city: 'İstanbul' }),
    ],
    waves: [
      { id: 'w1', label: '<b>Before</b>', date: '2020-01-01' },
      { id: 'w<2>', label: 'After "the" <meeting>', date: '2021-01-01' },
    ],
    ties: [
      tie('n1', 'n3', 'w1'),
      tie('n2', 'n3', 'w1', 1),
      tie('n1', 'n3', 'w<2>', 3),
      tie('n3', 'n1', 'w<2>', 3),
      tie('n2', 'n4', 'w<2>'),
      tie('n1', 'n2', 'w<2>', 4),
      tie('n3', 'n4', 'w<2>'),
    ],
    events: [
      { id: 'e1', name: '<marquee>party</marquee>', date: '2020-06-01', type: '<iframe>' },
      { id: 'e2', name: 'Consultation', date: '2020-07-01', type: 'consultation_meeting' },
    ],
    attendance: [
      { organization: 'n1', event: 'e1' },
      { organization: 'n2', event: 'e1' },
      { organization: 'n4', event: 'e1' },
      { organization: 'n2', event: 'e2' },
      { organization: 'n4', event: 'e2' },
    ],
    responses: [
      { organization: 'n5', wave: 'w1', status: 'missing' },
      { organization: 'n5', wave: 'w<2>', status: 'missing' },
    ],
  };
}
