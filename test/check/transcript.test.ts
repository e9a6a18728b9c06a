/** Reading a pasted transcript: prompts, shell lines, soft wraps, continuation prompts, answers. */
import { describe, expect, it } from 'vitest';
import { transcriptCommands } from '../../src/check/transcript.js';
import { detectMode } from '../../src/check/detect-mode.js';

const words = (text: string): string[][] => transcriptCommands(text, 't').map((c) => c.line.words.map((w) => w.text));

describe('transcript commands', () => {
  it('takes commands after crm prompts of every form, and crm from the shell but not crm_mon', () => {
    const t = [
      'root@Lubuntu:~# crm_mon -l',
      'Online: [ Lubuntu Lubuntu1 ]',
      'root@Lubuntu:~# crm configure',
      'crm(live)# cib new config',
      'crm(config)configure# verify',
      'crm(live/Lubuntu)configure# show',
      'node 1: Lubuntu',
      '2 crm(live)node# standby Lubuntu',
    ].join('\n');
    expect(words(t)).toEqual([['configure'], ['cib', 'new', 'config'], ['verify'], ['show'], ['standby', 'Lubuntu']]);
    const cmds = transcriptCommands(t, 't');
    expect(cmds[0]!.kind).toBe('shell');
    expect(cmds[2]!.prompt).toEqual({ cib: 'config', level: 'configure' });
    expect(cmds[3]!.prompt).toEqual({ cib: 'live', level: 'configure' });
  });

  it('joins a break inside a word without a space, and one between words with a space', () => {
    const t = [
      'crm(config)configure# primitive failoverip ocf:heartbeat:IPaddr params ip=172.31',
      '.0.100 cidr_netmask=16 nic=eth0 op monitor interval="10s"',
      'crm(live)configure# primitive serviceWeb ocf:heartbeat:apache params',
      'configfile="/etc/apache2/apache2.conf" op monitor interval="60s" op start timeout="40s" op stop',
      'timeout="40s"',
    ].join('\n');
    const [ip, web] = words(t);
    expect(ip).toContain('ip=172.31.0.100');
    expect(web).toContain('configfile=/etc/apache2/apache2.conf');
    expect(web!.slice(-2)).toEqual(['stop', 'timeout=40s']);
  });

  it('keeps file positions on joined pieces', () => {
    const t = ['crm(live)configure# primitive p ocf:heartbeat:IPaddr params ip=10.0', '.0.1 nic=eth0'].join('\n');
    const nic = transcriptCommands(t, 't')[0]!.line.words.find((w) => w.text === 'nic=eth0')!;
    expect([nic.at.line, nic.at.col]).toEqual([2, 6]);
  });

  it('understands answers to crm questions and ignores output', () => {
    const t = [
      'crm(config)configure# end',
      'There are changes pending. Do you want to commit them? yes',
      'crm(config)# configure',
      'crm(config)configure# end',
      'There are changes pending. Do you want to commit them (y/n)? n',
      'INFO: something',
    ].join('\n');
    const cmds = transcriptCommands(t, 't');
    expect(cmds.map((c) => c.answers)).toEqual([[true], [], [false]]);
  });

  it('joins crmsh continuation prompts after a backslash', () => {
    const t = [
      'crm(live)configure# primitive p ocf:heartbeat:IPaddr \\',
      '   > params ip=10.0.0.1 \\',
      '   > op monitor interval=10s',
      'crm(live)configure# primitive q ocf:heartbeat:IPaddr \\',
      '    params ip=10.0.0.2',
    ].join('\n');
    const [p, q] = transcriptCommands(t, 't');
    expect(p!.line.words.map((w) => w.text)).toEqual(['primitive', 'p', 'ocf:heartbeat:IPaddr', 'params', 'ip=10.0.0.1', 'op', 'monitor', 'interval=10s']);
    expect([p!.line.words[5]!.at.line, p!.line.words[5]!.at.col]).toEqual([3, 6]);
    expect(q!.line.words.map((w) => w.text)).toEqual(['primitive', 'q', 'ocf:heartbeat:IPaddr', 'params', 'ip=10.0.0.2']);
  });
});

describe('mode detection', () => {
  it('tells transcripts, scripts and configure-level files apart', () => {
    expect(detectMode('crm(live)# configure\n')).toBe('transcript');
    expect(detectMode('root@h:~# crm node standby Lubuntu\n')).toBe('transcript');
    expect(detectMode('cib new config\nconfigure\nprimitive a Dummy\n')).toBe('script');
    expect(detectMode('node standby Lubuntu\n')).toBe('script');
    expect(detectMode('node standby\nprimitive a Dummy\n')).toBe('configure');
    expect(detectMode('primitive a Dummy\ncommit\n')).toBe('configure');
  });
});
