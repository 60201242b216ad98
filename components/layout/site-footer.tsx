interface ArticleCredit {
  slug: string;
  title: string;
  author: string;
  publisher: string;
}

export function SiteFooter({ articles }: { articles: ArticleCredit[] }) {
  return (
    <footer className="border-t border-border bg-surface">
      <div className="mx-auto w-full max-w-5xl space-y-2 px-4 py-6 text-sm text-muted sm:px-6">
        {articles.map((article) => (
          <p key={article.slug}>
            Questions drawn from “{article.title}” by {article.author}, {article.publisher}. The article’s text belongs to its author and
            publisher.
          </p>
        ))}
        <p>Passage is self-hosted: your progress stays on this server.</p>
      </div>
    </footer>
  );
}
