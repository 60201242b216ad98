import { FlashcardDownloads } from '@/components/interop/flashcard-downloads';
import { QuestionExportForm } from '@/components/interop/question-downloads';
import { Card } from '@/components/ui/card';
import { currentTeacher } from '@/server/auth';
import { getSetWithPublicItems } from '@/server/sets';

/** The set page's downloads: flashcards for everyone, question-bank formats for a signed-in teacher. */
export async function SetDownloads({ setId }: { setId: string }) {
  const teacher = await currentTeacher();
  const items = teacher ? (await getSetWithPublicItems(setId)).items.map(({ id, type, prompt }) => ({ id, type, prompt })) : [];
  return (
    <section aria-labelledby="downloads" className="space-y-4">
      <h2 id="downloads">Downloads</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <FlashcardDownloads setId={setId} />
        </Card>
        {teacher ? (
          <Card className="space-y-3">
            <h3>For your learning platform</h3>
            <p className="text-muted">Questions with keys, explanations and sources for Moodle, Canvas, Blackboard or Google Forms.</p>
            <QuestionExportForm setId={setId} items={items} />
          </Card>
        ) : null}
      </div>
    </section>
  );
}
