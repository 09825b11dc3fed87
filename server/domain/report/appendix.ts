/**
 * The last two sections of the report: non-response (who answered, the four treatments, whether the
 * density change holds under each — paired bootstrap per treatment — and the sensitivity of every measure
 * of the later wave; Huisman 2009) and the methods appendix: for each statistic what it is, what it
 * assumes and where it stops, with the plain statement that two waves of ~170 organizations give the tests
 * low power.
 */
import { NON_RESPONSE_TREATMENTS } from '../survey/treatments.js';
import { changeCell, metricDigits, metricLabel, pText, waveName, type Ctx } from './context.js';
import { html, join, type SafeHtml } from './html.js';
import type { MessageKey } from './i18n.js';

export function treatmentName(ctx: Ctx, treatment: string): SafeHtml {
  return ctx.t.t(`treatment.${treatment}` as MessageKey);
}

function robustnessTable(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const rows = model.robustness.map(
    (row) =>
      html`<tr
        data-treatment="${row.treatment}"
        ${row.treatment === model.treatment ? html` class="current"` : ''}
      >
        <td>
          ${treatmentName(ctx, row.treatment)}${row.treatment === model.treatment ? html` <span class="tag">${t.t('nonResponse.inThisReport')}</span>` : ''}
        </td>
        <td class="num">${t.number(row.organizations)}</td>
        <td class="num">${t.number(row.density.from, 4)}</td>
        <td class="num">${t.number(row.density.to, 4)}</td>
        ${changeCell(ctx, row.density.change, 4)}
        <td class="num">
          ${row.densityTest.ci95 ? `${t.signed(row.densityTest.ci95[0], 4)} … ${t.signed(row.densityTest.ci95[1], 4)}` : '–'}
        </td>
        <td class="num">${pText(ctx, row.densityTest.pValue)}</td>
        <td class="num">${t.number(row.eiIndex.from, 2)} → ${t.number(row.eiIndex.to, 2)}</td>
      </tr>`,
  );
  return html`<table class="robustness">
    <caption>
      ${t.t('nonResponse.robustTitle')}
    </caption>
    <thead>
      <tr>
        <th>${t.t('nonResponse.treatment')}</th>
        <th class="num">${t.t('nonResponse.organizations')}</th>
        <th class="num">${waveName(ctx, model.from)}</th>
        <th class="num">${waveName(ctx, model.to)}</th>
        <th class="num">${t.t('table.change')}</th>
        <th class="num">${t.t('nonResponse.ci')}</th>
        <th class="num">p</th>
        <th class="num">${t.t('nonResponse.ei')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function sensitivityTable(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const { sensitivity } = model;
  const [baseline, ...others] = sensitivity.treatments;
  const rows = sensitivity.metrics.map((row) => {
    const digits = metricDigits(row.key);
    return html`<tr data-metric="${row.key}">
      <td>${metricLabel(ctx, row.key)}</td>
      <td class="num">${t.number(row.values[baseline!].value, digits)}</td>
      ${others.map((treatment) => {
        const cell = row.values[treatment];
        const moved = cell.relativeChange !== null && Math.abs(cell.relativeChange) >= 0.1;
        return html`<td class="num">
          ${t.number(cell.value, digits)}
          <span class="${moved ? 'down' : 'muted'}"
            >(${cell.relativeChange === null ? '–' : t.percent(cell.relativeChange, 0, true)})</span
          >
        </td>`;
      })}
    </tr>`;
  });
  return html`<table class="sensitivity">
      <caption>
        ${t.t('nonResponse.sensitivityTitle', { wave: waveName(ctx, model.to) })}
      </caption>
      <thead>
        <tr>
          <th>${t.t('table.measure')}</th>
          ${sensitivity.treatments.map((treatment) => html`<th class="num">${treatmentName(ctx, treatment)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p class="note">
      ${t.t('nonResponse.sensitivityNote')}${model.mode === 'directed' ? '' : html` ${t.t('nonResponse.unionNote')}`}
    </p>`;
}

export function renderNonResponse(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const { from, to } = model.respondents;
  const total = from.respondents.size + from.nonRespondents.size;
  const inferred = Math.max(from.inferred.length, to.inferred.length);
  const treatments = NON_RESPONSE_TREATMENTS.map(
    (treatment) =>
      html`<li>
        <strong>${treatmentName(ctx, treatment)}</strong>: ${t.t(`treatmentInfo.${treatment}` as MessageKey)}
      </li>`,
  );
  return html`<section id="non-response" class="major">
    <h2>${t.t('section.nonResponse')}</h2>
    <p>
      ${t.t('nonResponse.answered', {
        fromCount: t.number(from.respondents.size),
        toCount: t.number(to.respondents.size),
        total: t.number(total),
        fromWave: waveName(ctx, model.from),
        toWave: waveName(ctx, model.to),
      })}${inferred > 0 ? html` ${t.t('nonResponse.inferred', { count: t.number(inferred) })}` : ''}
    </p>
    <p>${t.t('nonResponse.intro')}</p>
    <ul>
      ${treatments}
    </ul>
    <p>${t.t('nonResponse.used', { treatment: treatmentName(ctx, model.treatment) })}</p>
    ${robustnessTable(ctx)} ${sensitivityTable(ctx)}
  </section>`;
}

const METHODS = [
  'data',
  'density',
  'qap',
  'ties',
  'ei',
  'meeting',
  'brokers',
  'isolation',
  'maps',
  'nonResponse',
  'power',
] as const;

export function renderMethods(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const part = (topic: string, aspect: 'what' | 'assumes' | 'limits') =>
    html`<p>
      <strong>${t.t(`methods.${aspect}Label` as MessageKey)}</strong> ${t.t(
        `methods.${topic}.${aspect}` as MessageKey,
        {
          n: t.number(model.organizations.size),
          permutations: t.number(model.change.qap.permutations),
          seed: t.number(model.change.qap.seed, 0),
        },
      )}
    </p>`;
  const entries = METHODS.map(
    (topic) =>
      html`<dt id="method-${topic}">${t.t(`methods.${topic}.title` as MessageKey)}</dt>
        <dd>${part(topic, 'what')}${part(topic, 'assumes')}${part(topic, 'limits')}</dd>`,
  );
  const synthetic = model.dataset.synthetic
    ? html`<dt id="method-synthetic">${t.t('methods.synthetic.title')}</dt>
        <dd>
          <p>${t.t('methods.synthetic.body')}</p>
          ${model.dataset.description ? html`<p class="muted">${model.dataset.description}</p>` : ''}
        </dd>`
    : '';
  const command = [
    'kopru report <source>',
    `--from ${model.from.id}`,
    `--to ${model.to.id}`,
    `--lang ${t.lang}`,
    `--mode ${model.mode}`,
    `--treatment ${model.treatment}`,
    `--permutations ${model.change.qap.permutations}`,
    `--seed ${model.change.qap.seed}`,
  ];
  return html`<section id="methods" class="major methods">
    <h2>${t.t('section.methods')}</h2>
    <dl>
      ${synthetic}${entries}
      <dt id="method-software">${t.t('methods.software.title')}</dt>
      <dd>
        <p>${t.t('methods.software.body')}</p>
        <p>
          <code
            >${join(
              // A flag and its value stay on one line; a line may only break between flags.
              command.map((part) => html`<span class="flag">${part}</span>`),
              ' ',
            )}</code
          >
        </p>
      </dd>
    </dl>
  </section>`;
}
