import { afterEach, expect, it } from 'vitest';
import { bufferSource } from './probes/byte-source.ts';
import { readStoredEntry, readZipDirectory } from './probes/zip.ts';
import { verifyAuditLog } from '../audit/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { registerEntry } from '../registration/service.ts';
import { extendPhase } from '../schedule/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { dataElementsEntry, hackathonTeam, newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { pdfWithText } from '../../test/support/test-media.ts';
import { cookieFor, movableClock, send, startWorksServer } from '../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const hackathon = seeds['003'].id;
const pdf = Buffer.from(pdfWithText(1));

/** A bare tus creation, as a client sends it before any byte: the refusal comes back here. */
const createUpload = (base: string, cookie: string, metadata: Record<string, string>, size: number) =>
  fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: {
      cookie,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(size),
      'Upload-Metadata': Object.entries(metadata)
        .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
        .join(','),
    },
  });

describeOnDatabases('works by stage: each requirement handed in only in its stage', (database) => {
  const setUp = async (clock: Clock & { set(iso: string): void }) => {
    const server = await startWorksServer(database.db, clock);
    app = server.app;
    return server.base;
  };
  const works = async (id: string, cookie: string) =>
    (await app!.inject({ method: 'GET', url: `/api/registrations/${id}/works`, headers: { cookie } })).json().works;
  const setField = (id: string, cookie: string, fieldId: string, value: string) =>
    app!.inject({ method: 'PUT', url: `/api/registrations/${id}/works/fields/${fieldId}`, headers: { cookie }, payload: { value } });
  const byId = (list: { requirement: { id: string } }[]) => Object.fromEntries(list.map((item) => [item.requirement.id, item]));

  const register003 = async (clock: Clock & { set(iso: string): void }) => {
    await publishSeed(database.db, '003');
    const base = await setUp(clock);
    const account = await newAccount(database.db, '队长');
    const registration = await registerEntry(database.db, hackathon, hackathonTeam(3), { account, clock });
    // Sessions expire: a test that moves the clock by weeks signs in again (`signIn`).
    const signIn = () => cookieFor(database.db, account, clock);
    return { base, registration, cookie: await signIn(), signIn };
  };

  it('003: the concept proposal goes with the application; online-stage works are 未开始 and refused before a byte', async () => {
    const clock = movableClock('2021-07-15T10:00:00+08:00');
    const { base, registration, cookie } = await register003(clock);

    const before = await works(registration.id, cookie);
    expect(before.submissionOpen).toBe(true);
    expect(before.deadline).toBe('2021-08-30T16:00:00.000Z');
    expect(byId(before.fields)['concept-proposal']).toMatchObject({
      status: 'missing',
      stage: { stageId: 'registration', phaseId: 'registration', name: '申请报名', state: 'open', end: '2021-08-30T23:59:59+08:00' },
    });
    expect(byId(before.files).presentation).toMatchObject({
      status: 'upcoming',
      problems: [],
      stage: { stageId: 'online-stage', name: '线上阶段', state: 'upcoming', start: '2021-09-16T00:00:00+08:00', end: '2021-10-31T23:59:59+08:00' },
    });
    expect(before.complete).toBe(false);

    const proposal = await setField(registration.id, cookie, 'concept-proposal', '用游戏化方式向外卖骑手讲解工伤保险的参保与理赔。');
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json().works.complete).toBe(true);

    const link = await setField(registration.id, cookie, 'demo-video-url', 'https://example.com/demo');
    expect([link.statusCode, link.json().error.code, link.json().error.message.zh]).toEqual([
      409,
      'submission.stage_not_open',
      '「演示视频链接」在线上阶段 2021-09-16T00:00:00+08:00 至 2021-10-31T23:59:59+08:00（Asia/Shanghai）提交，尚未开始',
    ]);

    const early = await createUpload(base, cookie, { registrationId: registration.id, requirementId: 'presentation', filename: '展示.pdf' }, pdf.length);
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'submission.stage_not_open']);
    expect(await database.db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });

  it('003: in the online stage its works are taken, the application’s proposal and the workshop’s are not, and removal follows the stage', async () => {
    const clock = movableClock('2021-07-15T10:00:00+08:00');
    const { base, registration, cookie: applying, signIn } = await register003(clock);
    expect((await setField(registration.id, applying, 'concept-proposal', '面向平台从业人员的社保知识问答小程序。')).statusCode).toBe(200);

    clock.set('2021-09-20T10:00:00+08:00');
    let cookie = await signIn();
    const sent = await send(base, cookie, pdf, { registrationId: registration.id, requirementId: 'presentation', filename: '展示.pdf' });
    expect(sent.body).toMatchObject({ file: { accepted: true, requirementId: 'presentation' } });
    const fileId = (sent.body as { file: { id: string } }).file.id;

    const late = await setField(registration.id, cookie, 'concept-proposal', '改过的提案');
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'submission.stage_closed']);
    expect(late.json().error.message.en).toBe(
      '"初步概念提案" was handed in during Application, 2021-06-10T00:00:00+08:00 to 2021-08-30T23:59:59+08:00 (Asia/Shanghai); that stage has closed',
    );
    const workshop = await send(base, cookie, pdf, { registrationId: registration.id, requirementId: 'workshop-presentation', filename: '线下.pdf' });
    expect([workshop.error?.status, JSON.parse(workshop.error!.body).error.code]).toEqual([409, 'submission.stage_not_open']);

    const during = await works(registration.id, cookie);
    expect(byId(during.fields)['concept-proposal']).toMatchObject({ status: 'done', stage: { state: 'closed' } });
    expect(byId(during.files).presentation).toMatchObject({ status: 'done', stage: { state: 'open' } });
    expect(byId(during.files)['vision-statement']).toMatchObject({ status: 'missing', stage: { state: 'open' } });
    expect(byId(during.files)['detailed-prototype']).toMatchObject({ status: 'upcoming', stage: { state: 'upcoming', name: '线下创客坊' } });
    expect(during.complete).toBe(false);

    clock.set('2021-11-05T10:00:00+08:00');
    cookie = await signIn();
    const removal = await app!.inject({ method: 'DELETE', url: `/api/works/files/${fileId}`, headers: { cookie } });
    expect([removal.statusCode, removal.json().error.code]).toEqual([409, 'submission.stage_closed']);
    expect(byId((await works(registration.id, cookie)).files).presentation).toMatchObject({ status: 'done', stage: { state: 'closed' } });
    expect((await verifyAuditLog(database.db)).every((chain) => chain.ok)).toBe(true);
  });

  it('003: an organiser’s extension of the online stage lets its works in after the planned end, with the grace period after the new end', async () => {
    const clock = movableClock('2021-07-15T10:00:00+08:00');
    const { base, registration, signIn } = await register003(clock);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: hackathon }]);
    const to = (requirementId: string) => ({ registrationId: registration.id, requirementId, filename: `${requirementId}.pdf` });

    clock.set('2021-10-30T12:00:00+08:00');
    await extendPhase(database.db, hackathon, 'online-stage', { end: '2021-11-03', reason: '线上研讨会改期' }, { account: organiser, clock });
    clock.set('2021-11-02T20:00:00+08:00');
    const cookie = await signIn();
    expect((await send(base, cookie, pdf, to('presentation'))).body).toMatchObject({ file: { accepted: true } });
    expect(byId((await works(registration.id, cookie)).files).presentation).toMatchObject({
      status: 'done',
      stage: { state: 'open', end: '2021-11-03T23:59:59+08:00' },
    });

    clock.set('2021-11-03T23:58:00+08:00');
    const large = Buffer.from(pdfWithText(1, 256 * 1024));
    const begun = await send(base, cookie, large, to('vision-statement'), { stopAfter: 64 * 1024 });
    clock.set('2021-11-04T00:30:00+08:00');
    const finished = await send(base, cookie, large, to('vision-statement'), { uploadUrl: begun.url! });
    expect(finished.body).toMatchObject({ file: { accepted: true, uploadStartedAt: '2021-11-03T15:58:00.000Z' } });
    const refused = await send(base, cookie, pdf, to('prototype'));
    expect(JSON.parse(refused.error!.body).error.code).toBe('submission.stage_closed');
  });

  it('003: the organiser exports a stage’s works alone, and the manifest names each file’s stage', async () => {
    const clock = movableClock('2021-07-15T10:00:00+08:00');
    const { base, registration, signIn } = await register003(clock);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: hackathon }]);
    const to = (requirementId: string) => ({ registrationId: registration.id, requirementId, filename: `${requirementId}.pdf` });
    clock.set('2021-09-20T10:00:00+08:00');
    await send(base, await signIn(), pdf, to('presentation'));
    clock.set('2021-11-10T10:00:00+08:00');
    await send(base, await signIn(), pdf, to('workshop-presentation'));

    const headers = { cookie: await cookieFor(database.db, organiser, clock) };
    const exported = async (query: string) => {
      const reply = await app!.inject({ method: 'GET', url: `/api/contests/${hackathon}/works.zip?division=hackathon${query}`, headers });
      const zip = bufferSource(reply.rawPayload);
      const directory = await readZipDirectory(zip, 'zip');
      const manifest = new TextDecoder().decode(await readStoredEntry(zip, directory.entries.at(-1)!, 'zip', 1_000_000));
      const rows = manifest.replace('\uFEFF', '').trim().split('\n');
      return { disposition: reply.headers['content-disposition'], rows: rows.map((row) => row.split(',').slice(3, 5)) };
    };
    expect(await exported('')).toEqual({
      disposition: `attachment; filename="${hackathon}-hackathon-works.zip"`,
      rows: [
        ['requirement', 'stage'],
        ['在线作品展示（演示文稿）', '线上阶段'],
        ['在线作品展示（线下阶段）', '线下创客坊'],
      ],
    });
    expect(await exported('&stage=workshop')).toEqual({
      disposition: `attachment; filename="${hackathon}-hackathon-workshop-works.zip"`,
      rows: [
        ['requirement', 'stage'],
        ['在线作品展示（线下阶段）', '线下创客坊'],
      ],
    });
    const unknown = await app!.inject({ method: 'GET', url: `/api/contests/${hackathon}/works.zip?division=hackathon&stage=selection`, headers });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'submission.unknown_stage']);
  });

  it('004: supplementary materials are refused during registration and taken during the preliminary review', async () => {
    const clock = movableClock('2025-06-15T10:00:00+08:00');
    await publishSeed(database.db, '004');
    const base = await setUp(clock);
    const account = await newAccount(database.db, '联系人');
    const registration = await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account, clock });
    let cookie = await cookieFor(database.db, account, clock);
    const metadata = { registrationId: registration.id, requirementId: 'supplementary-materials', filename: '补充材料.pdf' };

    const now = await works(registration.id, cookie);
    expect(now).toMatchObject({ complete: true, submissionOpen: false, files: [{ status: 'upcoming', stage: { name: '初赛评审阶段', state: 'upcoming' } }] });
    const early = await createUpload(base, cookie, metadata, pdf.length);
    expect([early.status, (await early.json()).error.message.zh]).toEqual([
      409,
      '「补充材料（按组委会要求）」在初赛评审阶段 2025-08-01T00:00:00+08:00 至 2025-08-20T23:59:59+08:00（Asia/Shanghai）提交，尚未开始',
    ]);

    clock.set('2025-08-10T10:00:00+08:00');
    cookie = await cookieFor(database.db, account, clock);
    expect((await send(base, cookie, pdf, metadata)).body).toMatchObject({ file: { accepted: true } });
    expect(await works(registration.id, cookie)).toMatchObject({ complete: true, submissionOpen: true, files: [{ status: 'done', stage: { state: 'open' } }] });
  });
});
