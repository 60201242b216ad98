import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ownedAssignment } from '@/server/assignments';
import { currentTeacher } from '@/server/auth';
import { or404 } from '@/server/pages';
import { qrSvgDataUrl } from '@/server/qr';
import { requestOrigin } from '@/server/session';

export const metadata: Metadata = { title: 'Join code' };

/** A page to project: the code, the link and the QR code, as large as the screen allows. */
export default async function QrPage({ params }: PageProps<'/teach/assignments/[id]/qr'>) {
  const teacher = await currentTeacher();
  if (!teacher) redirect('/teach/sign-in');
  const { id } = await params;
  const assignment = await or404(ownedAssignment(teacher, id));
  const origin = await requestOrigin();
  const link = `${origin}/a/${assignment.id}`;
  const qr = await qrSvgDataUrl(link);
  return (
    <div className="flex min-h-[70dvh] flex-col items-center justify-center gap-6 text-center">
      <h1 className="text-3xl sm:text-5xl">{assignment.title}</h1>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL QR code; next/image adds nothing */}
      <img src={qr} alt={`QR code for ${link}`} className="aspect-square w-[min(70vw,60vh)] rounded-lg bg-white p-2" />
      <p className="text-2xl">
        Go to <strong>{origin}/join</strong> and enter
      </p>
      <p className="font-mono text-5xl font-bold tracking-[0.3em] sm:text-7xl">{assignment.code}</p>
      <Link href={`/teach/assignments/${assignment.id}`}>Back to the report</Link>
    </div>
  );
}
