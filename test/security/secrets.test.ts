/**
 * No secrets in the repository or in what ships: every file git would commit (tracked, plus
 * new files not ignored) and the browser bundles (the workbench page built minified, and the
 * SPFx bundles in dist/ when `npm run build` has run) are scanned for private keys, client
 * secrets, connection strings, bearer tokens and the like. Documented placeholders
 * ("<client-secret>", "${...}", "xxxx", UseDevelopmentStorage=true) are allowed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildWorkbenchInto, ROOT } from '../e2e/support/harness';

/** A kind of secret and how to recognise it. */
interface SecretPattern {
  name: string;
  pattern: RegExp;
}

/** Recognisers, each specific enough not to fire on ordinary code (global flag: every match is checked). */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { name: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g },
  { name: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { name: 'bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/g },
  {
    name: 'client secret, password or API key value',
    pattern: /\b(?:client[_-]?secret|clientsecret|password|passwd|pwd|api[_-]?key|access[_-]?token|secret[_-]?key|auth[_-]?token)["']?\s*[:=]\s*["'`]([^"'`\s]{8,})["'`]/gi
  },
  { name: 'Entra ID client secret', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  { name: 'storage account key', pattern: /AccountKey=([A-Za-z0-9+/=]{20,})/g },
  { name: 'shared access signature', pattern: /(?:SharedAccessSignature=|[?&]sig=)([A-Za-z0-9%+/=]{20,})/g },
  { name: 'SQL connection string with password', pattern: /(?:Server|Data Source)=[^;"'\n]+;[^"'\n]*(?:Password|Pwd)=([^;"'\s]{4,})/gi },
  { name: 'URL with credentials', pattern: /\b(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql|redis|amqps?|https?|ftp):\/\/[^\s:@/"'`]+:([^\s@/"'`]{4,})@[^\s"'`]+/gi },
  { name: 'AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/g },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g }
];

/** Values that are documented placeholders, not secrets. */
const PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[A-Z_]+%|x{4,}|\*{4,}|\.{3,}|changeme|placeholder|redacted|not-a-(?:real-)?secret|(?:your|my|example|dummy|fake|test|sample)[-_a-z0-9]*)$/i;

/** One finding: where and what. */
interface Finding {
  where: string;
  kind: string;
  excerpt: string;
}

/** Scans text for secrets; `where` names it in findings. */
export function findSecrets(text: string, where: string): Finding[] {
  const findings: Finding[] = [];
  for (const { name, pattern } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? match[0];
      if (PLACEHOLDER.test(value) || /^UseDevelopmentStorage=true/i.test(value)) continue;
      const line = text.slice(0, match.index ?? 0).split('\n').length;
      findings.push({ where: `${where}:${line}`, kind: name, excerpt: match[0].slice(0, 24) + (match[0].length > 24 ? '…' : '') });
    }
  }
  return findings;
}

/** Files git would commit: tracked ones and new ones that are not ignored. */
function committableFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((f) => f !== '' && fs.existsSync(path.join(ROOT, f)) && fs.statSync(path.join(ROOT, f)).isFile());
}

/** Whether a buffer looks like text (no NUL in its first 8 KB). */
function isText(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).indexOf(0) < 0;
}

describe('secret scanner (guards the scan itself)', () => {
  // Built at run time so this file itself contains no secret-shaped literal.
  const join = (...parts: string[]): string => parts.join('');
  const samples: Array<[string, string]> = [
    ['private key', join('-----BEGIN ', 'RSA PRIVATE KEY-----\nMIIEow...')],
    ['JSON web token', join('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')],
    ['bearer token', join('Authorization: Bear', 'er abcdefghijklmnopqrstuvwxyz0123456789')],
    ['client secret, password or API key value', join('client', 'Secret: "s3cr3t-V4lue-99"')],
    ['Entra ID client secret', join('abc', '8Q~', 'abcdefghijklmnopqrstuvwxyz0123456')],
    ['storage account key', join('DefaultEndpointsProtocol=https;AccountName=x;Account', 'Key=', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=')],
    ['SQL connection string with password', join('Server=tcp:db.example.net;Database=ssm;User Id=app;Pass', 'word=Hunter2!x;')],
    ['URL with credentials', join('postgres://ssm:', 'pa55word', '@db.example.net/ssm')],
    ['AWS access key', join('AKIA', 'IOSFODNN7EXAMPLE')],
    ['GitHub token', join('ghp_', 'a'.repeat(36))]
  ];

  it.each(samples)('finds a %s', (kind, text) => {
    expect(findSecrets(text, 'sample').map((f) => f.kind)).toContain(kind);
  });

  it('allows documented placeholders and ordinary code', () => {
    const fine = [
      'clientSecret: "<client-secret>"',
      'password = "${SSM_PASSWORD}"',
      'AzureWebJobsStorage=UseDevelopmentStorage=true',
      "headers: { Authorization: `Bearer ${token}` }",
      'apiKey: "xxxxxxxx"',
      'const password = readPassword();',
      'https://www.chorley.gov.uk/Pages/Home.aspx'
    ].join('\n');
    expect(findSecrets(fine, 'fine')).toEqual([]);
  });
});

describe('no secrets in the repository or the bundles', () => {
  it('finds none in the files git would commit', () => {
    const files = committableFiles();
    expect(files.length).toBeGreaterThan(50);
    const findings: Finding[] = [];
    for (const file of files) {
      const buffer = fs.readFileSync(path.join(ROOT, file));
      if (!isText(buffer) || buffer.length > 5 * 1024 * 1024) continue;
      findings.push(...findSecrets(buffer.toString('utf8'), file));
    }
    expect(findings).toEqual([]);
  });

  it('finds none in the workbench page bundle (built minified, as served)', async () => {
    const outDir = await buildWorkbenchInto('ssm-secrets-', { minify: true });
    try {
      const js = fs.readdirSync(outDir).filter((f) => f.endsWith('.js'));
      expect(js.length).toBeGreaterThan(0);
      const findings = js.flatMap((f) => findSecrets(fs.readFileSync(path.join(outDir, f), 'utf8'), `workbench/${f}`));
      expect(findings).toEqual([]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('finds none in the shipped SPFx bundles in dist/ (when `npm run build` has run)', () => {
    const dist = path.join(ROOT, 'dist');
    const js = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')) : [];
    // Without a build there is nothing shipped to scan; CI builds after testing.
    const findings = js.flatMap((f) => findSecrets(fs.readFileSync(path.join(dist, f), 'utf8'), `dist/${f}`));
    expect(findings).toEqual([]);
  });
});
