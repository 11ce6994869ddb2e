import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseFile, parseRawMail } from '../../../shared/intake/parse-file.ts';
import { buildMsg } from './build-msg.ts';

const CRLF = '\r\n';
const enc = (s: string) => new TextEncoder().encode(s.replace(/\r?\n/g, CRLF));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\n');

const staffer = 'From: "PRICE, Megan" <megan.price@parliament.uk>\nTo: report@lurewatch.example\n';
const mp = 'From: Jonathan Wyatt <jonathan.wyatt.mp@parliament.uk>\nTo: report@lurewatch.example\n';

function mail(head: string, body: string, type = 'text/plain; charset=utf-8'): Uint8Array {
  return enc(
    `${head}Subject: FW: hello\nDate: Mon, 15 Jan 2024 09:00:00 +0000\nMIME-Version: 1.0\nContent-Type: ${type}\n\n${body}`,
  );
}

const LURE = `Hi Jonathan,\n\nIt's Abi from the reception - I'm so embarrassed you don't remember me!\nText me on 07700 900417 or WhatsApp +44 (0)7700 900862.\n\nAbi x`;

describe('inline forwards of each mail client', () => {
  it('Gmail: "---------- Forwarded message ---------"', async () => {
    const body = `Please look at this.\n\nJonathan Wyatt MP\nTel: 020 7219 3000\n\n---------- Forwarded message ---------\nFrom: Abi Lane <abi.lane@lure.test>\nDate: Sun, 14 Jan 2024 at 23:01\nSubject: hello\nTo: <jonathan.wyatt.mp@parliament.uk>\n\n\n${LURE}`;
    const { draft, reporter, kind } = await parseRawMail(mail(mp, body));
    expect(kind).toBe('forward');
    expect(reporter?.address).toBe('jonathan.wyatt.mp@parliament.uk');
    expect(draft.channel).toBe('email');
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.sender.displayName).toBe('Abi Lane');
    expect(draft.sender.phones?.sort()).toEqual(['+447700900417', '+447700900862']);
    expect(draft.targets.emails).toEqual(['jonathan.wyatt.mp@parliament.uk']);
    expect(draft.text).toContain("It's Abi");
    expect(draft.text).not.toContain('Please look at this');
    expect(draft.sender.phones).not.toContain('+442072193000');
    expect(draft.onBehalfOf).toBeUndefined();
  });

  it('Outlook desktop: From/Sent/To/Subject block, staffer reporting for the MP', async () => {
    const body = `Flagged by Jonathan's office.\n\nMegan\n\n________________________________\nFrom: Abi Lane <abi.lane@lure.test>\nSent: 14 January 2024 23:01\nTo: WYATT, Jonathan <jonathan.wyatt.mp@parliament.uk>\nCc: PRICE, Megan <megan.price@parliament.uk>\nSubject: hello\n\n${LURE}`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.targets.emails?.sort()).toEqual([
      'jonathan.wyatt.mp@parliament.uk',
      'megan.price@parliament.uk',
    ]);
    expect(draft.targets.names).toContain('Jonathan Wyatt');
    expect(draft.subject).toBe('hello');
    expect(draft.sentAt).toBe('14 January 2024 23:01');
  });

  it('Outlook "-----Original Message-----" with [mailto:] addresses', async () => {
    const body = `FYI\n\n-----Original Message-----\nFrom: Abi Lane [mailto:abi.lane@lure.test]\nSent: Sunday, January 14, 2024 11:01 PM\nTo: Wyatt, Jonathan\nSubject: hello\n\n${LURE}`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.sender.displayName).toBe('Abi Lane');
  });

  it('Outlook on the web: bold **From:** labels', async () => {
    const body = `See below\n\n**From:** Abi Lane <abi.lane@lure.test>\n**Sent:** Sunday, January 14, 2024 11:01 PM\n**To:** Jonathan Wyatt <jonathan.wyatt.mp@parliament.uk>\n**Subject:** hello\n\n${LURE}`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.onBehalfOf).toBe('jonathan.wyatt.mp@parliament.uk');
  });

  it('Apple Mail: "Begin forwarded message:" with a Reply-To', async () => {
    const body = `Sent from my iPhone\n\nBegin forwarded message:\n\n> From: Abi Lane <abi.lane@lure.test>\n> Subject: hello\n> Date: 14 January 2024 at 23:01:00 GMT\n> To: jonathan.wyatt.mp@parliament.uk\n> Reply-To: abi.private@elsewhere.test\n> \n> ${LURE.replace(/\n/g, '\n> ')}`;
    const { draft } = await parseRawMail(mail(mp, body));
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.sender.replyTo).toEqual(['abi.private@elsewhere.test']);
    expect(draft.sender.phones).toContain('+447700900417');
    expect(draft.text.startsWith('Hi Jonathan')).toBe(true);
  });

  it('a forward of a forward: the MP forwarded to a staffer, who reports it', async () => {
    const body = `Jonathan asked me to send this in.\n\nMegan Price\nSenior Parliamentary Assistant\nMob: 07700 900001\n\n---------- Forwarded message ---------\nFrom: Jonathan Wyatt <jonathan.wyatt.mp@parliament.uk>\nDate: Mon, 15 Jan 2024 at 08:00\nSubject: Fwd: hello\nTo: Megan Price <megan.price@parliament.uk>\n\nCan you report this?\n\n---------- Forwarded message ---------\nFrom: Abi Lane <abi.lane@lure.test>\nDate: Sun, 14 Jan 2024 at 23:01\nSubject: hello\nTo: <jonathan.wyatt.mp@parliament.uk>\n\n${LURE}`;
    const { draft, reporter } = await parseRawMail(mail(staffer, body));
    expect(reporter?.address).toBe('megan.price@parliament.uk');
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.sender.phones).not.toContain('+447700900001');
    expect(draft.targets.emails).toEqual(['jonathan.wyatt.mp@parliament.uk']);
    expect(draft.onBehalfOf).toBe('jonathan.wyatt.mp@parliament.uk');
    expect(draft.text).not.toContain('Can you report this');
  });

  it('text pasted with no header at all', async () => {
    const body = `Someone sent me this on email, I copied it in:\n\n${LURE}\nabi.private@elsewhere.test\n\nMegan`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.channel).toBe('email');
    expect(draft.sender.emails).toEqual(['abi.private@elsewhere.test']);
    expect(draft.sender.phones?.sort()).toEqual(['+447700900417', '+447700900862']);
    expect(draft.targets.names).toEqual(['Megan Price']);
  });
});

