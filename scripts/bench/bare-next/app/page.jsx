// Rendered on every request, like Passage's pages, so the two are compared doing the same kind of work.
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>bare Next</h1>
      <p>A server-rendered page with nothing behind it.</p>
    </main>
  );
}
