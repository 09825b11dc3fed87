/**
 * The summary in plain words, first thing after the title: the headline (did cooperation grow, by how
 * much, and is it more than chance — the paired density test), then one sentence each for the ties that
 * came and went, the similarity of the two waves (QAP), NGO–institution ties and the E-I index, the
 * effect of the consultation meetings (or of any event when no consultation meeting took place between
 * the waves), isolated organizations, survey answers and whether the density finding holds under every
 * treatment of non-response; and the caveat on power. Every number is the model's (analyseChange).
 */
import type { MeetingEffectRow } from '../compare/meeting-effect.js';
import { pText, rateText, verdict, waveName, type Ctx } from './context.js';
import { html, type SafeHtml } from './html.js';
import type { MessageKey } from './i18n.js';

/** The meeting-effect row the summary talks about: consultation meetings, else any event. */
export function headlineMeetingRow(rows: readonly MeetingEffectRow[]): MeetingEffectRow | undefined {
  const all = rows.filter((row) => row.scope === 'all');
  const consultation = all.find((row) => row.eventType === 'consultation_meeting');
  if (consultation && consultation.coAttendingPairs > 0) return consultation;
  return all.find((row) => row.eventType === 'any');
}

function headline(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const { change } = ctx.model;
  const density = change.network.density;
  const test = change.densityTest;
  const from = density?.from ?? null;
  const to = density?.to ?? null;
  const relative = from !== null && to !== null && from > 0 ? (to - from) / from : null;
  const difference = test.difference ?? (from !== null && to !== null ? to - from : null);
  const detail = t.t('summary.headline.detail', {
    from: t.number(from, 4),
    to: t.number(to, 4),
    fromWave: waveName(ctx, ctx.model.from),
    toWave: waveName(ctx, ctx.model.to),
  });
  const changeText = relative !== null ? t.percent(relative, 1, true) : t.signed(difference, 4);
  const ci =
    test.ci95 === null
      ? t.t('summary.noCi')
      : t.t('summary.ci', { low: t.signed(test.ci95[0], 4), high: t.signed(test.ci95[1], 4) });
  let key: MessageKey = 'summary.headline.same';
  if (difference !== null && difference > 0) key = 'summary.headline.grew';
  if (difference !== null && difference < 0) key = 'summary.headline.fell';
  const sentence = t.t(key, { change: changeText, ci, verdict: verdict(ctx, test.pValue) });
  return html`<p class="headline" id="headline">${sentence}<span class="detail">${detail}</span></p>`;
}

function tiesSentence(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const ties = ctx.model.change.ties;
  return t.t('summary.ties', {
    added: t.number(ties.added),
    removed: t.number(ties.removed),
    stable: t.number(ties.stable),
    strengthened: t.number(ties.strengthened),
    jaccard: t.percent(ties.jaccard, 0),
  });
}

function qapSentence(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const qap = ctx.model.change.qap;
  if (qap.correlation === null || qap.pValue === null) return t.t('summary.qap.untestable');
  const params = { r: t.number(qap.correlation, 2), p: pText(ctx, qap.pValue) };
  return qap.pValue < 0.05 ? t.t('summary.qap.similar', params) : t.t('summary.qap.notSimilar', params);
}

function crossSectorSentence(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const { crossSectorTies, eiIndex } = ctx.model.change;
  let direction: MessageKey = 'summary.ei.same';
  if (eiIndex.change !== null && eiIndex.change > 0.005) direction = 'summary.ei.moreAcross';
  if (eiIndex.change !== null && eiIndex.change < -0.005) direction = 'summary.ei.lessAcross';
  const still = eiIndex.to !== null && eiIndex.to < 0 ? t.t('summary.ei.stillWithin') : '';
  const relative =
    crossSectorTies.from !== null && crossSectorTies.from > 0 && crossSectorTies.change !== null
      ? t.percent(crossSectorTies.change / crossSectorTies.from, 0, true)
      : t.signed(crossSectorTies.change, 0);
  return t.t('summary.crossSector', {
    from: t.number(crossSectorTies.from),
    to: t.number(crossSectorTies.to),
    change: relative,
    eiFrom: t.number(eiIndex.from, 2),
    eiTo: t.number(eiIndex.to, 2),
    direction: html`${t.t(direction)}${still}`,
  });
}