describe('originals attached to the forward', () => {
  const original = [
    'Return-Path: <bounce@mailer.lure.test>',
    'Received-SPF: softfail (mail.parliament.uk: domain of lure.test does not designate 192.0.2.1)',
    'Authentication-Results: mail.parliament.uk; spf=softfail smtp.mailfrom=lure.test; dkim=none; dmarc=fail header.from=parliament-uk.test',
    'Authentication-Results: spoofed.lure.test; spf=pass; dkim=pass; dmarc=pass',
    'From: Parliamentary Digital Service <pds@parliament-uk.test>',
    'Reply-To: helpdesk@lure.test',
    'To: jonathan.wyatt.mp@parliament.uk',
    'Subject: Re-register your MFA',
    'Date: Sun, 14 Jan 2024 23:01:00 +0000',
    'Message-ID: <abc@lure.test>',
    'X-Mailer: PHPMailer 6.0',
    'List-Unsubscribe: <https://lure.test/u>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain',
    '',
    'Re-register now: https://intranet.parliament.uk/mfa',
    '--alt',
    'Content-Type: text/html',
    '',
    '<p><a href="https://mfa.parliament-uk.test/r?u=jw&amp;t=1">https://intranet.parliament.uk/mfa</a></p>',
    '--alt--',
  ].join('\n');

  it('message/rfc822: its own headers, authentication results and link texts', async () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const body = `--m\nContent-Type: text/plain\n\nOriginal attached.\n\nJonathan\n--m\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="orig.eml"\n\n${original}\n--m\nContent-Type: image/jpeg; name="x.jpg"\nContent-Disposition: attachment; filename="x.jpg"\nContent-Transfer-Encoding: base64\n\n${b64(photo)}\n--m--\n`;
    const { draft } = await parseRawMail(mail(mp, body, 'multipart/mixed; boundary="m"'));
    expect(draft.sender.emails).toEqual(['pds@parliament-uk.test']);
    expect(draft.sender.replyTo).toEqual(['helpdesk@lure.test']);
    expect(draft.sender.returnPath).toBe('bounce@mailer.lure.test');
    // Only the topmost result counts: the lower one could have been written by the sender.
    expect(draft.auth).toEqual({ spf: 'softfail', dkim: 'none', dmarc: 'fail' });
    expect(draft.headers?.['x-mailer']).toBe('PHPMailer 6.0');
    expect(draft.headers?.['list-unsubscribe']).toBe('<https://lure.test/u>');
    expect(draft.headers?.['message-id']).toBe('<abc@lure.test>');
    expect(draft.urls).toContainEqual({
      url: 'https://mfa.parliament-uk.test/r?u=jw&t=1',
      text: 'https://intranet.parliament.uk/mfa',
    });
    expect(draft.targets.emails).toEqual(['jonathan.wyatt.mp@parliament.uk']);
  });

  it('an Outlook .msg attachment', async () => {
    const msg = buildMsg({
      subject: 'Hello again',
      body: LURE,
      senderName: 'Abi Lane',
      senderEmail: 'abi.lane@lure.test',
    });
    const body = `--m\nContent-Type: text/plain\n\nAttached as an item.\n--m\nContent-Type: application/vnd.ms-outlook; name="Hello again.msg"\nContent-Disposition: attachment; filename="Hello again.msg"\nContent-Transfer-Encoding: base64\n\n${b64(msg)}\n--m--\n`;
    const { draft } = await parseRawMail(mail(mp, body, 'multipart/mixed; boundary="m"'));
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.sender.phones?.sort()).toEqual(['+447700900417', '+447700900862']);
    expect(draft.subject).toBe('Hello again');
    expect(draft.targets.emails).toEqual(['jonathan.wyatt.mp@parliament.uk']);
  });

  it('a .msg file on its own', async () => {
    const msg = buildMsg({
      subject: 'Hello again',
      body: LURE,
      senderName: 'Abi Lane',
      senderEmail: 'abi.lane@lure.test',
    });
    const { draft } = await parseFile('Hello again.msg', msg);
    expect(draft.channel).toBe('email');
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
  });
});

