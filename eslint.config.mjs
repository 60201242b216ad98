import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';

// The layering rules of shared/DESIGN.md ("what may import what"), enforced rather than remembered.
const serverImports = {
  group: ['@/server', '@/server/*', '**/server/*', '../server', '../../server'],
  message: 'Only app/ and scripts/ may import server/ (DESIGN.md: the one data layer).',
};
const appImports = { group: ['@/app', '@/app/*', '**/app/*'], message: 'Nothing imports app/: it holds routes only.' };
const componentImports = {
  group: ['@/components', '@/components/*', '**/components/*'],
  message: 'server/ and lib/ never import components/.',
};
const frameworkImports = {
  group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*', '@prisma/*', 'better-sqlite3', 'server-only', '**/generated/*'],
  message: 'lib/ is pure TypeScript: no Next, React, Prisma or database imports.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['**/.next/**', 'node_modules/**', 'server/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports, appImports, componentImports, frameworkImports] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports, appImports] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appImports, componentImports] }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Last, so that no stylistic rule argues with Prettier (npm run lint runs both).
  prettier,
]);
