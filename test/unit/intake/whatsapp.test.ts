import { describe, expect, it } from 'vitest';
import { looksLikeWhatsApp, parseWhatsApp } from '../../../shared/intake/chat/whatsapp.ts';
import { parseFile } from '../../../shared/intake/parse-file.ts';

const file = (name: string, text: string) => parseFile(name, new TextEncoder().encode(text));

describe('WhatsApp exports', () => {
  it('Android, 24-hour clock, unsaved number, media omitted, system line dropped', async () => {
    const { draft } = await file(
      'chat.txt',
      [
        '15/01/2024, 22:40 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
        "15/01/2024, 22:41 - +44 7700 900123: Hi Tom, it's Abi!",
        '15/01/2024, 22:50 - Tom Ainsworth: Who is this?',
        '15/01/2024, 22:51 - +44 7700 900123: <Media omitted>',
        '15/01/2024, 22:52 - +44 7700 900123: This message was deleted',
        '15/01/2024, 22:53 - +44 7700 900123: Call me on 07700 900456',
      ].join('\n'),
    );
    expect(draft.channel).toBe('whatsapp');
    expect(draft.sender.phones?.sort()).toEqual(['+447700900123', '+447700900456']);
    expect(draft.sender.aliases).toEqual(['Abi']);
    expect(draft.targets.names).toEqual(['Tom Ainsworth']);
    expect(draft.text).toBe("Hi Tom, it's Abi!\nCall me on 07700 900456");
    expect(draft.messages?.[0]).toEqual({
      at: '2024-01-15T22:41:00',
      author: '+44 7700 900123',
      fromTarget: false,
      text: "Hi Tom, it's Abi!",
    });
    expect(draft.messages?.[1]?.fromTarget).toBe(true);
    expect(draft.attachments).toEqual([{ contentType: 'application/octet-stream', size: 0, isImage: false }]);
  });

  it('Android, 12-hour clock with a saved name: the first writer is the other party', async () => {
    const { draft } = await file(
      'chat.txt',
      "14/02/2024, 11:52 pm - Abi: Happy Valentine's Day Ravi\n15/02/2024, 7:10 am - Ravi Menon: Morning - who is this?\n15/02/2024, 12:05 am - Abi: <Media omitted>",
    );
    expect(draft.sender.aliases).toEqual(['Abi']);
    expect(draft.targets.names).toEqual(['Ravi Menon']);
    expect(draft.messages?.[0]?.at).toBe('2024-02-14T23:52:00');
    expect(draft.messages?.[1]?.at).toBe('2024-02-15T07:10:00');
    expect(draft.messages?.[2]?.at).toBe('2024-02-15T00:05:00');
  });

  it('iOS with bidi marks, an attached photo and a multi-line message', async () => {
    const { draft } = await file(
      '_chat.txt',
      [
        '[19/03/2024, 22:10:03] \u202a+44 7700 900671\u202c: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
        '[19/03/2024, 22:10:03] \u202a+44 7700 900671\u202c: Hey stranger',
        'second line',
        '[19/03/2024, 22:31:40] Iain Rutherford: Who is this please?',
        '\u200e[19/03/2024, 22:32:00] \u202a+44 7700 900671\u202c: \u200e<attached: 00000012-PHOTO-2024-03-19-22-32-00.jpg>',
      ].join('\n'),
    );
    expect(draft.sender.phones).toEqual(['+447700900671']);
    expect(draft.targets.names).toEqual(['Iain Rutherford']);
    expect(draft.text).toBe('Hey stranger\nsecond line');
    expect(draft.attachments).toEqual([
      { name: '00000012-PHOTO-2024-03-19-22-32-00.jpg', contentType: 'image/jpeg', size: 0, isImage: true },
    ]);
  });

  it('"WhatsApp Chat with NAME.txt" names the other party', async () => {
    const { draft } = await file(
      'WhatsApp Chat with Charlie.txt',
      '01/03/2024, 18:22 - Sam: hello\n01/03/2024, 18:23 - Charlie: hi Sam x',
    );
    expect(draft.sender.aliases).toContain('Charlie');
    expect(draft.targets.names).toEqual(['Sam']);
    expect(draft.text).toBe('hi Sam x');
  });

  it('US month-first dates are recognised when the day is over 12', () => {
    const chat = parseWhatsApp('1/15/24, 10:41 PM - Abi: hi\n1/15/24, 10:42 PM - Bob: hello');
    expect(chat.lines[0]?.at).toBe('2024-01-15T22:41:00');
  });

  it('reads an export pasted into a mail: indented, reply-quoted or opened with a quote mark', () => {
    const pasted = '  "[15/01/2024, 22:41:07] Abi: hi its me\n> [15/01/2024, 22:42:00] Abi: remember?';
    expect(looksLikeWhatsApp(pasted)).toBe(true);
    expect(parseWhatsApp(pasted).lines.map((l) => l.text)).toEqual(['hi its me', 'remember?']);
  });

  it('tells a chat export from ordinary text', () => {
    expect(looksLikeWhatsApp('Dear Sir,\nI write about 15/01/2024, 22:41 - nothing')).toBe(false);
    expect(looksLikeWhatsApp('15/01/2024, 22:41 - Abi: hi\n15/01/2024, 22:42 - Bob: hello')).toBe(true);
  });
});