const IOS_CHAT = [
  '[15/01/2024, 22:41:07] \u202a+44 7700 900417\u202c: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  "[15/01/2024, 22:41:07] \u202a+44 7700 900417\u202c: Hi Ben! It's Abi from conference",
  '[15/01/2024, 22:45:00] Ben Carrow: Sorry, who?',
  '\u200e[15/01/2024, 22:46:10] \u202a+44 7700 900417\u202c: \u200e<attached: 00000012-PHOTO-2024-01-15-22-46-10.jpg>',
  '[15/01/2024, 22:47:00] \u202a+44 7700 900417\u202c: So you remember me',
  'next time x',
].join('\n');

describe('chats carried by a report', () => {
  it('a WhatsApp .zip export (with _chat.txt and the photo)', async () => {
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 9, 9, 9]);
    const zip = zipSync({
      '_chat.txt': new TextEncoder().encode(IOS_CHAT),
      '00000012-PHOTO-2024-01-15-22-46-10.jpg': photo,
    });
    const body = `--m\nContent-Type: text/plain\n\nExport attached.\n\nBen Carrow\n--m\nContent-Type: application/zip; name="WhatsApp Chat - +44 7700 900417.zip"\nContent-Disposition: attachment; filename="WhatsApp Chat - +44 7700 900417.zip"\nContent-Transfer-Encoding: base64\n\n${b64(zip)}\n--m--\n`;
    const head = 'From: Ben Carrow <ben.carrow@parliament.uk>\nTo: report@lurewatch.example\n';
    const { draft } = await parseRawMail(mail(head, body, 'multipart/mixed; boundary="m"'));
    expect(draft.channel).toBe('whatsapp');
    expect(draft.sender.phones).toEqual(['+447700900417']);
    expect(draft.sender.aliases).toContain('Abi');
    expect(draft.targets.names).toEqual(['Ben Carrow']);
    expect(draft.text).toBe("Hi Ben! It's Abi from conference\nSo you remember me\nnext time x");
    expect(draft.messages?.find((m) => m.author === 'Ben Carrow')?.fromTarget).toBe(true);
    const jpg = draft.attachments?.find(
      (a) => a.name === '00000012-PHOTO-2024-01-15-22-46-10.jpg' && a.size > 0,
    );
    expect(jpg?.isImage).toBe(true);
    expect(jpg?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('SMS typed out in the body, with the number in the reporter’s words', async () => {
    const body = `Got two texts last night from (07700) 900 123:\n\n"Hey Megan, it's Charlie from the think tank drinks. Fancy a drink?"\n\n"Ok now I'm embarrassed x"\n\nMegan Price\nMob: +44 7700 900999`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.channel).toBe('sms');
    expect(draft.sender.phones).toEqual(['+447700900123']);
    expect(draft.sender.aliases).toContain('Charlie');
    expect(draft.messages).toHaveLength(2);
    expect(draft.text).toBe(
      "Hey Megan, it's Charlie from the think tank drinks. Fancy a drink?\nOk now I'm embarrassed x",
    );
  });

  it("a chat pasted in quotes whose sender shares the reporter's first name", async () => {
    // "Megan" is the reporter's first name; a chat where every line is hers would leave the
    // report with no words received, so the author is the sender who happens to share it.
    const body = `Typed out exactly below.\n\n"[11/04/2024, 08:02] Megan: morning!! how was the early start\n[11/04/2024, 12:47] Megan: any idea what time the minister's leaving for Kyiv?"\n\nMegan Price`;
    const { draft } = await parseRawMail(mail(staffer, body));
    expect(draft.messages).toHaveLength(2);
    expect(draft.messages?.every((m) => !m.fromTarget)).toBe(true);
    expect(draft.text).toContain('morning!! how was the early start');
    expect(draft.text).toContain("any idea what time the minister's leaving");
  });
});

