import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { loadContent, type ContentBundle, type ArticleFolder } from '@/lib/questions/bundle';

/** Reads every `questions/<slug>/` folder: `article.md` and its `*.yaml` set files. */
export function readArticleFolders(root: string): ArticleFolder[] {
  if (!fs.existsSync(root)) return [];
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((slug) => {
      const dir = path.join(root, slug);
      const articleFile = path.join(dir, 'article.md');
      if (!fs.existsSync(articleFile)) return [];
      const sets = fs
        .readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => {
          const file = path.join(dir, name);
          return { file: relative(file), text: fs.readFileSync(file, 'utf8') };
        });
      return [{ slug, article: { file: relative(articleFile), text: fs.readFileSync(articleFile, 'utf8') }, sets }];
    });
}

export function readContent(root: string): ContentBundle {
  return loadContent(readArticleFolders(root));
}