describe('a name given in answer to "who is this?"', () => {
  it('becomes an alias, and only in that answer', async () => {
    const { parseFile } = await import('../../../shared/intake/parse-file.ts');
    const chat = [
      '[19/03/2024, 22:10:03] +44 7700 900671: Hey stranger, you still owe me a drink',
      '[19/03/2024, 22:31:40] Iain Rutherford: Who is this please?',
      '[19/03/2024, 22:32:15] +44 7700 900671: Nat! We were sat together at the reception',
      '[19/03/2024, 22:40:00] +44 7700 900671: Sorry. Long day',
    ].join('\n');
    const { draft } = await parseFile('chat.txt', new TextEncoder().encode(chat));
    expect(draft.sender.aliases).toContain('Nat');
    expect(draft.sender.aliases).not.toContain('Sorry');
  });
});

describe('notices and messages that merely mention leaving or adding', () => {
  it('keeps "you left your bottle" and "before you left?" as messages, drops the notices', () => {
    const chat = [
      '[12/11/2024, 22:10:07] Lomax office: \u200eJosh Penrose added you',
      '[12/11/2024, 22:10:09] Abi: you left your water bottle again lol, I have it safe',
      '[12/11/2024, 22:11:00] Abi: Did you feed Pickle before you left? She is yelling at me',
      '[12/11/2024, 22:12:00] Lomax office: \u200eAbi left',
    ].join('\n');
    const lines = parseWhatsApp(chat).lines;
    expect(lines.filter((l) => !l.system).map((l) => l.text)).toEqual([
      'you left your water bottle again lol, I have it safe',
      'Did you feed Pickle before you left? She is yelling at me',
    ]);
    expect(lines.filter((l) => l.system)).toHaveLength(2);
    // Android: the notice has no author; a message mentioning "left" keeps its author.
    const android = parseWhatsApp(
      '12/11/2024, 22:10 - Abi left\n12/11/2024, 22:11 - Sam: I left my earring in your car',
    );
    expect(android.lines.map((l) => [l.author, l.system])).toEqual([
      ['', true],
      ['Sam', false],
    ]);
  });
});

describe('which side is the target in a two-person export with no other hint', () => {
  it('takes the opener as the other party even when the reply names them back ("Hi Katya")', async () => {
    const { draft } = await file(
      'chat.txt',
      [
        '[14/02/2024, 19:31] Katya: We met at the reception at the Guildhall, you held the door for me',
        '[14/02/2024, 20:02] Will: Haha ok that does sound like me. Hi Katya',
        "[14/02/2024, 20:03] Katya: I'm embarrassed you don't remember",
      ].join('\n'),
    );
    expect(draft.messages?.map((m) => [m.author, m.fromTarget])).toEqual([
      ['Katya', false],
      ['Will', true],
      ['Katya', false],
    ]);
  });
  it('takes the opener as the target when they ask who is writing and are named back', async () => {
    const { draft } = await file(
      'chat.txt',
      [
        '[03/03/2024, 21:00] Priya: Sorry, who is this?',
        "[03/03/2024, 21:05] Abi: It's Abi, Priya! From the APPG drinks",
      ].join('\n'),
    );
    expect(draft.messages?.map((m) => [m.author, m.fromTarget])).toEqual([
      ['Priya', true],
      ['Abi', false],
    ]);
  });
});
