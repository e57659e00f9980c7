/**
 * Issue 12, the shared documents end to end in the browser host: the head of service imports the
 * common instructions (PDF, then Markdown), every version stays readable in the side panel, a
 * malformed file is refused and changes nothing; an operator files an incident report (an urgent one
 * shows the 17 reminder and the CIC's procedure), finds it in the list, and the head finds it in the
 * registry; the contacts are edited by the head and read-only for an operator; a raw local client
 * sending malformed payloads gets validation errors and the host keeps answering.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeInstructionsPdf } from '../test-support/desk/instructions-pdf';
import { createOperator, login, startHost, syntheticInventory, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';

const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head', name: 'Claire Chef' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer', name: 'Paul Agent' };
const MD = `# Consignes communes CSU / CIC

## Rixe sur la voie publique
- Plus de deux personnes échangent des coups
- Arme visible : **urgence**

## Vol à l’arraché
Signaler la direction de fuite.

<script>document.title = 'piraté'</script>
`;
const PROCEDURE = 'Prévenir l’officier de permanence du CIC, puis le chef de salle.';

test.describe.configure({ mode: 'serial' }); // the raw client checks what the first test left
let host: Host;
test.beforeAll(async () => {
  host = await startHost({ cameras: syntheticInventory(4) });
  createOperator(host.dataDir, CHEF);
  createOperator(host.dataDir, AGENT);
});
test.afterAll(async () => {
  await host.stop();
});

async function as(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.goto(host.url);
  await login(page, who.login, who.password);
}
async function importFile(page: Page, name: string, buffer: Buffer, categories = ''): Promise<void> {
  await page
    .getByTestId('instructions-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('instructions-categories').fill(categories);
  await page.getByTestId('instructions-import').click();
}

test('instructions, an incident report in the list and the registry, contacts, and a malformed file', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await as(page, CHEF);
  await page.getByTestId('instructions-button').click();
  const panel = page.getByTestId('instructions-panel');
  await expect(panel.getByTestId('instructions-none')).toBeVisible();

  // Version 1: a PDF, its categories typed in the form; pdfjs draws its pages in the panel.
  await importFile(page, 'consignes-2026.pdf', await makeInstructionsPdf(['Rixe', 'Vol']), 'Rixe; Vol');
  const slow = { timeout: 60_000 }; // pdfjs loads, parses and draws: slow on a loaded CI machine
  await expect(panel.getByTestId('instructions-shown')).toHaveAttribute('data-version', '1', slow);
  await expect(panel.getByTestId('instructions-pdf')).toHaveAttribute('data-state', 'shown', slow);
  await expect(panel.getByTestId('instructions-pdf')).toHaveAttribute('data-pages', '2');
  await expect(panel.locator('canvas.pdf-page')).toHaveCount(2);

  // Version 2: Markdown, rendered as elements; its raw HTML is shown as text, never run.
  await importFile(page, 'consignes-2026.md', Buffer.from(MD));
  await expect(panel.getByTestId('instructions-shown')).toHaveAttribute('data-version', '2');
  const md = panel.getByTestId('instructions-markdown');
  await expect(md.locator('h2')).toHaveText(['Rixe sur la voie publique', 'Vol à l’arraché']);
  await expect(md.locator('strong')).toHaveText('urgence');
  await expect(md).toContainText("<script>document.title = 'piraté'</script>");
  await expect(md.locator('script')).toHaveCount(0);
  expect(await page.title()).toBe('Vigie');

  // A malformed file: a clear error, and version 2 stays in force.
  await importFile(page, 'consignes-v3.md', Buffer.from('# Consignes\n\nPlus aucune catégorie.\n'));
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-code', 'instructions_invalid');
  await expect(page.getByTestId('error-banner')).toContainText('Aucune catégorie trouvée');
  await expect(page.getByTestId('error-banner')).toContainText(/la version en vigueur reste/i);
  await page.getByTestId('error-banner').getByRole('button').click();
  await importFile(page, 'faux.pdf', Buffer.from('%PDF-1.7\nrien de lisible\n%%EOF\n'), 'Rixe');
  await expect(page.getByTestId('error-banner')).toContainText('PDF illisible', slow);
  await expect(panel.locator('[data-testid^="instructions-version-"]')).toHaveCount(2);
  await expect(panel.getByTestId('instructions-version-2')).toHaveAttribute('data-current', 'true');
  await expect(panel.getByTestId('instructions-shown')).toHaveAttribute('data-version', '2');

  // The old version is still readable.
  await panel.getByTestId('instructions-version-1').click();
  await expect(panel.getByTestId('instructions-shown')).toHaveAttribute('data-format', 'pdf');
  await expect(panel.getByTestId('instructions-pdf')).toHaveAttribute('data-state', 'shown', slow);

  // The head sets the contacts and the CIC's procedure; a malformed number is refused first.
  await page.getByTestId('contacts-button').click();
  const contacts = page.getByTestId('contacts-panel');
  await expect(contacts.getByTestId('contact-17')).toContainText('17');
  await contacts.getByTestId('contacts-add').click();
  await contacts.getByTestId('contact-label-0').fill('CSU — permanence');
  await contacts.getByTestId('contact-number-0').fill('04 12 34 56 78 ; 06');
  await contacts.getByTestId('contacts-procedure').fill(PROCEDURE);
  await contacts.getByTestId('contacts-save').click();
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-code', 'contacts_invalid');
  await expect(page.getByTestId('error-banner')).toContainText('Ligne 1 : numéro invalide');
  await contacts.getByTestId('contact-number-0').fill('+33 4 12 34 56 78');
  await contacts.getByTestId('contacts-save').click();
  await expect(contacts.getByTestId('contacts-saved')).toBeVisible();
  await contacts.getByTestId('panel-close').click();

  // The operator: contacts read-only, then an urgent report on the selected tile's camera.
  const agentCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  await as(agent, AGENT);
  await agent.getByTestId('contacts-button').click();
  const read = agent.getByTestId('contacts-panel');
  await expect(read.getByTestId('contact-17')).toBeVisible();
  await expect(read.getByTestId('contact-row-0')).toContainText('+33 4 12 34 56 78');
  await expect(read.getByTestId('contacts-procedure-text')).toHaveText(PROCEDURE);
  await expect(read.getByTestId('contacts-editor')).toHaveCount(0);
  await expect(read.locator('input, textarea')).toHaveCount(0);
  await read.getByTestId('panel-close').click();
  await expect(agent.getByTestId('instructions-import')).toHaveCount(0);

  await agent.getByTestId('tile-1').click(); // camera 2
  await agent.getByTestId('incident-new').click();
  const form = agent.getByTestId('incident-form');
  await expect(form.getByTestId('incident-cameras')).toHaveValues(['2']);
  await expect(form.getByTestId('incident-category').locator('option')).toHaveText([
    '—',
    'Rixe sur la voie publique',
    'Vol à l’arraché',
  ]);
  const time = await form.getByTestId('incident-time').inputValue();
  expect(Math.abs(new Date(time).getTime() - Date.now())).toBeLessThan(120_000); // now by default
  await form.getByTestId('incident-category').selectOption('Rixe sur la voie publique');
  await form.getByTestId('incident-cameras').selectOption(['2', '3']);
  await form
    .getByTestId('incident-description')
    .fill('Trois individus, l’un armé d’un couteau, devant l’entrée.');
  await expect(form.getByTestId('incident-urgent-reminder')).toHaveCount(0);
  await form.getByTestId('incident-urgency').selectOption('urgent');
  const reminder = form.getByTestId('incident-urgent-reminder');
  await expect(reminder).toContainText('17');
  await expect(reminder).toContainText('police-secours');
  await expect(reminder).toContainText(PROCEDURE);
  await form.getByTestId('incident-submit').click();
  await expect(agent.getByTestId('notice-banner')).toContainText('Signalement n° 1 enregistré');
  await expect(form).toHaveCount(0);

  // A second, normal one, then the list and its filters.
  await agent.getByTestId('incident-new').click();
  await form.getByTestId('incident-category').selectOption('Vol à l’arraché');
  await form.getByTestId('incident-description').fill('Vol de sac, fuite vers la gare.');
  await form.getByTestId('incident-submit').click();
  await expect(agent.getByTestId('notice-banner')).toContainText('Signalement n° 2');
  await agent.getByTestId('incidents-button').click();
  const list = agent.getByTestId('incident-list');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.getByTestId('incident-row-1')).toHaveAttribute('data-urgency', 'urgent');
  await expect(list.getByTestId('incident-row-1')).toContainText('2, 3');
  await agent.getByTestId('incidents-filter-urgency').selectOption('urgent');
  await agent.getByTestId('incidents-filter-apply').click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.getByTestId('incident-row-1')).toBeVisible();
  await agent.getByTestId('incidents-filter-urgency').selectOption('');
  await agent.getByTestId('incidents-filter-camera').fill('3');
  await agent.getByTestId('incidents-filter-apply').click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await agent.getByTestId('incidents-filter-camera').fill('');
  await agent.getByTestId('incidents-filter-category').selectOption('Vol à l’arraché');
  await agent.getByTestId('incidents-filter-apply').click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.getByTestId('incident-row-2')).toBeVisible();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await agent.getByTestId('incidents-filter-category').selectOption('');
  await agent.getByTestId('incidents-filter-from').fill(tomorrow);
  await agent.getByTestId('incidents-filter-apply').click();
  await expect(list.locator('tbody tr')).toHaveCount(0);

  // The head finds both reports, and the imports and the contacts change, in the registry.
  await page.getByTestId('registry-button').click();
  await page.getByTestId('reg-show').click();
  const entries = page.getByTestId('registry-entries');
  await expect(entries.locator('tr[data-type="incident.report"]')).toHaveCount(2);
  await expect(entries.locator('tr[data-type="incident.report"]').first()).toContainText('Signalement');
  await expect(entries.locator('tr[data-type="instructions.import"]')).toHaveCount(2);
  await expect(entries.locator('tr[data-type="contacts.change"]')).toHaveCount(1);
  await agentCtx.close();
});

test('a raw local client: malformed payloads are refused, rights hold, the host keeps answering', async () => {
  const agent = await RawIpc.open(host.url);
  const chef = await RawIpc.open(host.url);
  try {
    expect((await agent.call('auth:login', { login: AGENT.login, password: AGENT.password })).ok).toBe(true);
    expect((await chef.call('auth:login', { login: CHEF.login, password: CHEF.password })).ok).toBe(true);
    const now = new Date().toISOString();
    const good = {
      category: 'Rixe sur la voie publique',
      cameras: [1],
      occurredAt: now,
      description: 'x',
      urgency: 'normal',
    };
    const invalid: [RawIpc, string, unknown][] = [
      [agent, 'incidents:report', { ...good, cameras: ['1'] }],
      [agent, 'incidents:report', { ...good, cameras: [] }],
      [agent, 'incidents:report', { ...good, occurredAt: 'hier' }],
      [agent, 'incidents:report', { ...good, description: 'x'.repeat(5000) }],
      [agent, 'incidents:report', { ...good, urgency: 'critique' }],
      [agent, 'incidents:report', { ...good, extra: 1 }],
      [agent, 'incidents:report', null],
      [agent, 'incidents:list', { cameraId: 'x' }],
      [agent, 'incidents:list', { from: '2026-02-30' }],
      [agent, 'instructions:read', { version: -1 }],
      [agent, 'instructions:read', { version: '1 OR 1=1' }],
      [chef, 'instructions:import', { fileName: 'a.md', contentBase64: '###' }],
      [
        chef,
        'instructions:import',
        { fileName: 'a.md', contentBase64: 'QQ==', categories: Array(500).fill('x') },
      ],
      [chef, 'instructions:import', { fileName: '', contentBase64: 'QQ==' }],
      [
        chef,
        'contacts:set',
        { entries: [{ site: 'mairie', label: 'x', number: '17', notes: '' }], procedure: '' },
      ],
      [chef, 'contacts:set', { entries: 'tous' }],
    ];
    for (const [c, channel, payload] of invalid) {
      const r = await c.call(channel, payload);
      expect(r.error?.code, `${channel} ${JSON.stringify(payload)?.slice(0, 80)}`).toBe('invalid_payload');
    }
    // A NUL in the description: the text rule names the field (issue 18).
    expect((await agent.call('incidents:report', { ...good, description: 'a\u0000b' })).error).toEqual({
      code: 'text_invalid',
      params: { field: 'description', reason: 'control' },
    });
    // Well-formed, but refused by main's own checks: nothing is filed or changed.
    const unknownCam = await agent.call('incidents:report', { ...good, cameras: [999] });
    expect(unknownCam.error).toMatchObject({ code: 'incident_invalid', params: { reason: 'camera' } });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await agent.call('incidents:report', { ...good, occurredAt: future })).error?.params?.reason,
    ).toBe('future');
    const badNumber = await chef.call('contacts:set', {
      entries: [{ site: 'csu', label: 'x', number: '<img src=x>', notes: '' }],
      procedure: '',
    });
    expect(badNumber.error).toMatchObject({
      code: 'contacts_invalid',
      params: { reason: 'number', line: 1 },
    });
    const garbage = await chef.call('instructions:import', {
      fileName: 'x.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n' + '\u00ff'.repeat(2000)).toString('base64'),
      categories: ['Rixe'],
    });
    expect(garbage.error).toMatchObject({
      code: 'instructions_invalid',
      params: { reason: 'pdf_unreadable' },
    });
    // An operator without the `service` right can neither import nor edit.
    const imp = await agent.call('instructions:import', { fileName: 'a.md', contentBase64: 'IyMgQQo=' });
    expect(imp.error?.code).toBe('forbidden');
    const set = await agent.call('contacts:set', { entries: [], procedure: '' });
    expect(set.error?.code).toBe('forbidden');
    // Nothing changed, and the host still answers.
    const view = await agent.call('instructions:get');
    expect((view.value as { versions: unknown[] }).versions).toHaveLength(2);
    const listed = await agent.call('incidents:list', {});
    expect(listed.value as unknown[]).toHaveLength(2);
    const contacts = await agent.call('contacts:get');
    expect((contacts.value as { entries: { number: string }[] }).entries.map((e) => e.number)).toEqual([
      '+33 4 12 34 56 78',
    ]);
    expect((await agent.call('app:info')).ok).toBe(true);
  } finally {
    agent.close();
    chef.close();
  }
});