describe('a forwarded message that is itself a reply, with its thread quoted under it', () => {
  const THREAD = `Hi all, I've updated the rota: log in again at https://parliament.uk.rota-share.test/r\n\nThanks, K\n\n-----Original Message-----\nFrom: Mark Ellis\nSent: 12 March 2024 09:14\nSubject: RE: surgery rota\n\nCan someone swap with me?`;
  it('inline: the reply is the report, its quoted thread part of it', async () => {
    const body = `Is this genuine?\n\nAlex\n\n---------- Forwarded message ---------\nFrom: Karen Doyle <karen@parliament.uk.rota-share.test>\nDate: Tue, 12 Mar 2024 at 10:00\nSubject: RE: RE: surgery rota\nTo: <alex.reed@parliament.uk>\n\n${THREAD}`;
    const { draft } = await parseRawMail(
      mail('From: Alex Reed <alex.reed@parliament.uk>\nTo: report@lurewatch.example\n', body),
    );
    expect(draft.sender.emails).toEqual(['karen@parliament.uk.rota-share.test']);
    expect(draft.text).toContain('log in again');
  });
  it('attached as message/rfc822: the attached reply is the report', async () => {
    const inner = `From: Karen Doyle <karen@parliament.uk.rota-share.test>\nTo: alex.reed@parliament.uk\nSubject: RE: RE: surgery rota\nDate: Tue, 12 Mar 2024 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${THREAD}\n`;
    const body = `--b\nContent-Type: text/plain; charset=utf-8\n\nPlease advise.\n\n--b\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="message.eml"\n\n${inner}\n--b--\n`;
    const { draft } = await parseRawMail(
      mail(
        'From: Alex Reed <alex.reed@parliament.uk>\nTo: report@lurewatch.example\n',
        body,
        'multipart/mixed; boundary="b"',
      ),
    );
    expect(draft.sender.emails).toContain('karen@parliament.uk.rota-share.test');
    expect(draft.text).toContain('log in again');
  });
  it("a member's own reply to a lure, forwarded, still reports the lure under it", async () => {
    const body = `---------- Forwarded message ---------\nFrom: Alex Reed <alex.reed@parliament.uk>\nDate: Tue, 12 Mar 2024 at 10:00\nSubject: RE: hello\nTo: <abi.lane@lure.test>\n\nWho is this?\n\n-----Original Message-----\nFrom: Abi Lane <abi.lane@lure.test>\nSent: 11 March 2024 23:01\nSubject: hello\n\n${LURE}`;
    const { draft } = await parseRawMail(
      mail('From: Alex Reed <alex.reed@parliament.uk>\nTo: report@lurewatch.example\n', body),
    );
    expect(draft.sender.emails).toEqual(['abi.lane@lure.test']);
    expect(draft.text).toContain("It's Abi");
  });
});