export function eventPhrase(ctx: Ctx, eventType: string): SafeHtml {
  const key = `eventPhrase.${eventType}`;
  return ctx.t.has(key)
    ? ctx.t.t(key as MessageKey)
    : ctx.t.t('eventPhrase.generic', { type: eventType.replace(/_/g, ' ') });
}

function meetingSentence(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const row = headlineMeetingRow(ctx.model.change.meetingEffect);
  if (row === undefined || row.coAttendingPairs === 0) return t.t('summary.meeting.none');
  if (row.rateRatio === null)
    return t.t('summary.meeting.undefined', { event: eventPhrase(ctx, row.eventType) });
  const params = {
    event: eventPhrase(ctx, row.eventType),
    ratio: t.number(row.rateRatio, 1),
    rateCo: rateText(ctx, row.rateCoAttending),
    rateOther: rateText(ctx, row.rateOther),
    ci: row.ci95
      ? t.t('summary.meeting.ci', { low: t.number(row.ci95[0], 1), high: t.number(row.ci95[1], 1) })
      : '',
    p: pText(ctx, row.pValue),
  };
  const strong = row.pValue !== null && row.pValue < 0.05;
  return html`${t.t(strong ? 'summary.meeting.effect' : 'summary.meeting.weak', params)}
  ${t.t('summary.meeting.caution')}`;
}

function isolatesSentence(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const { change } = ctx.model;
  return t.t('summary.isolates', {
    from: t.number(change.network.isolates?.from ?? null),
    to: t.number(change.network.isolates?.to ?? null),
    integrated: t.number(change.isolates.integrated.length),
    lost: t.number(change.isolates.becameIsolated.length),
  });
}

function respondentsSentence(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  // Counted on the data as reported: a treatment may have dropped the non-respondents already.
  const { from, to } = model.respondents;
  return t.t('summary.respondents', {
    fromCount: t.number(from.respondents.size),
    toCount: t.number(to.respondents.size),
    total: t.number(from.respondents.size + from.nonRespondents.size),
    fromWave: waveName(ctx, model.from),
    toWave: waveName(ctx, model.to),
  });
}

/** Whether every treatment gives a density change of the same sign and the same significance. */
export function densityIsRobust(ctx: Ctx): boolean | null {
  const [baseline, ...others] = ctx.model.robustness;
  if (baseline === undefined || baseline.density.change === null) return null;
  const significant = (p: number | null) => p !== null && p < 0.05;
  const sign = Math.sign(baseline.density.change);
  return others.every(
    (row) =>
      row.density.change !== null &&
      Math.sign(row.density.change) === sign &&
      significant(row.densityTest.pValue) === significant(baseline.densityTest.pValue),
  );
}

function robustnessSentence(ctx: Ctx): SafeHtml {
  const robust = densityIsRobust(ctx);
  if (robust === null) return html``;
  return ctx.t.t(robust ? 'summary.robust.holds' : 'summary.robust.depends');
}

export function renderSummary(ctx: Ctx): SafeHtml {
  const { t } = ctx;
  const items = [
    tiesSentence(ctx),
    qapSentence(ctx),
    crossSectorSentence(ctx),
    meetingSentence(ctx),
    isolatesSentence(ctx),
    html`${respondentsSentence(ctx)} ${robustnessSentence(ctx)}`,
  ];
  return html`<section id="summary" class="major first">
    <h2>${t.t('section.summary')}</h2>
    ${headline(ctx)}
    <ul class="findings">
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>
    <p class="caveat">${t.t('summary.caveat', { n: t.number(ctx.model.organizations.size) })}</p>
  </section>`;
}
