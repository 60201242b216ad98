import { answer } from '../../../../shape';

// Passage's answer request, Next's work only: the dynamic segment, the bearer token read through
// headers(), the JSON body parsed, a JSON reply.
export async function POST(request, { params }) {
  return answer(request, (await params).attemptId);
}
